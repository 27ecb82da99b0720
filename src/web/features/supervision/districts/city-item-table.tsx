import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CityItemRollup, DistrictItem } from '../../../api/districts.js';
import { StatusReasons, StatusTag } from '../shared/status.js';

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : new Intl.NumberFormat('zh-CN').format(n);

interface Row {
  key: string;
  jurisdictionName: string;
  items: DistrictItem[];
  lagging: boolean;
}

/** District by district: the items serving the city item, their status, and per unit of measure target and actual, with sums. */
export function CityItemTable({ cityItem }: { cityItem: CityItemRollup }) {
  const { t } = useTranslation();
  const laggingSet = new Set(cityItem.lagging);
  const rows: Row[] = cityItem.districts.map((d) => ({
    key: `${d.programmeId}`,
    jurisdictionName: d.jurisdictionName,
    items: d.items,
    lagging: laggingSet.has(d.jurisdictionName),
  }));
  const contribution = (unitIndex: number, row: Row, pick: 'target' | 'actual'): number | null => {
    const parts = (cityItem.indicators[unitIndex]?.contributions ?? []).filter(
      (c) => c.jurisdictionName === row.jurisdictionName,
    );
    const values = parts.map((c) => c[pick]).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };

  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      onRow={(row) => (row.lagging ? { style: { background: '#fff2e8' } } : {})}
      columns={[
        {
          title: t('supervision.districts.district'),
          key: 'district',
          render: (_, row) => (
            <Space size={4} wrap>
              {row.jurisdictionName}
              {row.lagging && <Tag color="volcano">{t('supervision.districts.laggingMark')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('supervision.districts.districtItem'),
          key: 'items',
          render: (_, row) => (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {row.items.map((item) => (
                <li key={item.itemId}>
                  <Space size={4} wrap align="start">
                    <Link to={`/items/${item.itemId}`}>{[item.number, item.name].filter(Boolean).join(' ')}</Link>
                    <StatusTag status={item.status} />
                    {item.leadUnit && <span>（{item.leadUnit}）</span>}
                  </Space>
                  <StatusReasons reasons={item.reasons} />
                </li>
              ))}
            </ul>
          ),
        },
        ...cityItem.indicators.flatMap((sum, index) => [
          {
            title: `${t('supervision.districts.target')}（${sum.unit}）`,
            key: `target-${index}`,
            align: 'right' as const,
            render: (_: unknown, row: Row) => num(contribution(index, row, 'target')),
          },
          {
            title: `${t('supervision.districts.actual')}（${sum.unit}）`,
            key: `actual-${index}`,
            align: 'right' as const,
            render: (_: unknown, row: Row) => num(contribution(index, row, 'actual')),
          },
        ]),
      ]}
      summary={() =>
        cityItem.indicators.length === 0 ? null : (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('supervision.districts.sum')}
            </Table.Summary.Cell>
            {cityItem.indicators.flatMap((sum, index) => [
              <Table.Summary.Cell key={`t${sum.unit}`} index={2 + index * 2} align="right">
                {num(sum.targetSum)}
              </Table.Summary.Cell>,
              <Table.Summary.Cell key={`a${sum.unit}`} index={3 + index * 2} align="right">
                {num(sum.actualSum)}
              </Table.Summary.Cell>,
            ])}
          </Table.Summary.Row>
        )
      }
    />
  );
}
