import { Button, Form, Input, InputNumber, Space, Tabs, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../api/types.js';
import { ImportTargetFields } from './import-target-fields.js';
import { ACCEPTED_EXTENSIONS, type ChosenFile, formatSize, readChosenFile, SourceError } from './read-source.js';

export type ImportMode = 'new' | 'revise';

/** Everything the first step collects; kept by the page so going back shows it again. */
export interface SourceDraft {
  kind: 'file' | 'text';
  file: ChosenFile | null;
  text: string;
  year: number | null;
  jurisdiction: string;
  title: string;
  mode: ImportMode;
  programmeId: Id | null;
}

type FormValues = Pick<SourceDraft, 'text' | 'year' | 'jurisdiction' | 'title' | 'mode' | 'programmeId'>;

/** Step 1: a file or pasted text, what is known about the programme, and whether it is new or a revision. */
export function SourceStep({
  draft,
  pending,
  onChange,
  onError,
  onSubmit,
  onBackToPreview,
}: {
  draft: SourceDraft;
  pending: boolean;
  /** Given when a preview was read before: going back to it keeps its edits. */
  onBackToPreview?: (() => void) | undefined;
  onChange: (draft: SourceDraft) => void;
  onError: (error: unknown) => void;
  onSubmit: (draft: SourceDraft) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();

  async function choose(file: File): Promise<void> {
    onError(null);
    try {
      onChange({ ...draft, file: await readChosenFile(file) });
    } catch (error) {
      onChange({ ...draft, file: null });
      onError(error);
    }
  }

  function submit(values: FormValues): void {
    const next = { ...draft, ...values };
    if (next.kind === 'file' && !next.file) onError(new SourceError(t('import.source.needFile')));
    else if (next.kind === 'text' && !next.text.trim()) onError(new SourceError(t('import.source.needText')));
    else onSubmit(next);
  }

  const fileTab = (
    <>
      <Upload.Dragger
        accept={ACCEPTED_EXTENSIONS.join(',')}
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void choose(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-text">{t('import.source.drop')}</p>
        <p className="ant-upload-hint">{t('import.source.dropHint')}</p>
      </Upload.Dragger>
      {draft.file && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text>
            {t('import.source.chosen', { name: draft.file.fileName, size: formatSize(draft.file.size) })}
          </Typography.Text>
          <Button size="small" onClick={() => onChange({ ...draft, file: null })}>
            {t('import.source.removeFile')}
          </Button>
        </Space>
      )}
    </>
  );

  const textTab = (
    <Form.Item label={t('import.source.textLabel')} name="text">
      <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} placeholder={t('import.source.textPlaceholder')} />
    </Form.Item>
  );

  return (
    <Form<FormValues>
      form={form}
      name="import-source"
      layout="vertical"
      initialValues={{
        text: draft.text,
        year: draft.year,
        jurisdiction: draft.jurisdiction,
        title: draft.title,
        mode: draft.mode,
        programmeId: draft.programmeId,
      }}
      onValuesChange={(_, all) => onChange({ ...draft, ...all })}
      onFinish={submit}
    >
      <Tabs
        activeKey={draft.kind}
        onChange={(key) => onChange({ ...draft, ...form.getFieldsValue(), kind: key === 'text' ? 'text' : 'file' })}
        aria-label={t('import.source.kind')}
        items={[
          { key: 'file', label: t('import.source.file'), children: fileTab },
          { key: 'text', label: t('import.source.text'), children: textTab, forceRender: true },
        ]}
      />

      <fieldset style={{ border: 0, padding: 0, margin: '16px 0 0' }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('import.source.about')}</legend>
        <Space wrap align="start">
          <Form.Item label={t('import.source.year')} name="year">
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('import.source.jurisdiction')} name="jurisdiction" rules={[{ max: 100 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label={t('import.source.title')} name="title" rules={[{ max: 200 }]}>
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
      </fieldset>

      <ImportTargetFields
        mode={draft.mode}
        onProgrammeChosen={(programme) => {
          // A list that does not name its jurisdiction or year belongs to the programme it revises.
          const current = form.getFieldsValue();
          const filled = {
            jurisdiction: current.jurisdiction || programme.jurisdictionName,
            year: current.year ?? programme.year,
          };
          form.setFieldsValue(filled);
          onChange({ ...draft, ...current, ...filled, programmeId: programme.id });
        }}
      />

      <Space>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('import.source.submit')}
        </Button>
        {onBackToPreview && <Button onClick={onBackToPreview}>{t('import.source.backToPreview')}</Button>}
      </Space>
    </Form>
  );
}
