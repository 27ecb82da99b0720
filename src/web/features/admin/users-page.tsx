import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.js';
import type { User } from '../../api/types.js';
import { userHooks, useUsers } from '../../api/users.js';
import { canManageUsers } from '../../shared/policy.js';
import { AdminTablePage } from './admin-table-page.js';
import { useJurisdictionNames } from './jurisdiction-select.js';
import { ResetPasswordModal, UserModal } from './user-modals.js';

const isLocked = (u: User): boolean => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

export function UsersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useUsers();
  const names = useJurisdictionNames();
  const remove = userHooks.useRemove();
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <>
      <AdminTablePage<User>
        title={t('users.title')}
        createLabel={t('users.create')}
        emptyText={t('users.empty')}
        list={list}
        entityType="user"
        nameOf={(u) => u.username}
        canWrite={canManageUsers(user)}
        onDelete={(u) => remove.mutateAsync(u.id)}
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
        ]}
        rowActions={(u) => (
          <Button
            size="small"
            aria-label={t('users.resetPasswordNamed', { name: u.username })}
            onClick={() => setResetting(u)}
          >
            {t('users.resetPassword')}
          </Button>
        )}
        renderForm={(u, onClose) => <UserModal user={u} onClose={onClose} />}
      />
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
