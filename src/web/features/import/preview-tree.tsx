import { Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportWarning, InterchangeItem, ProgrammeDocument } from '../../api/interchange.js';
import { QUARTERS } from '../../api/types.js';
import { chineseNumeral, deadlineLabel, periodLabel } from '../../shared/format.js';
import { type ItemAddress, pathOf } from './document-edit.js';
import { WarningList } from './warning-list.js';

interface Row {
  /** The row's path, the same a warning names it by. */
  key: string;
  address: ItemAddress;
  heading?: { number: string; title: string };
  item?: InterchangeItem;
  children?: Row[];
}

// antd shows an expander for any `children` array, so leaves carry none.
function itemRow(item: InterchangeItem, address: ItemAddress): Row {
  const children = (item.children ?? []).map((child, i) =>
    itemRow(child, { ...address, items: [...address.items, i] }),
  );
  const row: Row = { key: pathOf(address), address, item };
  return children.length > 0 ? { ...row, children } : row;
}

function rowsOf(document: ProgrammeDocument): Row[] {
  return document.categories.map((category, c) => {
    const address = { category: c, items: [] };
    const children = category.items.map((item, i) => itemRow(item, { category: c, items: [i] }));
    const heading = {
      number: category.ordinal === null ? '' : chineseNumeral(category.ordinal),
      title: category.title,
    };
    return { key: pathOf(address), address, heading, ...(children.length > 0 ? { children } : {}) };
  });
}

export const itemLabel = (item: InterchangeItem): string => [item.number, item.name].filter(Boolean).join(' ');

const names = (values: readonly string[] | undefined) =>
  (values ?? []).map((value) => (
    <Tag key={value} style={{ marginInlineEnd: 4 }}>
      {value}
    </Tag>
  ));

/** Categories → items → parts as read from the list, each row with the warnings about it. */
export function PreviewTree({
  document,
  warningsByPath,
  onEdit,
  onRemove,
}: {
  document: ProgrammeDocument;
  warningsByPath: Map<string, ImportWarning[]>;
  onEdit: (address: ItemAddress) => void;
  onRemove: (address: ItemAddress) => void;
}) {
  const { t } = useTranslation();
  const none = t('common.none');

  const indicators = (item: InterchangeItem) =>
    (item.indicators ?? []).map((indicator, index) => {
      const checkpoints = QUARTERS.filter((q) => indicator.checkpoints?.[q] !== undefined)
        .map((q) => `${periodLabel(t, q)} ${indicator.checkpoints?.[q]}`)
        .join(' / ');
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: indicators are edited as a list, by position
        <div key={index}>
          {indicator.name}：{indicator.target ?? none}
          {indicator.unit}
          {checkpoints && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {checkpoints}
            </Typography.Text>
          )}
        </div>
      );
    });

  const columns: TableColumnsType<Row> = [
    {
      title: t('items.number'),
      key: 'number',
      width: 110,
      render: (_, row) => row.heading?.number ?? row.item?.number,
    },
    {
      title: t('items.name'),
      key: 'name',
      render: (_, row) =>
        row.heading ? (
          <Typography.Text strong>{row.heading.title || t('import.diff.noCategory')}</Typography.Text>
        ) : (
          row.item?.name
        ),
    },
    { title: t('items.leadUnit'), key: 'leadUnit', render: (_, row) => row.item?.leadUnit },
    { title: t('import.preview.coUnits'), key: 'coUnits', render: (_, row) => names(row.item?.coUnits) },
    { title: t('import.preview.persons'), key: 'persons', render: (_, row) => names(row.item?.persons) },
    { title: t('import.preview.leaders'), key: 'leaders', render: (_, row) => names(row.item?.leaders) },
    { title: t('items.deadline'), key: 'deadline', render: (_, row) => deadlineLabel(row.item?.deadline) },
    { title: t('import.preview.indicators'), key: 'indicators', render: (_, row) => row.item && indicators(row.item) },
    {
      title: t('import.preview.warnings'),
      key: 'warnings',
      width: 280,
      render: (_, row) => <WarningList warnings={warningsByPath.get(row.key) ?? []} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      render: (_, row) => {
        if (!row.item) return null;
        const label = itemLabel(row.item);
        return (
          <Space size="small">
            <Button
              size="small"
              aria-label={t('import.preview.editNamed', { name: label })}
              onClick={() => onEdit(row.address)}
            >
              {t('import.preview.edit')}
            </Button>
            <Popconfirm
              title={t('import.preview.confirmRemove', { name: label })}
              okText={t('import.preview.removeRow')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(row.address)}
            >
              <Button size="small" danger aria-label={t('import.preview.removeRowNamed', { name: label })}>
                {t('import.preview.removeRow')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Table<Row>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rowsOf(document)}
      columns={columns}
      expandable={{ defaultExpandAllRows: true }}
      locale={{ emptyText: t('import.preview.empty') }}
      onRow={(row) => (warningsByPath.has(row.key) ? { style: { background: '#fffbe6' } } : {})}
    />
  );
}
