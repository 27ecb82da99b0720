import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIssueNotice } from '../../../api/notices.js';
import { shanghaiToday } from '../../../api/status.js';
import type { Id, ItemUnit } from '../../../api/types.js';
import { FormModal } from '../../../shared/form-modal.js';

interface Values {
  unitId: Id;
  reason: string;
  requiredAction: string;
  replyDue: string;
}

/** The office issues a 督办单 on an item to one of its units (the parent's for a part without its own). */
export function IssueNoticeModal({
  itemId,
  itemName,
  units,
  onClose,
}: {
  itemId: Id;
  itemName: string;
  units: ItemUnit[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueNotice();
  const sorted = [...units].sort((a, b) => a.position - b.position);
  const today = shanghaiToday();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  return (
    <FormModal<Values>
      name="issue-notice"
      title={t('supervision.notices.issueTitle', { name: itemName })}
      okText={t('supervision.notices.send')}
      initialValues={{ unitId: sorted[0]?.unitId }}
      onClose={onClose}
      onSubmit={async (values) => {
        await issue.mutateAsync({ itemId, ...values });
        message.success(t('supervision.notices.issued'));
      }}
    >
      <Form.Item
        name="unitId"
        label={t('supervision.notices.unit')}
        rules={[{ required: true, message: t('supervision.notices.unitChoose') }]}
      >
        <Select
          options={sorted.map((u) => ({
            value: u.unitId,
            label: `${u.name}（${t(`itemUnits.roles.${u.role}`)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('supervision.notices.reason')}
        rules={[required(t('supervision.notices.reason'))]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="requiredAction"
        label={t('supervision.notices.requiredAction')}
        rules={[required(t('supervision.notices.requiredAction'))]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="replyDue"
        label={t('supervision.notices.replyDue')}
        rules={[
          required(t('supervision.notices.replyDue')),
          {
            validator: async (_, value: string | undefined) => {
              if (value && value < today) throw new Error(t('supervision.notices.replyDueInvalid'));
            },
          },
        ]}
      >
        <Input type="date" min={today} />
      </Form.Item>
    </FormModal>
  );
}
