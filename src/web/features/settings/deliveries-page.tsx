import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import {
  DELIVERY_STATES,
  type Delivery,
  type DeliveryState,
  useDeliveries,
  useRetryDelivery,
} from '../../api/deliveries.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';

const STATE_COLOURS: Record<DeliveryState, string> = {
  pending: 'processing',
  sent: 'green',
  failed: 'orange',
  dead: 'red',
};
const LEVEL_COLOURS: Record<string, string> = { blue: 'blue', yellow: 'gold', red: 'red' };
const KNOWN_LEVELS = ['info', 'blue', 'yellow', 'red'] as const;
const KNOWN_CHANNELS = ['email', 'wecom', 'dingtalk', 'inbox'] as const;

const known = <K extends string>(list: readonly K[], value: string): value is K =>
  (list as readonly string[]).includes(value);

/** The log of e-mail and robot messages: state, attempts, the last error and the next attempt; retry by hand. */
export function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<DeliveryState | null>(null);
  const list = useDeliveries({ state, limit: 200 });
  const retry = useRetryDelivery();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('common.none'));

  async function retryNow(delivery: Delivery): Promise<void> {
    try {
      await retry.mutateAsync(delivery.id);
      message.success(t('settings.deliveries.retried'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <>
      <PageHeader title={t('settings.deliveries.title')} />
      <Typography.Paragraph>{t('settings.deliveries.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="delivery-state">{t('settings.deliveries.state')}</label>
        <Select<DeliveryState | 'all'>
          id="delivery-state"
          value={state ?? 'all'}
          style={{ width: 160 }}
          onChange={(value) => setState(value === 'all' ? null : value)}
          options={[
            { value: 'all', label: t('common.all') },
            ...DELIVERY_STATES.map((s) => ({ value: s, label: t(`settings.deliveries.states.${s}`) })),
          ]}
        />
        {list.data && (
          <Typography.Text type="secondary">
            {t('settings.deliveries.total', { total: list.data.total })}
          </Typography.Text>
        )}
      </Space>
      {list.isError && <LoadError error={list.error} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('settings.deliveries.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('settings.deliveries.createdAt'), key: 'createdAt', render: (_, d) => when(d.createdAt) },
          {
            title: t('settings.deliveries.channel'),
            key: 'channel',
            render: (_, d) =>
              known(KNOWN_CHANNELS, d.channel) ? t(`settings.deliveries.channels.${d.channel}`) : d.channel,
          },
          { title: t('settings.deliveries.recipient'), dataIndex: 'recipient' },
          {
            title: t('settings.deliveries.level'),
            key: 'level',
            render: (_, d) => (
              <Tag color={LEVEL_COLOURS[d.level]}>
                {known(KNOWN_LEVELS, d.level) ? t(`settings.deliveries.levels.${d.level}`) : d.level}
              </Tag>
            ),
          },
          { title: t('settings.deliveries.subject'), dataIndex: 'subject' },
          {
            title: t('settings.deliveries.state'),
            key: 'state',
            render: (_, d) => <Tag color={STATE_COLOURS[d.state]}>{t(`settings.deliveries.states.${d.state}`)}</Tag>,
          },
          { title: t('settings.deliveries.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('settings.deliveries.lastError'),
            key: 'lastError',
            render: (_, d) =>
              d.lastError ? (
                <Typography.Text type="danger" style={{ maxWidth: 280 }} ellipsis={{ tooltip: d.lastError }}>
                  {d.lastError}
                </Typography.Text>
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('settings.deliveries.nextAttempt'),
            key: 'nextAttempt',
            render: (_, d) =>
              d.state === 'pending' || d.state === 'failed' ? when(d.nextAttemptAt) : t('common.none'),
          },
          { title: t('settings.deliveries.sentAt'), key: 'sentAt', render: (_, d) => when(d.sentAt) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, d) =>
              (d.state === 'failed' || d.state === 'dead') && (
                <Button
                  size="small"
                  aria-label={t('settings.deliveries.retryNamed', { subject: d.subject })}
                  loading={retry.isPending && retry.variables === d.id}
                  onClick={() => void retryNow(d)}
                >
                  {t('settings.deliveries.retry')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
