import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UnitAssessment, useAddAdjustment } from '../../../api/assessment.js';
import type { Id } from '../../../api/types.js';
import { FormModal } from '../../../shared/form-modal.js';

const MIN_REASON = 4;

/** The office adds or takes points, always with a written reason (the server audits it). */
export function AdjustmentModal({
  programmeId,
  unit,
  onClose,
}: {
  programmeId: Id;
  unit: UnitAssessment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const add = useAddAdjustment();
  return (
    <FormModal<{ points: number; reason: string }>
      name="adjust-score"
      title={t('supervision.assessment.adjustTitle', { name: unit.unitName })}
      onClose={onClose}
      onSubmit={async (values) => {
        await add.mutateAsync({
          programmeId,
          unitId: unit.unitId,
          points: values.points,
          reason: values.reason.trim(),
        });
        message.success(t('supervision.assessment.adjusted'));
      }}
    >
      <Form.Item
        name="points"
        label={t('supervision.assessment.adjustPoints')}
        rules={[
          { required: true, message: t('validation.required', { field: t('supervision.assessment.adjustPoints') }) },
          { type: 'number', min: -20, max: 20, message: t('supervision.assessment.adjustPoints') },
        ]}
      >
        <InputNumber min={-20} max={20} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('supervision.assessment.adjustReason')}
        rules={[
          { required: true, whitespace: true, message: t('supervision.assessment.reasonTooShort') },
          { min: MIN_REASON, message: t('supervision.assessment.reasonTooShort') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
