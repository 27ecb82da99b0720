import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Notice, useCloseNotice, useEscalateNotice } from '../../../api/notices.js';
import { FormModal } from '../../../shared/form-modal.js';

/** 办结: from a reply, or without one when the office says why. */
export function CloseNoticeModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseNotice();
  const needsNote = notice.state !== 'replied';
  return (
    <FormModal<{ note: string }>
      name="close-notice"
      title={t('supervision.notices.closeTitle')}
      okText={t('supervision.notices.confirmClose')}
      onClose={onClose}
      onSubmit={async ({ note }) => {
        await close.mutateAsync({ id: notice.id, version: notice.version, note: note?.trim() || undefined });
        message.success(t('supervision.notices.closed'));
      }}
    >
      <Form.Item
        name="note"
        label={t('supervision.notices.closeNote')}
        rules={
          needsNote ? [{ required: true, whitespace: true, message: t('supervision.notices.closeNoteRequired') }] : []
        }
        extra={needsNote ? t('supervision.notices.closeNoteRequired') : undefined}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** 升级督办: one level up (unit head, then supervising leader), with a note. */
export function EscalateNoticeModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const escalate = useEscalateNotice();
  return (
    <FormModal<{ note: string }>
      name="escalate-notice"
      title={t('supervision.notices.escalateTitle')}
      okText={t('supervision.notices.confirmEscalate')}
      onClose={onClose}
      onSubmit={async ({ note }) => {
        await escalate.mutateAsync({ id: notice.id, version: notice.version, note });
        message.success(t('supervision.notices.escalated'));
      }}
    >
      <Form.Item
        name="note"
        label={t('supervision.notices.escalateNote')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('validation.required', { field: t('supervision.notices.escalateNote') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
