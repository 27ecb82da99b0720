import { AutoComplete, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InterchangeItem } from '../../api/interchange.js';
import { IndicatorsEditor } from './indicators-editor.js';
import { applyValues, type ItemValues, toValues } from './item-values.js';
import { itemLabel } from './preview-tree.js';

// Names in one cell are often separated by spaces or 、 in the published lists; pasting them splits them.
const SEPARATORS = ['、', '，', ',', '；', ';'];

const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * Edits one previewed item in a drawer: number, name, units, people,
 * deadline and indicators. Nothing is sent; `onApply` gets the new item.
 * Mount it only while open.
 */
export function ItemEditor({
  item,
  units,
  people,
  onApply,
  onClose,
}: {
  item: InterchangeItem;
  /** Names already in the document, offered as the person types. */
  units: string[];
  people: string[];
  onApply: (item: InterchangeItem) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemValues>();
  const tags = (label: string) => (
    <Select
      mode="tags"
      tokenSeparators={SEPARATORS}
      options={optionsOf(label === 'units' ? units : people)}
      suffixIcon={null}
    />
  );

  return (
    <Drawer
      open
      size={720}
      title={t('import.editor.title', { name: itemLabel(item) })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()}>
            {t('import.editor.apply')}
          </Button>
        </Space>
      }
    >
      <Form<ItemValues>
        form={form}
        name="import-item"
        layout="vertical"
        initialValues={toValues(item)}
        // The whole store, so what the form carries unseen (direction, monthly checkpoints) is kept.
        onFinish={() => onApply(applyValues(item, form.getFieldsValue(true) as ItemValues))}
      >
        <Space wrap align="start">
          <Form.Item label={t('items.number')} name="number" rules={[{ max: 20 }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            label={t('items.name')}
            name="name"
            style={{ minWidth: 420 }}
            rules={[
              { required: true, whitespace: true, message: t('validation.required', { field: t('items.name') }) },
              { max: 500 },
            ]}
          >
            <Input />
          </Form.Item>
        </Space>
        <Form.Item label={t('import.editor.leadUnit')} name="leadUnit" rules={[{ max: 100 }]}>
          <AutoComplete options={optionsOf(units)} showSearch={{ filterOption: true }} />
        </Form.Item>
        <Form.Item label={t('import.editor.coUnits')} name="coUnits" extra={t('import.editor.tagsHelp')}>
          {tags('units')}
        </Form.Item>
        <Form.Item label={t('import.editor.persons')} name="persons">
          {tags('people')}
        </Form.Item>
        <Form.Item label={t('import.editor.leaders')} name="leaders">
          {tags('people')}
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('items.deadlineText')} name="deadlineText" rules={[{ max: 100 }]}>
            <Input style={{ width: 220 }} placeholder={t('items.deadlinePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('items.deadlineDate')} name="deadlineDate">
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <IndicatorsEditor />
        {/* Lets Enter in a text field apply the changes. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
