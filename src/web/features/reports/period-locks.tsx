import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import { type ReportingPeriod, useReportingPlan, useSetPeriodLocked } from '../../api/reports.js';
import type { Id } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';
import { LoadError, Loading } from '../../shared/query-state.js';

/** Lock an approved period (or unlock it again), each after a confirm; the server refuses while reports await review. */
export function PeriodLocks({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = useReportingPlan(programmeId);
  const setLocked = useSetPeriodLocked();

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} />;

  async function toggle(period: ReportingPeriod): Promise<void> {
    const label = periodLabel(t, period.period);
    try {
      await setLocked.mutateAsync({ programmeId, period: period.period, locked: !period.locked });
      message.success(t(period.locked ? 'reports.locks.unlockedDone' : 'reports.locks.lockedDone', { period: label }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <section data-testid="period-locks">
      <SectionTitle>{t('reports.locks.title')}</SectionTitle>
      <Typography.Paragraph type="secondary">{t('reports.locks.hint')}</Typography.Paragraph>
      <Table<ReportingPeriod>
        size="small"
        rowKey="period"
        pagination={false}
        dataSource={plan.data.periods}
        columns={[
          { key: 'period', title: t('reports.review.period'), render: (_, p) => periodLabel(t, p.period) },
          { key: 'due', title: t('reports.form.dueDate'), dataIndex: 'dueDate' },
          {
            key: 'state',
            title: t('reports.review.state'),
            render: (_, p) =>
              p.locked ? (
                <Tag color="default">{t('reports.locks.locked')}</Tag>
              ) : p.open ? (
                <Tag color="green">{t('reports.locks.open')}</Tag>
              ) : (
                <Tag>{t('reports.locks.notStarted')}</Tag>
              ),
          },
          {
            key: 'action',
            title: t('common.actions'),
            render: (_, p) => {
              const label = periodLabel(t, p.period);
              const verb = p.locked ? 'unlock' : 'lock';
              return (
                <Space>
                  <Popconfirm
                    title={t(p.locked ? 'reports.locks.confirmUnlock' : 'reports.locks.confirmLock', { period: label })}
                    okText={t(`reports.locks.${verb}`)}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle(p)}
                  >
                    <Button size="small" aria-label={t(`reports.locks.${verb}Named`, { period: label })}>
                      {t(`reports.locks.${verb}`)}
                    </Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
    </section>
  );
}
