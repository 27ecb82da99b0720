import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.js';
import { userHooks, useUsers } from '../../api/users.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';
import { useJurisdictionNames } from './jurisdiction-select.js';
import { ResetPasswordModal, UserModal } from './user-modals.js';

const isLocked = (u: User): boolean => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

type Dialog = { kind: 'user'; user: User | null } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const list = useUsers();
  const names = useJurisdictionNames();
  const remove = userHooks.useRemove();
  const [dialog, setDialog] = useState<Dialog>(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button type="primary" onClick={() => setDialog({ kind: 'user', user: null })}>
            {t('users.create')}
          </Button>
        }
      />
      {list.isError && <LoadError error={list.error} />}
      <Table<User>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('users.empty') }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.role'),
            dataIndex: 'role',
            render: (_, u) => <Tag color="blue">{t(`roles.${u.role}`)}</Tag>,
          },
          {
            title: t('users.jurisdiction'),
            dataIndex: 'jurisdictionId',
            render: (_, u) =>
              u.jurisdictionId === null ? t('common.none') : (names.get(u.jurisdictionId) ?? u.jurisdictionId),
          },
          {
            title: t('users.status'),
            key: 'status',
            render: (_, u) =>
              u.disabled ? (
                <Tag>{t('users.disabledTag')}</Tag>
              ) : isLocked(u) ? (
                <Tag color="orange">{t('users.locked')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  aria-label={t('common.editNamed', { name: u.username })}
                  onClick={() => setDialog({ kind: 'user', user: u })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  aria-label={t('users.resetPasswordNamed', { name: u.username })}
                  onClick={() => setDialog({ kind: 'password', user: u })}
                >
                  {t('users.resetPassword')}
                </Button>
                <DeleteButton name={u.username} onConfirm={() => remove.mutateAsync(u.id)} />
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'user' && <UserModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}
