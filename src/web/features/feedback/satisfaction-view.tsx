import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ItemSatisfaction, type UnitSatisfaction, useSatisfaction } from '../../api/feedback.js';
import type { Id } from '../../api/types.js';
import { LoadError, Loading } from '../../shared/query-state.js';

const score = (n: number): string => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

/** The mean as a number and a small bar out of 5 (the number carries the meaning; the bar is decoration). */
function AverageBar({ average }: { average: number | null }) {
  const { t } = useTranslation();
  if (average === null) return <>{t('feedback.noRatings')}</>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span style={{ minWidth: 32, textAlign: 'right' }}>{score(average)}</span>
      <span
        aria-hidden="true"
        title={t('feedback.averageBar', { average: score(average) })}
        style={{ display: 'inline-block', width: 80, height: 8, background: '#f0f0f0', borderRadius: 4 }}
      >
        <span
          data-testid="average-bar"
          style={{
            display: 'block',
            width: `${Math.round((average / 5) * 100)}%`,
            height: '100%',
            background: average >= 4 ? '#389e0d' : average >= 3 ? '#1677ff' : '#d4380d',
            borderRadius: 4,
          }}
        />
      </span>
    </span>
  );
}

/** Satisfaction of a programme: overall, per item (with the 1–5 distribution and waiting comments), per lead unit. */
export function SatisfactionView({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const satisfaction = useSatisfaction(programmeId);
  if (satisfaction.isPending) return <Loading />;
  if (satisfaction.isError) return <LoadError error={satisfaction.error} />;
  const { overall, items, units } = satisfaction.data;
  const distribution = (d: number[]) => {
    const [one = 0, two = 0, three = 0, four = 0, five = 0] = d;
    return t('feedback.distributionText', { one, two, three, four, five });
  };

  return (
    <>
      <Typography.Paragraph strong>
        {overall.average === null
          ? t('feedback.overallNone')
          : t('feedback.overall', { average: score(overall.average), count: overall.count })}
      </Typography.Paragraph>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('feedback.byItem')}
      </Typography.Title>
      <Table<ItemSatisfaction>
        rowKey="itemId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={items}
        columns={[
          {
            title: t('feedback.item'),
            key: 'item',
            render: (_, i) => (
              <span style={{ paddingLeft: i.parentItemId === null ? 0 : 16 }}>
                {[i.number, i.name].filter(Boolean).join(' ')}
              </span>
            ),
          },
          { title: t('feedback.unit'), key: 'unit', render: (_, i) => i.leadUnitName ?? t('feedback.noRatings') },
          { title: t('feedback.average'), key: 'average', render: (_, i) => <AverageBar average={i.average} /> },
          { title: t('feedback.count'), dataIndex: 'count', align: 'right' },
          { title: t('feedback.distribution'), key: 'distribution', render: (_, i) => distribution(i.distribution) },
          { title: t('feedback.pending'), dataIndex: 'pendingComments', align: 'right' },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('feedback.byUnit')}
      </Typography.Title>
      <Table<UnitSatisfaction>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={units}
        columns={[
          { title: t('feedback.unit'), dataIndex: 'name' },
          { title: t('feedback.average'), key: 'average', render: (_, u) => <AverageBar average={u.average} /> },
          { title: t('feedback.count'), dataIndex: 'count', align: 'right' },
          { title: t('feedback.itemCount'), dataIndex: 'itemCount', align: 'right' },
        ]}
      />
    </>
  );
}
