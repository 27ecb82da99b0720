import { Button, Card, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteCategory } from '../../api/categories.js';
import { useDeleteItem } from '../../api/items.js';
import type { Category, Id, ItemNode } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { categoryHeading } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';
import { CreateItemModal } from '../items/item-form-modal.js';
import { CategoryModal } from './category-modal.js';

interface ItemRow {
  key: Id;
  item: ItemNode;
  children?: ItemRow[];
}

// antd shows an expander for any `children` array, so leaves carry none.
const toRow = (item: ItemNode): ItemRow =>
  item.children.length > 0 ? { key: item.id, item, children: item.children.map(toRow) } : { key: item.id, item };

const itemLabel = (item: ItemNode): string => [item.number, item.name].filter(Boolean).join(' ');

type Dialog = { kind: 'category'; category?: Category } | { kind: 'item'; categoryId: Id; parent?: ItemNode } | null;

/** Categories → items → parts of one programme, with the editing buttons for those who may write. */
export function ProgrammeTree({
  programmeId,
  categories,
  canWrite,
}: {
  programmeId: Id;
  categories: Category[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const removeCategory = useDeleteCategory();
  const removeItem = useDeleteItem();
  const nextOrdinal = Math.max(0, ...categories.map((c) => c.ordinal ?? 0)) + 1;

  const columns = [
    { title: t('items.number'), key: 'number', width: 90, render: (_: unknown, row: ItemRow) => row.item.number },
    {
      title: t('items.name'),
      key: 'name',
      render: (_: unknown, row: ItemRow) => <Link to={`/items/${row.item.id}`}>{row.item.name}</Link>,
    },
    {
      title: t('items.leadUnit'),
      key: 'lead',
      render: (_: unknown, row: ItemRow) => row.item.units.find((u) => u.role === 'lead')?.name ?? t('common.none'),
    },
    {
      title: t('items.deadline'),
      key: 'deadline',
      render: (_: unknown, row: ItemRow) => row.item.deadline?.text || row.item.deadline?.date || t('common.none'),
    },
    {
      title: t('items.milestoneCount'),
      key: 'milestones',
      align: 'right' as const,
      render: (_: unknown, row: ItemRow) => row.item.milestones.length,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ItemRow) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  aria-label={t('items.addPartNamed', { name: itemLabel(row.item) })}
                  onClick={() => setDialog({ kind: 'item', categoryId: row.item.categoryId, parent: row.item })}
                >
                  {t('items.addPart')}
                </Button>
                <DeleteButton name={itemLabel(row.item)} onConfirm={() => removeItem.mutateAsync(row.item.id)} />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {canWrite && (
        <Button type="primary" onClick={() => setDialog({ kind: 'category' })} style={{ marginBottom: 16 }}>
          {t('categories.add')}
        </Button>
      )}
      {categories.length === 0 && <Empty description={t('categories.empty')} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {categories.map((category) => {
          const heading = categoryHeading(category.ordinal, category.title);
          return (
            <Card
              key={category.id}
              size="small"
              title={<SectionTitle flush>{heading}</SectionTitle>}
              extra={
                canWrite && (
                  <Space size="small" wrap>
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      aria-label={t('categories.addItemNamed', { name: heading })}
                      onClick={() => setDialog({ kind: 'item', categoryId: category.id })}
                    >
                      {t('categories.addItem')}
                    </Button>
                    <Button
                      size="small"
                      aria-label={t('common.editNamed', { name: heading })}
                      onClick={() => setDialog({ kind: 'category', category })}
                    >
                      {t('common.edit')}
                    </Button>
                    <DeleteButton name={heading} onConfirm={() => removeCategory.mutateAsync(category.id)} />
                  </Space>
                )
              }
            >
              <Table<ItemRow>
                size="small"
                pagination={false}
                dataSource={category.items.map(toRow)}
                columns={columns}
                expandable={{ defaultExpandAllRows: true }}
                locale={{ emptyText: t('common.none') }}
              />
            </Card>
          );
        })}
      </Space>

      {dialog?.kind === 'category' && (
        <CategoryModal
          programmeId={programmeId}
          {...(dialog.category ? { category: dialog.category } : { nextOrdinal })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'item' && (
        <CreateItemModal
          categoryId={dialog.categoryId}
          {...(dialog.parent ? { parentItemId: dialog.parent.id } : {})}
          title={dialog.parent ? t('items.addPartNamed', { name: itemLabel(dialog.parent) }) : t('items.create')}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
