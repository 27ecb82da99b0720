import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUARTERS } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { blankIndicator } from './item-values.js';

/** The item's indicators inside the item editor's form: name, unit, target and cumulative Q1–Q4 checkpoints. */
export function IndicatorsEditor() {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 16, marginBottom: 8 }}>{t('import.editor.indicators')}</legend>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <fieldset
                key={field.key}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}
              >
                <legend style={{ fontSize: 14, width: 'auto', marginBottom: 0, padding: '0 4px' }}>
                  {t('import.editor.indicator', { index: index + 1 })}
                </legend>
                <Form.Item
                  label={t('indicators.name')}
                  name={[field.name, 'name']}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: t('validation.required', { field: t('indicators.name') }),
                    },
                    { max: 500 },
                  ]}
                >
                  <Input />
                </Form.Item>
                <Space wrap align="start">
                  <Form.Item label={t('indicators.unit')} name={[field.name, 'unit']} rules={[{ max: 20 }]}>
                    <Input style={{ width: 100 }} placeholder={t('indicators.unitPlaceholder')} />
                  </Form.Item>
                  <Form.Item label={t('indicators.target')} name={[field.name, 'target']}>
                    <InputNumber style={{ width: 130 }} />
                  </Form.Item>
                  {QUARTERS.map((quarter) => (
                    <Form.Item
                      key={quarter}
                      label={periodLabel(t, quarter)}
                      name={[field.name, 'checkpoints', quarter]}
                    >
                      <InputNumber style={{ width: 100 }} />
                    </Form.Item>
                  ))}
                </Space>
                <Button danger size="small" onClick={() => remove(field.name)}>
                  {t('import.editor.removeIndicator', { index: index + 1 })}
                </Button>
              </fieldset>
            ))}
            <Button onClick={() => add(blankIndicator())}>{t('import.editor.addIndicator')}</Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
