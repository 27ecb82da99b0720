import { App, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { conflictCurrent, errorMessage } from '../../../api/client.js';
import { type FileRef, type Notice, noticeDocxUrl, useNotice, useReplyNotice } from '../../../api/notices.js';
import { useProgramme } from '../../../api/programmes.js';
import { useCurrentUser } from '../../../api/session.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../../shared/page-header.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { canReplyNotice } from '../../../shared/policy.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { FileLinks, FileUpload } from '../shared/file-upload.js';
import { useCanSupervise } from '../shared/use-can-supervise.js';
import { CloseNoticeModal, EscalateNoticeModal } from './notice-action-modals.js';
import { NoticeStateTag } from './notice-state-tag.js';

const multiline = { whiteSpace: 'pre-wrap' } as const;
const isOpen = (notice: Notice) => notice.state === 'open' || notice.state === 'escalated';

/** One 督办单: what it asks, the reply, and what the office and the unit can do next. */
export function NoticePage() {
  const id = Number(useParams().id);
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const notice = useNotice(id);
  const programme = useProgramme(notice.data?.programmeId);
  const office = useCanSupervise(programme.data?.jurisdictionId);
  const [action, setAction] = useState<'close' | 'escalate' | null>(null);

  if (notice.isPending) return <Loading />;
  if (notice.isError) return <LoadError error={notice.error} />;
  const data = notice.data;

  return (
    <>
      <Link to={`/notices?programme=${data.programmeId}`}>{t('supervision.notices.back')}</Link>
      <PageHeader
        title={`${t('supervision.notices.title')} ${data.number}`}
        actions={
          <>
            <a href={noticeDocxUrl(data.id)} download>
              {t('supervision.notices.download')}
            </a>
            {office && isOpen(data) && data.escalationLevel < 2 && (
              <Button onClick={() => setAction('escalate')}>{t('supervision.notices.escalate')}</Button>
            )}
            {office && data.state !== 'closed' && (
              <Button type="primary" onClick={() => setAction('close')}>
                {t('supervision.notices.close')}
              </Button>
            )}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'number', label: t('supervision.notices.number'), children: data.number },
          {
            key: 'item',
            label: t('supervision.notices.item'),
            children: <Link to={`/items/${data.itemId}`}>{[data.itemNumber, data.itemName].join(' ')}</Link>,
          },
          { key: 'unit', label: t('supervision.notices.unit'), children: data.unitName },
          {
            key: 'reason',
            label: t('supervision.notices.reason'),
            children: <div style={multiline}>{data.reason}</div>,
          },
          {
            key: 'action',
            label: t('supervision.notices.requiredAction'),
            children: <div style={multiline}>{data.requiredAction}</div>,
          },
          { key: 'due', label: t('supervision.notices.replyDue'), children: data.replyDue },
          { key: 'state', label: t('supervision.notices.state'), children: <NoticeStateTag notice={data} /> },
          {
            key: 'issued',
            label: t('supervision.notices.issuedAt'),
            children: formatDateTime(data.createdAt, i18n.language),
          },
          ...(data.escalationNote
            ? [{ key: 'escalation', label: t('supervision.notices.escalationNote'), children: data.escalationNote }]
            : []),
          ...(data.closeNote
            ? [{ key: 'close', label: t('supervision.notices.closeNote'), children: data.closeNote }]
            : []),
        ]}
      />

      <section aria-labelledby="notice-reply-title" style={{ marginTop: 24 }}>
        <SectionTitle>
          <span id="notice-reply-title">{t('supervision.notices.reply')}</span>
        </SectionTitle>
        {data.reply ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div style={multiline}>{data.reply}</div>
            {data.repliedAt && (
              <Typography.Text type="secondary">
                {t('supervision.notices.repliedAt')}：{formatDateTime(data.repliedAt, i18n.language)}
              </Typography.Text>
            )}
            <FileLinks files={data.attachments} />
          </Space>
        ) : (
          <Typography.Paragraph type="secondary">{t('supervision.notices.noReply')}</Typography.Paragraph>
        )}
        {isOpen(data) && canReplyNotice(user, data.unitId) && <ReplyForm notice={data} />}
      </section>

      {action === 'close' && <CloseNoticeModal notice={data} onClose={() => setAction(null)} />}
      {action === 'escalate' && <EscalateNoticeModal notice={data} onClose={() => setAction(null)} />}
    </>
  );
}

function ReplyForm({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reply = useReplyNotice();
  const [form] = Form.useForm<{ reply: string; attachments: FileRef[] }>();
  const [error, setError] = useState<string | null>(null);

  async function submit(values: { reply: string; attachments?: FileRef[] }): Promise<void> {
    setError(null);
    try {
      await reply.mutateAsync({
        id: notice.id,
        version: notice.version,
        reply: values.reply,
        attachments: values.attachments ?? [],
      });
      message.success(t('supervision.notices.replied'));
    } catch (caught) {
      // Someone changed the notice meanwhile: the refreshed page shows it; the text typed stays.
      setError(conflictCurrent(caught) ? t('conflict.notice') : errorMessage(caught));
    }
  }

  return (
    <Form
      form={form}
      name="notice-reply"
      layout="vertical"
      onFinish={(values) => void submit(values)}
      style={{ marginTop: 16 }}
    >
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="reply"
        label={t('supervision.notices.replyText')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { field: t('supervision.notices.replyText') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="attachments" noStyle>
        <FileUpload label={t('supervision.notices.upload')} hint={t('supervision.notices.uploadHint')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={reply.isPending} style={{ marginTop: 12 }}>
        {t('supervision.notices.submitReply')}
      </Button>
    </Form>
  );
}
