import { Descriptions, Empty, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportState, type ReportValue, useReportingPlan } from '../../api/reports.js';
import type { Indicator, ItemDetail } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';
import { achievedPercent, milestonesOfQuarter, type PlanBasis, plannedAt } from './plan.js';
import { useReportItem } from './report-item.js';
import { formatNumber, ReportStateTag } from './report-labels.js';

const multiline = { whiteSpace: 'pre-wrap' } as const;

/** The item, the period and who reports: the head of a report form or review. */
export function ReportHead({
  item,
  period,
  unitName,
  dueDate,
  state,
}: {
  item: Pick<ItemDetail, 'number' | 'name' | 'target'>;
  period: string;
  unitName: string;
  dueDate: string | null;
  state: ReportState | null;
}) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'item', label: t('reports.form.item'), children: [item.number, item.name].filter(Boolean).join(' ') },
        { key: 'unit', label: t('reports.form.unit'), children: unitName || t('reports.form.none') },
        { key: 'period', label: t('reports.form.period'), children: periodLabel(t, period) },
        { key: 'due', label: t('reports.form.dueDate'), children: dueDate ?? t('reports.form.none') },
        { key: 'state', label: t('reports.form.state'), children: <ReportStateTag state={state} /> },
        {
          key: 'target',
          label: t('reports.form.target'),
          children: <div style={multiline}>{item.target || t('reports.form.none')}</div>,
        },
      ]}
    />
  );
}

/** The milestones the plan sets for the quarter the period falls in. */
export function QuarterMilestones({ item, period }: { item: Pick<ItemDetail, 'milestones'>; period: string }) {
  const { t } = useTranslation();
  const milestones = milestonesOfQuarter(item.milestones, period);
  return (
    <section>
      <SectionTitle level={3}>{t('reports.form.milestones')}</SectionTitle>
      {milestones.length === 0 ? (
        <Typography.Text type="secondary">{t('reports.form.noMilestones')}</Typography.Text>
      ) : (
        <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="quarter-milestones">
          {milestones.map((m) => (
            <li key={m.id}>
              {periodLabel(t, m.period)}
              {m.dueDate ? `（${m.dueDate}）` : ''}：{m.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type PlanSource = Pick<ItemDetail, 'indicators' | 'programmeId' | 'deadline' | 'parentItemId'>;

/**
 * The programme's year and interpolation and the item's deadline; null until
 * known, so the form never shows a planned value the status will not use.
 */
function usePlanBasis(item: PlanSource): PlanBasis | null {
  const plan = useReportingPlan(item.programmeId);
  const own = item.deadline?.date ?? null;
  // A part without a deadline of its own is held to its parent's, as the server's status does.
  const needsParent = own === null && item.parentItemId !== null;
  const parent = useReportItem(needsParent ? (item.parentItemId ?? undefined) : undefined);
  if (!plan.data || (needsParent && parent.isPending)) return null;
  return {
    year: plan.data.year,
    interpolation: plan.data.interpolation,
    deadline: own ?? parent.data?.deadline?.date ?? null,
  };
}

interface PlanRow {
  indicator: Indicator;
  planned: number | null;
  actual: number | null;
}

/**
 * Each indicator's planned cumulative value at the end of the period (step or
 * linear, as the programme's reporting plan says) beside the actual one: as
 * inputs in the form (`renderActual`), as numbers with the share achieved in a
 * review.
 */
export function PlanVsActual({
  item,
  period,
  values,
  renderActual,
}: {
  item: PlanSource;
  period: string;
  values?: readonly ReportValue[] | undefined;
  renderActual?: ((indicator: Indicator) => ReactNode) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const basis = usePlanBasis(item);
  const byId = new Map((values ?? []).map((v) => [v.indicatorId, v.value]));
  const rows: PlanRow[] = item.indicators.map((indicator) => ({
    indicator,
    planned: basis ? plannedAt(indicator, period, basis) : null,
    actual: byId.get(indicator.id) ?? null,
  }));
  if (rows.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.form.noIndicators')} />;
  }
  return (
    <Table<PlanRow>
      size="small"
      pagination={false}
      rowKey={(row) => row.indicator.id}
      dataSource={rows}
      data-testid="plan-vs-actual"
      columns={[
        {
          key: 'name',
          title: t('reports.form.indicator'),
          render: (_, row) => `${row.indicator.name}（${row.indicator.unit}）`,
        },
        {
          key: 'planned',
          title: t('reports.form.planned'),
          render: (_, row) => formatNumber(row.planned, lang),
        },
        {
          key: 'actual',
          title: t('reports.form.actual'),
          render: (_, row) => (renderActual ? renderActual(row.indicator) : formatNumber(row.actual, lang)),
        },
        ...(renderActual
          ? []
          : [
              {
                key: 'ratio',
                title: t('reports.review.ratio'),
                render: (_: unknown, row: PlanRow) => {
                  const percent = achievedPercent(row.planned, row.actual, row.indicator.direction);
                  return percent === null ? '—' : `${percent}%`;
                },
              },
            ]),
        {
          key: 'target',
          title: t('reports.form.target2'),
          render: (_, row) => formatNumber(row.indicator.target, lang),
        },
      ]}
    />
  );
}
