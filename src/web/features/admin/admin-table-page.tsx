import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEntityType } from '../../api/history.js';
import type { Id } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';
import { HistoryDrawer } from '../history/history-drawer.js';

export interface AdminTablePageProps<T extends { id: Id }> {
  title: string;
  createLabel: string;
  emptyText: string;
  list: UseQueryResult<T[]>;
  columns: TableColumnsType<T>;
  /** What the audit log calls these records, for each row's 历史. */
  entityType: DirectoryEntityType;
  /** A row as a person knows it: makes its buttons' accessible names unique. */
  nameOf: (row: T) => string;
  /** Whether to offer 新建, 编辑 and 删除; 历史 is always there. */
  canWrite: boolean;
  onDelete: (row: T) => Promise<unknown>;
  /** The create (null) or edit form; mounted only while open. */
  renderForm: (row: T | null, onClose: () => void) => ReactNode;
  filters?: ReactNode;
  /** More buttons for a row, after 编辑. */
  rowActions?: (row: T) => ReactNode;
}

/**
 * A page of reference or account records: a create button, optional filters,
 * and a table whose rows can be edited, deleted and have their history read.
 */
export function AdminTablePage<T extends { id: Id }>(props: AdminTablePageProps<T>) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<T | null>(null);
  const { list, canWrite, nameOf } = props;

  const actions: TableColumnsType<T>[number] = {
    title: t('common.actions'),
    key: 'actions',
    render: (_, row) => (
      <Space size="small" wrap>
        {canWrite && (
          <Button
            size="small"
            aria-label={t('common.editNamed', { name: nameOf(row) })}
            onClick={() => setEditing(row)}
          >
            {t('common.edit')}
          </Button>
        )}
        {props.rowActions?.(row)}
        <Button
          size="small"
          aria-label={t('history.openNamed', { name: nameOf(row) })}
          onClick={() => setHistoryOf(row)}
        >
          {t('history.open')}
        </Button>
        {canWrite && <DeleteButton name={nameOf(row)} onConfirm={() => props.onDelete(row)} />}
      </Space>
    ),
  };

  return (
    <>
      <PageHeader
        title={props.title}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {props.createLabel}
            </Button>
          )
        }
      />
      {props.filters}
      {list.isError && <LoadError error={list.error} />}
      <Table<T>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: props.emptyText }}
        columns={[...props.columns, actions]}
      />
      {editing !== null && props.renderForm(editing === 'new' ? null : editing, () => setEditing(null))}
      {historyOf !== null && (
        <HistoryDrawer
          entityType={props.entityType}
          entityId={historyOf.id}
          name={nameOf(historyOf)}
          onClose={() => setHistoryOf(null)}
        />
      )}
    </>
  );
}
