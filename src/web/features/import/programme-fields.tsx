import { Form, type FormInstance, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDocument } from '../../api/interchange.js';

export type ProgrammeValues = Pick<ProgrammeDocument, 'title' | 'jurisdiction' | 'year' | 'parent'>;

/** Title, jurisdiction, year and parent of the previewed programme, edited into the document as typed. */
export function ProgrammeFields({
  form,
  document,
  onChange,
}: {
  form: FormInstance<ProgrammeValues>;
  document: ProgrammeDocument;
  onChange: (document: ProgrammeDocument) => void;
}) {
  const { t } = useTranslation();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  return (
    <Form<ProgrammeValues>
      form={form}
      name="import-programme"
      layout="vertical"
      initialValues={{
        title: document.title ?? '',
        jurisdiction: document.jurisdiction ?? '',
        year: document.year,
        parent: document.parent ?? '',
      }}
      onValuesChange={(_, all) =>
        onChange({
          ...document,
          title: all.title ?? '',
          jurisdiction: all.jurisdiction ?? '',
          year: all.year as number,
          parent: all.parent?.trim() ? all.parent : null,
        })
      }
    >
      <Space wrap align="start">
        <Form.Item
          label={t('import.source.title')}
          name="title"
          rules={[required(t('import.source.title')), { max: 200 }]}
        >
          <Input style={{ width: 360 }} />
        </Form.Item>
        <Form.Item
          label={t('import.source.jurisdiction')}
          name="jurisdiction"
          rules={[required(t('import.source.jurisdiction')), { max: 100 }]}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={t('import.source.year')}
          name="year"
          rules={[{ required: true, message: t('validation.required', { field: t('import.source.year') }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('import.preview.parent')} name="parent" rules={[{ max: 200 }]}>
          <Input style={{ width: 360 }} />
        </Form.Item>
      </Space>
    </Form>
  );
}
