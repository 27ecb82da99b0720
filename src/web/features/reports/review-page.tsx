import { Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProgramme } from '../../api/programmes.js';
import {
  REPORT_STATES,
  type ReportState,
  type ReportSummary,
  type ReviewFilter,
  useReportingPlan,
  useReviewQueue,
} from '../../api/reports.js';
import type { Id } from '../../api/types.js';
import { useUnits } from '../../api/units.js';
import { formatDateTime, periodLabel } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';
import { PeriodLocks } from './period-locks.js';
import { ReportStateTag } from './report-labels.js';
import { ReviewDrawer } from './review-drawer.js';

const PAGE_SIZE = 20;

/** 审核: the office's queue of reports (submitted first by default), a drawer per report, and the period locks. */
export function ReviewPage() {
  const programmeId = Number(useParams().id);
  const { t, i18n } = useTranslation();
  const programme = useProgramme(programmeId);
  const plan = useReportingPlan(programmeId);
  const units = useUnits(programme.data?.jurisdictionId, programme.data !== undefined);
  const [filter, setFilter] = useState<ReviewFilter>({ state: 'submitted' });
  const [page, setPage] = useState(1);
  const queue = useReviewQueue(programmeId, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const [open, setOpen] = useState<Id | null>(null);

  const change = (next: Partial<ReviewFilter>) => {
    setFilter((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const dueDateOf = (period: string) => plan.data?.periods.find((p) => p.period === period)?.dueDate ?? null;

  return (
    <>
      <Link to={`/programmes/${programmeId}`}>{programme.data?.title ?? t('reports.review.back')}</Link>
      <PageHeader title={t('reports.review.title')} />
      <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t('reports.review.filters')}>
        <Select<string>
          aria-label={t('reports.review.period')}
          style={{ minWidth: 140 }}
          value={filter.period ?? ''}
          onChange={(value) => change({ period: value || undefined })}
          options={[
            { value: '', label: t('reports.review.allPeriods') },
            ...(plan.data?.periods ?? []).map((p) => ({ value: p.period, label: periodLabel(t, p.period) })),
          ]}
        />
        <Select<number>
          aria-label={t('reports.review.unit')}
          style={{ minWidth: 180 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.unitId ?? 0}
          onChange={(value) => change({ unitId: value || undefined })}
          options={[
            { value: 0, label: t('reports.review.allUnits') },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <Select<string>
          aria-label={t('reports.review.state')}
          style={{ minWidth: 140 }}
          value={filter.state ?? ''}
          onChange={(value) => change({ state: (value || undefined) as ReportState | undefined })}
          options={[
            { value: '', label: t('reports.review.allStates') },
            ...REPORT_STATES.map((s) => ({ value: s, label: t(`reports.states.${s}`) })),
          ]}
        />
      </Space>
      {queue.isError ? (
        <LoadError error={queue.error} />
      ) : (
        <Table<ReportSummary>
          size="small"
          rowKey="id"
          loading={queue.isFetching}
          dataSource={queue.data?.items ?? []}
          locale={{ emptyText: t('reports.review.empty') }}
          data-testid="review-queue"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: queue.data?.total ?? 0,
            onChange: setPage,
            showTotal: (count) => t('reports.review.total', { count }),
          }}
          columns={[
            {
              key: 'item',
              title: t('reports.review.item'),
              render: (_, r) => [r.itemNumber, r.itemName].filter(Boolean).join(' '),
            },
            { key: 'unit', title: t('reports.review.unit'), dataIndex: 'unitName' },
            { key: 'period', title: t('reports.review.period'), render: (_, r) => periodLabel(t, r.period) },
            { key: 'state', title: t('reports.review.state'), render: (_, r) => <ReportStateTag state={r.state} /> },
            {
              key: 'percent',
              title: t('reports.review.percent'),
              render: (_, r) => (r.percentComplete === null ? '—' : `${r.percentComplete}%`),
            },
            {
              key: 'submitted',
              title: t('reports.review.submittedAt'),
              render: (_, r) => (r.submittedAt ? formatDateTime(r.submittedAt, i18n.language) : '—'),
            },
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, r) => (
                <Button
                  size="small"
                  onClick={() => setOpen(r.id)}
                  aria-label={t('reports.review.viewNamed', {
                    name: [r.itemNumber, r.itemName].filter(Boolean).join(' '),
                    period: periodLabel(t, r.period),
                  })}
                >
                  {t('reports.review.view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Typography.Paragraph />
      <PeriodLocks programmeId={programmeId} />
      {open !== null && <ReviewDrawer reportId={open} dueDateOf={dueDateOf} onClose={() => setOpen(null)} />}
    </>
  );
}
