import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '../../api/session.js';
import type { SessionUser } from '../../api/types.js';
import { canManageDirectory, canManageUsers } from '../../shared/policy.js';
import { LanguageSwitch } from './language-switch.js';

type MenuKey = 'programmes' | 'jurisdictions' | 'units' | 'people' | 'users';

const MENU: { key: MenuKey; allow: (user: SessionUser) => boolean }[] = [
  { key: 'programmes', allow: () => true },
  { key: 'jurisdictions', allow: canManageDirectory },
  { key: 'units', allow: canManageDirectory },
  { key: 'people', allow: canManageDirectory },
  { key: 'users', allow: canManageUsers },
];

/** Which menu entry a path belongs to: an item page belongs to its programmes. */
function selectedKey(pathname: string): MenuKey {
  const first = pathname.split('/')[1] ?? '';
  const found = MENU.find((entry) => entry.key === first);
  return found ? found.key : 'programmes';
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const location = useLocation();
  const navigate = useNavigate();

  const items = MENU.filter((entry) => entry.allow(user)).map((entry) => ({
    key: entry.key,
    label: <Link to={`/${entry.key}`}>{t(`layout.menu.${entry.key}`)}</Link>,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 16 }}>{t('app.name')}</div>
        <nav aria-label={t('layout.navigation')}>
          <Menu mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="middle">
            <Typography.Text strong>{user.displayName || user.username}</Typography.Text>
            <Tag color="blue">{t(`roles.${user.role}`)}</Tag>
            <LanguageSwitch />
            <Button
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
              loading={signOut.isPending}
            >
              {t('layout.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <main style={{ background: '#fff', padding: 24, borderRadius: 8 }}>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
