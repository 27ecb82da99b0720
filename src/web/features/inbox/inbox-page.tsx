import { App, Button, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.js';
import { type InboxLevel, type InboxMessage, useInbox, useMarkAllRead, useMarkRead } from '../../api/inbox.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError } from '../../shared/query-state.js';

const LEVEL_COLOURS: Record<InboxLevel, string> = { info: 'default', blue: 'blue', yellow: 'gold', red: 'red' };
const PAGE_SIZE = 20;

/** The colour of a reminder with its words: 蓝色提醒, 黄色预警, 红色督办. */
export function LevelTag({ level }: { level: InboxLevel }) {
  const { t } = useTranslation();
  const known = level in LEVEL_COLOURS ? level : 'info';
  return (
    <Tag color={LEVEL_COLOURS[known]} data-testid="inbox-level">
      {t(`reports.inbox.levels.${known}`)}
    </Tag>
  );
}

/** Only links inside the application are followed; anything else is shown as text. */
const internal = (link: string | null): link is string => link?.startsWith('/') === true && !link.startsWith('//');

/** 消息: reminders and escalations addressed to me, newest first; mark one or all read. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox(unreadOnly, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const fail = (error: unknown) => message.error(errorMessage(error));

  return (
    <>
      <PageHeader
        title={t('reports.inbox.title')}
        actions={
          <Button
            onClick={() => markAll.mutate(undefined, { onError: fail })}
            loading={markAll.isPending}
            disabled={(inbox.data?.unread ?? 0) === 0}
          >
            {t('reports.inbox.markAllRead')}
          </Button>
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <Switch
          id="inbox-unread-only"
          checked={unreadOnly}
          onChange={(checked) => {
            setUnreadOnly(checked);
            setPage(1);
          }}
        />
        <label htmlFor="inbox-unread-only">{t('reports.inbox.unreadOnly')}</label>
        {inbox.data && (
          <Typography.Text type="secondary">
            {t('reports.inbox.total', { count: inbox.data.total, unread: inbox.data.unread })}
          </Typography.Text>
        )}
      </Space>
      {inbox.isError ? (
        <LoadError error={inbox.error} />
      ) : (
        <List<InboxMessage>
          loading={inbox.isPending}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: t('reports.inbox.empty') }}
          data-testid="inbox-list"
          pagination={
            (inbox.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: inbox.data?.total ?? 0, onChange: setPage }
              : false
          }
          renderItem={(m) => (
            <List.Item
              data-testid="inbox-message"
              style={{ background: m.readAt ? undefined : '#f6faff' }}
              actions={
                m.readAt
                  ? []
                  : [
                      <Button
                        key="read"
                        size="small"
                        aria-label={t('reports.inbox.markReadNamed', { title: m.title })}
                        onClick={() => markRead.mutate(m.id, { onError: fail })}
                      >
                        {t('reports.inbox.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <LevelTag level={m.level} />
                    {!m.readAt && <Tag color="processing">{t('reports.inbox.unreadTag')}</Tag>}
                    <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{m.body}</div>
                    <Space size="middle" style={{ marginTop: 4 }}>
                      <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, i18n.language)}</time>
                      {internal(m.link) && (
                        <Link
                          to={m.link}
                          onClick={() => {
                            if (!m.readAt) markRead.mutate(m.id);
                          }}
                        >
                          {t('reports.inbox.openLink')}
                        </Link>
                      )}
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
