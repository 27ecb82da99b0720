import { Checkbox, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportingPeriod, ReportingPlan } from '../../api/reporting-plan.js';
import { periodLabel } from '../../shared/format.js';

/** The last month of a period: Q2 → 6, M03 → 3. */
function lastMonth(period: string): number | null {
  const quarter = /^Q([1-4])$/.exec(period)?.[1];
  if (quarter) return Number(quarter) * 3;
  const month = /^M(\d{2})$/.exec(period)?.[1];
  return month ? Number(month) : null;
}

/** The plan's due day in the period's last month (clamped to the month's end), before any working-day shift. */
export function nominalDueDate(year: number, period: string, dueDay: number): string | null {
  const month = lastMonth(period);
  if (month === null) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(dueDay, daysInMonth);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The periods of the plan's year with their dates and states; the lock
 * column edits `lockedPeriods` (a form field: value and onChange come from Form.Item).
 */
export function ReportingPeriodsTable(props: {
  plan: ReportingPlan;
  value?: string[];
  onChange?: (locked: string[]) => void;
}) {
  const { t } = useTranslation();
  const { plan } = props;
  const locked = new Set(props.value ?? plan.lockedPeriods);

  function toggle(period: string, checked: boolean): void {
    const next = new Set(locked);
    if (checked) next.add(period);
    else next.delete(period);
    props.onChange?.([...next]);
  }

  return (
    <Table<ReportingPeriod>
      rowKey="period"
      size="small"
      pagination={false}
      dataSource={plan.periods}
      columns={[
        { title: t('settings.plan.period'), key: 'period', render: (_, p) => periodLabel(t, p.period) },
        { title: t('settings.plan.startDate'), dataIndex: 'startDate' },
        {
          title: t('settings.plan.dueDate'),
          key: 'dueDate',
          render: (_, p) => {
            const nominal = nominalDueDate(plan.year, p.period, plan.dueDay);
            return (
              <Space size={4} wrap>
                <span>{p.dueDate}</span>
                {nominal && nominal !== p.dueDate && (
                  <span style={{ color: 'rgba(0,0,0,0.55)' }}>（{t('settings.plan.shifted', { date: nominal })}）</span>
                )}
              </Space>
            );
          },
        },
        {
          title: t('settings.plan.state'),
          key: 'state',
          render: (_, p) =>
            p.locked ? (
              <Tag color="default">{t('settings.plan.locked')}</Tag>
            ) : p.open ? (
              <Tag color="green">{t('settings.plan.open')}</Tag>
            ) : (
              <Tag>{t('settings.plan.notOpen')}</Tag>
            ),
        },
        {
          title: t('settings.plan.lock'),
          key: 'lock',
          render: (_, p) => {
            const name = t('settings.plan.lockNamed', { period: periodLabel(t, p.period) });
            return (
              <Checkbox
                aria-label={name}
                checked={locked.has(p.period)}
                onChange={(event) => toggle(p.period, event.target.checked)}
              />
            );
          },
        },
      ]}
    />
  );
}
