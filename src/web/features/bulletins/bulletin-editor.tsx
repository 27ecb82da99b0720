import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Bulletin, type BulletinBody, useUpdateBulletin } from '../../api/bulletins.js';
import { conflictCurrent, errorMessage } from '../../api/client.js';

interface Values {
  title: string;
  lede: string;
  sections: Array<{ number: string; heading: string; paragraphs: Array<{ text: string }> }>;
  closing: string;
  source: string;
}

const valuesOf = (b: Bulletin): Values => ({
  title: b.title,
  lede: b.body.lede,
  sections: b.body.sections.map((s) => ({
    number: s.number,
    heading: s.heading,
    paragraphs: s.paragraphs.map((p) => ({ text: p.text })),
  })),
  closing: b.body.closing,
  source: b.body.source,
});

/** The edited text back into the body, keeping which item and category each part is about. */
function bodyOf(original: BulletinBody, values: Values): BulletinBody {
  return {
    genre: original.genre,
    lede: values.lede ?? '',
    sections: original.sections.map((section, i) => ({
      ...section,
      number: values.sections?.[i]?.number ?? section.number,
      heading: values.sections?.[i]?.heading ?? section.heading,
      paragraphs: section.paragraphs.map((p, j) => ({
        ...p,
        text: values.sections?.[i]?.paragraphs?.[j]?.text ?? p.text,
      })),
    })),
    closing: values.closing ?? '',
    source: values.source ?? '',
  };
}

const MAX_TEXT = 5000;

/** The office edits a draft: title, lede, each section's heading and paragraphs, closing; saved with its version. */
export function BulletinEditor({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateBulletin();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  async function save(values: Values): Promise<void> {
    setError(null);
    setConflict(false);
    try {
      await update.mutateAsync({
        id: bulletin.id,
        version: bulletin.version,
        title: values.title,
        body: bodyOf(bulletin.body, values),
      });
      message.success(t('bulletins.editor.saved'));
    } catch (caught) {
      const current = conflictCurrent<Bulletin>(caught);
      if (current) {
        // Someone saved meanwhile: show what is stored now (the refetched bulletin carries its version).
        form.setFieldsValue(valuesOf(current));
        setConflict(true);
      } else setError(errorMessage(caught));
    }
  }

  return (
    <Form<Values>
      form={form}
      name="bulletin-editor"
      layout="vertical"
      initialValues={valuesOf(bulletin)}
      onFinish={(values) => void save(values)}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('conflict.title')}
          description={t('conflict.notice')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="title"
        label={t('bulletins.editor.titleLabel')}
        rules={[{ required: true, whitespace: true, message: t('bulletins.editor.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="lede" label={t('bulletins.editor.lede')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={MAX_TEXT} />
      </Form.Item>
      {bulletin.body.sections.map((section, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: sections keep their order while edited
          key={i}
          size="small"
          title={t('bulletins.editor.section', { index: i + 1 })}
          style={{ marginBottom: 16 }}
        >
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item
              name={['sections', i, 'number']}
              label={t('bulletins.editor.sectionNumber')}
              style={{ width: 100 }}
            >
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item
              name={['sections', i, 'heading']}
              label={t('bulletins.editor.sectionHeading')}
              style={{ flex: 1 }}
            >
              <Input maxLength={200} />
            </Form.Item>
          </div>
          {section.paragraphs.map((_, j) => (
            <Form.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs keep their order while edited
              key={j}
              name={['sections', i, 'paragraphs', j, 'text']}
              label={t('bulletins.editor.paragraph', { index: j + 1 })}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={MAX_TEXT} />
            </Form.Item>
          ))}
        </Card>
      ))}
      <Form.Item name="closing" label={t('bulletins.editor.closing')}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={MAX_TEXT} />
      </Form.Item>
      <Form.Item name="source" label={t('bulletins.editor.source')}>
        <Input maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('bulletins.editor.save')}
      </Button>
    </Form>
  );
}
