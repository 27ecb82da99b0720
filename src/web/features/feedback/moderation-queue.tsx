import { App, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import {
  FEEDBACK_PAGE_SIZE,
  FEEDBACK_STATES,
  type FeedbackComment,
  type FeedbackState,
  useFeedback,
  useModerateFeedback,
} from '../../api/feedback.js';
import type { Id } from '../../api/types.js';
import { FormModal } from '../../shared/form-modal.js';
import { formatDateTime } from '../../shared/format.js';
import { LoadError } from '../../shared/query-state.js';

/** The comments of a programme in one state: pending ones oldest first, each to show or reject with a reason. */
export function ModerationQueue({ programmeId }: { programmeId: Id }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<FeedbackState>('pending');
  const [page, setPage] = useState(1);
  const comments = useFeedback(programmeId, state, page);
  const moderate = useModerateFeedback();
  const [rejecting, setRejecting] = useState<FeedbackComment | null>(null);
  const language = i18n.language;

  async function approve(comment: FeedbackComment): Promise<void> {
    try {
      await moderate.mutateAsync({ id: comment.id, state: 'approved', version: comment.version });
      message.success(t('feedback.approved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  if (comments.isError) return <LoadError error={comments.error} />;
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('feedback.state')} htmlFor="feedback-state">
          <Select
            id="feedback-state"
            style={{ minWidth: 140 }}
            value={state}
            options={FEEDBACK_STATES.map((s) => ({ value: s, label: t(`feedback.states.${s}`) }))}
            onChange={(value: FeedbackState) => {
              setState(value);
              setPage(1);
            }}
          />
        </Form.Item>
      </Form>
      <Table<FeedbackComment>
        rowKey="id"
        size="middle"
        loading={comments.isPending}
        dataSource={comments.data?.items ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: state === 'pending' ? t('feedback.emptyQueue') : t('feedback.empty') }}
        pagination={
          (comments.data?.total ?? 0) > FEEDBACK_PAGE_SIZE
            ? { current: page, pageSize: FEEDBACK_PAGE_SIZE, total: comments.data?.total, onChange: setPage }
            : false
        }
        columns={[
          {
            title: t('feedback.item'),
            key: 'item',
            render: (_, c) => [c.itemNumber, c.itemName].filter(Boolean).join(' '),
          },
          {
            title: t('feedback.rating'),
            key: 'rating',
            width: 80,
            render: (_, c) => t('feedback.ratingValue', { rating: c.rating }),
          },
          {
            title: t('feedback.comment'),
            key: 'comment',
            render: (_, c) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.comment}</Typography.Paragraph>
            ),
          },
          {
            title: t('feedback.createdAt'),
            key: 'createdAt',
            width: 170,
            render: (_, c) => formatDateTime(c.createdAt, language),
          },
          ...(state === 'pending'
            ? []
            : [
                {
                  title: t('feedback.moderated'),
                  key: 'moderated',
                  render: (_: unknown, c: FeedbackComment) => (
                    <>
                      {c.moderatedAt &&
                        t('feedback.moderatedBy', {
                          name: c.moderatorName || '—',
                          at: formatDateTime(c.moderatedAt, language),
                        })}
                      {c.rejectReason && (
                        <div>
                          {t('feedback.rejectReason')}：{c.rejectReason}
                        </div>
                      )}
                    </>
                  ),
                },
              ]),
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_, c) => (
              <Space>
                {c.state !== 'approved' && (
                  <Button
                    size="small"
                    type="primary"
                    aria-label={t('feedback.approveNamed', { id: c.id })}
                    loading={moderate.isPending && moderate.variables?.id === c.id}
                    onClick={() => void approve(c)}
                  >
                    {t('feedback.approve')}
                  </Button>
                )}
                {c.state !== 'rejected' && (
                  <Button
                    size="small"
                    danger
                    aria-label={t('feedback.rejectNamed', { id: c.id })}
                    onClick={() => setRejecting(c)}
                  >
                    {t('feedback.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {rejecting && (
        <FormModal<{ reason: string }>
          name="reject-feedback"
          title={t('feedback.rejectTitle')}
          okText={t('feedback.reject')}
          onClose={() => setRejecting(null)}
          onSubmit={async (values) => {
            await moderate.mutateAsync({
              id: rejecting.id,
              state: 'rejected',
              reason: values.reason.trim(),
              version: rejecting.version,
            });
            message.success(t('feedback.rejected'));
          }}
        >
          <Typography.Paragraph>{rejecting.comment}</Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('feedback.reason')}
            extra={t('feedback.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('feedback.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
