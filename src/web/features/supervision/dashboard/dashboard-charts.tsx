import { Table } from 'antd';
import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ITEM_STATUSES, type ItemStatus } from '../../../api/status.js';
import { ChartFigure } from '../shared/chart-figure.js';
import { STATUS_COLOURS } from '../shared/status.js';
import type { Group, StatusCounts } from './aggregate.js';

/** 滞后 2 个、正常推进 5 个: the statuses that occur, worst first. */
export function countsSentence(t: TFunction, counts: StatusCounts): string {
  return ITEM_STATUSES.filter((status) => counts[status] > 0)
    .map((status) =>
      t('supervision.dashboard.statusPart', { status: t(`supervision.status.${status}`), count: counts[status] }),
    )
    .join('、');
}

export function StatusChart({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const total = ITEM_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const label = (status: ItemStatus) => t(`supervision.status.${status}`);
  const option: EChartsOption = {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}：{c}' },
        data: ITEM_STATUSES.filter((status) => counts[status] > 0).map((status) => ({
          name: label(status),
          value: counts[status],
          itemStyle: { color: STATUS_COLOURS[status] },
        })),
      },
    ],
  };
  const summary =
    total === 0
      ? t('supervision.dashboard.noData')
      : t('supervision.dashboard.statusSummary', { total, parts: countsSentence(t, counts) });
  return (
    <ChartFigure
      title={t('supervision.dashboard.byStatus')}
      summary={summary}
      option={option}
      table={
        <Table
          size="small"
          pagination={false}
          rowKey="status"
          dataSource={ITEM_STATUSES.map((status) => ({ status, count: counts[status] }))}
          columns={[
            {
              title: t('supervision.status.label'),
              dataIndex: 'status',
              render: (status: ItemStatus) => label(status),
            },
            { title: t('supervision.chart.count'), dataIndex: 'count', align: 'right' },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('supervision.chart.total')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {total}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      }
    />
  );
}

/** A stacked bar per group (category or unit), one colour and legend entry per status. */
export function GroupChart({ title, groups, nameTitle }: { title: string; groups: Group[]; nameTitle: string }) {
  const { t } = useTranslation();
  const used = ITEM_STATUSES.filter((status) => groups.some((g) => g.counts[status] > 0));
  const names = groups.map((g) => g.name);
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: used.map((status) => ({
      type: 'bar',
      stack: 'status',
      name: t(`supervision.status.${status}`),
      itemStyle: { color: STATUS_COLOURS[status] },
      label: { show: true, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      data: groups.map((g) => g.counts[status]),
    })),
  };
  const summary =
    groups.length === 0
      ? t('supervision.dashboard.noData')
      : groups
          .map((g) => t('supervision.dashboard.groupSummary', { name: g.name, parts: countsSentence(t, g.counts) }))
          .join('；');
  return (
    <ChartFigure
      title={title}
      summary={summary}
      option={option}
      height={Math.max(200, 40 + groups.length * 32)}
      table={
        <Table<Group>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={groups}
          scroll={{ x: true }}
          columns={[
            { title: nameTitle, dataIndex: 'name' },
            ...ITEM_STATUSES.map((status) => ({
              title: t(`supervision.status.${status}`),
              key: status,
              align: 'right' as const,
              render: (_: unknown, g: Group) => g.counts[status],
            })),
            { title: t('supervision.chart.total'), dataIndex: 'total', align: 'right' as const },
          ]}
        />
      }
    />
  );
}
