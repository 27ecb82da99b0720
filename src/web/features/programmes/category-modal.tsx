import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CategoryInput, useCreateCategory, useUpdateCategory } from '../../api/categories.js';
import type { Category, Id } from '../../api/types.js';
import { RecordFormModal } from '../../shared/form-modal.js';

interface CategoryValues {
  ordinal: number | null;
  title: string;
}

const fromCategory = (c: Pick<Category, 'ordinal' | 'title'>): CategoryValues => ({
  ordinal: c.ordinal,
  title: c.title,
});

const toInput = (values: CategoryValues): CategoryInput => ({
  ordinal: values.ordinal ?? null,
  title: values.title.trim(),
});

/** Adds a category to a programme, or edits one when `category` is given. */
export function CategoryModal(props: {
  programmeId: Id;
  category?: Category;
  nextOrdinal?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const { category } = props;

  return (
    <RecordFormModal<CategoryValues, Category>
      record={category ?? null}
      name="category"
      title={{ create: t('categories.add'), edit: t('categories.edit') }}
      okText={category ? t('common.save') : t('common.create')}
      fromRecord={fromCategory}
      blank={{ ordinal: props.nextOrdinal ?? null, title: '' }}
      onClose={props.onClose}
      onCreate={(values) => create.mutateAsync({ programmeId: props.programmeId, ...toInput(values) })}
      onUpdate={(c, values, version) => update.mutateAsync({ id: c.id, version, ...toInput(values) })}
    >
      <Form.Item label={t('categories.ordinal')} name="ordinal" extra={t('categories.ordinalHelp')}>
        <InputNumber min={0} max={10_000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('categories.title')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('categories.title') }) },
          { max: 200 },
        ]}
      >
        <Input />
      </Form.Item>
    </RecordFormModal>
  );
}
