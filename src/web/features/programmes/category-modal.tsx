import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CategoryInput, useCreateCategory, useUpdateCategory } from '../../api/categories.js';
import type { Category, Id } from '../../api/types.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';

interface CategoryValues {
  version?: number;
  ordinal: number | null;
  title: string;
}

const fromCategory = (c: Pick<Category, 'version' | 'ordinal' | 'title'>): CategoryValues => ({
  version: c.version,
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
    <FormModal<CategoryValues, Category>
      name={category ? 'category-edit' : 'category-create'}
      title={category ? t('categories.edit') : t('categories.add')}
      okText={category ? t('common.save') : t('common.create')}
      initialValues={category ? fromCategory(category) : { ordinal: props.nextOrdinal ?? null, title: '' }}
      fromCurrent={fromCategory}
      onClose={props.onClose}
      onSubmit={(values) =>
        category
          ? update.mutateAsync({ id: category.id, version: values.version ?? category.version, ...toInput(values) })
          : create.mutateAsync({ programmeId: props.programmeId, ...toInput(values) })
      }
    >
      {category && <HiddenVersion />}
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
    </FormModal>
  );
}
