import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ItemFields, useCreateItem, useUpdateItem } from '../../api/items.js';
import type { Id, ItemNode } from '../../api/types.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';

interface ItemFormValues {
  version?: number;
  number: string;
  name: string;
  description: string;
  target: string;
  deadlineText: string;
  deadlineDate: string;
}

const fromItem = (item: ItemNode): ItemFormValues => ({
  version: item.version,
  number: item.number,
  name: item.name,
  description: item.description,
  target: item.target,
  deadlineText: item.deadline?.text ?? '',
  deadlineDate: item.deadline?.date ?? '',
});

function toFields(values: ItemFormValues): ItemFields {
  const text = values.deadlineText?.trim() ?? '';
  const date = values.deadlineDate || null;
  return {
    number: values.number?.trim() ?? '',
    name: values.name.trim(),
    description: values.description ?? '',
    target: values.target ?? '',
    deadline: text || date ? { text, date } : null,
  };
}

/** Adds an item to a category, or a part under an item when `parentItemId` is given. */
export function CreateItemModal(props: { categoryId: Id; parentItemId?: Id; title: string; onClose: () => void }) {
  const create = useCreateItem();
  const { t } = useTranslation();
  return (
    <FormModal<ItemFormValues>
      name="item-create"
      title={props.title}
      okText={t('common.create')}
      initialValues={{ number: '', description: '', target: '', deadlineText: '', deadlineDate: '' }}
      onClose={props.onClose}
      onSubmit={(values) =>
        create.mutateAsync({
          categoryId: props.categoryId,
          ...(props.parentItemId !== undefined ? { parentItemId: props.parentItemId } : {}),
          ...toFields(values),
        })
      }
    >
      <ItemFieldInputs />
    </FormModal>
  );
}

/** Edits an item's own fields; reloads the current version on a conflict. */
export function EditItemModal({ item, onClose }: { item: ItemNode; onClose: () => void }) {
  const update = useUpdateItem();
  const { t } = useTranslation();
  return (
    <FormModal<ItemFormValues, ItemNode>
      name="item-edit"
      title={t('items.edit')}
      initialValues={fromItem(item)}
      fromCurrent={fromItem}
      onClose={onClose}
      onSubmit={(values) =>
        update.mutateAsync({ id: item.id, version: values.version ?? item.version, ...toFields(values) })
      }
    >
      <HiddenVersion />
      <ItemFieldInputs />
    </FormModal>
  );
}

function ItemFieldInputs() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('items.number')} name="number" rules={[{ max: 20 }]}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label={t('items.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('items.name') }) },
          { max: 500 },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('items.description')} name="description">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label={t('items.target')} name="target">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item label={t('items.deadlineText')} name="deadlineText" rules={[{ max: 100 }]}>
        <Input placeholder={t('items.deadlinePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('items.deadlineDate')} name="deadlineDate">
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}
