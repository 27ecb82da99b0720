import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BulletinGenre, useDraftBulletin } from '../../api/bulletins.js';
import { shanghaiToday } from '../../api/status.js';
import type { Id } from '../../api/types.js';
import { FormModal } from '../../shared/form-modal.js';
import { cutoffBounds } from './cutoff.js';

interface Values {
  cutoff: string;
  genre: BulletinGenre | 'auto';
}

/** 起草通报: pick the cut-off (and the style); the server drafts the text and the editor opens. */
export function DraftBulletinModal({
  programmeId,
  year,
  onClose,
}: {
  programmeId: Id;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const draft = useDraftBulletin();
  const bounds = cutoffBounds(year, shanghaiToday());

  return (
    <FormModal<Values>
      name="draft-bulletin"
      title={t('bulletins.draftTitle')}
      okText={t('bulletins.draft')}
      initialValues={{ cutoff: bounds.suggested, genre: 'auto' }}
      onClose={onClose}
      onSubmit={async ({ cutoff, genre }) => {
        const created = await draft.mutateAsync({ programmeId, cutoff, ...(genre === 'auto' ? {} : { genre }) });
        message.success(t('bulletins.drafted'));
        void navigate(`/bulletins/${created.id}`);
      }}
    >
      <Form.Item
        name="cutoff"
        label={t('bulletins.cutoff')}
        extra={t('bulletins.cutoffHint')}
        rules={[{ required: true, message: t('validation.required', { field: t('bulletins.cutoff') }) }]}
      >
        <Input type="date" min={bounds.min} max={bounds.max} />
      </Form.Item>
      <Form.Item name="genre" label={t('bulletins.genre')}>
        <Select
          options={(['auto', 'district', 'city'] as const).map((g) => ({
            value: g,
            label: t(`bulletins.genres.${g}`),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
