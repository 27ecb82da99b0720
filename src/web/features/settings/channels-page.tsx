import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Channel, channelHooks, useChannels, useTestChannel } from '../../api/channels.js';
import { errorMessage } from '../../api/client.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';
import { useJurisdictionNames } from '../admin/jurisdiction-select.js';
import { ChannelModal } from './channel-modal.js';

interface TestOutcome {
  name: string;
  ok: boolean;
  error: string | null;
}

const LEVEL_COLOURS = { blue: 'blue', yellow: 'gold', red: 'red' } as const;

/** Robots and e-mail that reminders go out on, with a test button for each. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const list = useChannels();
  const names = useJurisdictionNames();
  const remove = channelHooks.useRemove();
  const test = useTestChannel();
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [testing, setTesting] = useState<number | null>(null);

  async function sendTest(channel: Channel): Promise<void> {
    setOutcome(null);
    setTesting(channel.id);
    try {
      const result = await test.mutateAsync(channel.id);
      setOutcome({ name: channel.name, ok: result.ok, error: result.error ?? null });
    } catch (error) {
      setOutcome({ name: channel.name, ok: false, error: errorMessage(error) });
    } finally {
      setTesting(null);
    }
  }

  return (
    <>
      <PageHeader
        title={t('settings.channels.title')}
        actions={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('settings.channels.create')}
          </Button>
        }
      />
      <Typography.Paragraph>{t('settings.channels.intro')}</Typography.Paragraph>
      {outcome && (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          closable
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="channel-test-outcome"
          title={t('settings.channels.testResult')}
          description={
            outcome.ok
              ? t('settings.channels.testOk', { name: outcome.name })
              : outcome.error
                ? t('settings.channels.testFailed', { error: outcome.error })
                : t('settings.channels.testFailedUnknown')
          }
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      {list.isError && <LoadError error={list.error} />}
      <Table<Channel>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('settings.channels.empty') }}
        columns={[
          { title: t('settings.channels.name'), dataIndex: 'name' },
          { title: t('settings.channels.kind'), key: 'kind', render: (_, c) => t(`settings.channels.kinds.${c.kind}`) },
          {
            title: t('settings.channels.target'),
            key: 'target',
            render: (_, c) =>
              c.kind === 'email' ? (
                t('settings.channels.emailTarget')
              ) : (
                <Typography.Text ellipsis={{ tooltip: c.url }} style={{ maxWidth: 260 }}>
                  {c.url}
                </Typography.Text>
              ),
          },
          {
            title: t('settings.channels.secret'),
            key: 'secret',
            render: (_, c) =>
              c.kind === 'dingtalk'
                ? c.hasSecret
                  ? t('settings.channels.secretSet')
                  : t('settings.channels.secretUnset')
                : t('common.none'),
          },
          {
            title: t('settings.channels.minLevel'),
            key: 'minLevel',
            render: (_, c) => (
              <Tag color={LEVEL_COLOURS[c.minLevel]}>{t(`settings.channels.levels.${c.minLevel}`)}</Tag>
            ),
          },
          {
            title: t('settings.channels.jurisdiction'),
            key: 'jurisdiction',
            render: (_, c) =>
              c.jurisdictionId === null
                ? t('settings.channels.allJurisdictions')
                : (names.get(c.jurisdictionId) ?? c.jurisdictionId),
          },
          {
            title: t('settings.channels.state'),
            key: 'enabled',
            render: (_, c) =>
              c.enabled ? (
                <Tag color="green">{t('settings.channels.on')}</Tag>
              ) : (
                <Tag>{t('settings.channels.off')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, c) => (
              <Space size="small" wrap>
                <Button
                  size="small"
                  aria-label={t('settings.channels.testNamed', { name: c.name })}
                  loading={testing === c.id}
                  onClick={() => void sendTest(c)}
                >
                  {t('settings.channels.test')}
                </Button>
                <Button size="small" aria-label={t('common.editNamed', { name: c.name })} onClick={() => setEditing(c)}>
                  {t('common.edit')}
                </Button>
                <DeleteButton name={c.name} onConfirm={() => remove.mutateAsync(c.id)} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <ChannelModal channel={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
