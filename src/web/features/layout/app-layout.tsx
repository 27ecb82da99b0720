import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '../../api/session.js';
import type { SessionUser } from '../../api/types.js';
import { canManageChannels, canManageDirectory, canManageUsers, canReportWork } from '../../shared/policy.js';
import { canModerateFeedback } from '../feedback/feedback-policy.js';
import { InboxBell } from '../inbox/inbox-bell.js';
import { LanguageSwitch } from './language-switch.js';

type MenuKey = 'programmes' | 'jurisdictions' | 'units' | 'people' | 'users';
/** Entries whose label lives outside layout.menu: they carry their own. */
type EntryKey = MenuKey | 'my-work' | 'dashboard' | 'notices' | 'bulletins' | 'feedback' | SettingsKey;
/** Settings of the year's work, shown under a 设置 heading. */
type SettingsKey = 'calendar' | 'channels' | 'deliveries';

const MENU: {
  key: EntryKey;
  allow: (user: SessionUser) => boolean;
  label?: (t: TFunction) => string;
  group?: 'settings';
}[] = [
  { key: 'my-work', allow: canReportWork, label: (t) => t('reports.menu.myWork') },
  { key: 'programmes', allow: () => true },
  { key: 'dashboard', allow: () => true, label: (t) => t('supervision.menu.dashboard') },
  { key: 'notices', allow: () => true, label: (t) => t('supervision.menu.notices') },
  { key: 'bulletins', allow: () => true, label: (t) => t('bulletins.menu') },
  { key: 'feedback', allow: canModerateFeedback, label: (t) => t('feedback.menu') },
  { key: 'jurisdictions', allow: canManageDirectory },
  { key: 'units', allow: canManageDirectory },
  { key: 'people', allow: canManageDirectory },
  { key: 'users', allow: canManageUsers },
  { key: 'calendar', allow: canManageChannels, label: (t) => t('settings.menu.calendar'), group: 'settings' },
  { key: 'channels', allow: canManageChannels, label: (t) => t('settings.menu.channels'), group: 'settings' },
  { key: 'deliveries', allow: canManageChannels, label: (t) => t('settings.menu.deliveries'), group: 'settings' },
];

/** Which menu entry a path belongs to: an item page belongs to its programmes. */
function selectedKey(pathname: string): EntryKey {
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

  const entries = MENU.filter((entry) => entry.allow(user)).map((entry) => ({
    key: entry.key,
    group: entry.group,
    label: <Link to={`/${entry.key}`}>{entry.label ? entry.label(t) : t(`layout.menu.${entry.key as MenuKey}`)}</Link>,
  }));
  const settings = entries.filter((entry) => entry.group === 'settings').map(({ group: _, ...entry }) => entry);
  const items = [
    ...entries.filter((entry) => entry.group === undefined).map(({ group: _, ...entry }) => entry),
    ...(settings.length > 0
      ? [{ type: 'group' as const, key: 'settings', label: t('settings.menu.group'), children: settings }]
      : []),
  ];

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
            <InboxBell />
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
