import { Alert, Button, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type BulletinApplyResult,
  type BulletinPreview,
  useApplyBulletinImport,
  usePreviewBulletinImport,
} from '../../api/bulletin-import.js';
import { errorMessage } from '../../api/client.js';
import { useProgramme } from '../../api/programmes.js';
import { useReportingPlan } from '../../api/reports.js';
import type { Id } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { BulletinPreviewView } from './bulletin-preview.js';
import { type ChosenText, readTextFile, sourceOf, TextFileError } from './read-text-file.js';

/**
 * 导入纸质通报: paste a published bulletin (or upload a .txt), see which
 * paragraphs match which items and why, tick the matches, choose the period,
 * and write them as approved reports. Unmatched paragraphs are listed with
 * their reason; nothing is written for them.
 */
export function BulletinImportPage() {
  const programmeId = Number(useParams().id);
  const { t } = useTranslation();
  const programme = useProgramme(programmeId);
  const plan = useReportingPlan(programmeId);
  const previewing = usePreviewBulletinImport(programmeId);
  const applying = useApplyBulletinImport(programmeId);
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenText | null>(null);
  const [preview, setPreview] = useState<BulletinPreview | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<Id>>(new Set());
  const [period, setPeriod] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState<BulletinApplyResult | null>(null);

  function read(withPeriod?: string): void {
    setProblem(null);
    setApplied(null);
    if (!file && text.trim() === '') {
      setProblem(t('bulletinImport.source.needText'));
      return;
    }
    previewing.mutate(
      { ...sourceOf(file, text), ...(withPeriod ? { period: withPeriod } : {}) },
      {
        onSuccess: (result) => {
          // A new reading ticks every match; a change of period keeps what was unticked.
          const ids = result.matches.map((m) => m.itemId);
          setSelected((current) =>
            withPeriod && preview ? new Set(ids.filter((id) => current.has(id))) : new Set(ids),
          );
          setPreview(result);
          setPeriod(result.period);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  }

  async function choose(chosen: File): Promise<void> {
    setProblem(null);
    try {
      setFile(await readTextFile(chosen));
      setPreview(null);
    } catch (error) {
      setProblem(error instanceof TextFileError ? error.message : errorMessage(error));
    }
  }

  function apply(): void {
    if (!preview || period === null) return;
    const accept = preview.matches.map((m) => m.itemId).filter((id) => selected.has(id));
    if (accept.length === 0) {
      setProblem(t('bulletinImport.nothingSelected'));
      return;
    }
    setProblem(null);
    applying.mutate(
      { ...sourceOf(file, text), period, accept },
      {
        onSuccess: (result) => {
          setApplied(result);
          setPreview(null);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  }

  const count = preview ? preview.matches.filter((m) => selected.has(m.itemId)).length : 0;
  return (
    <>
      <Link to={`/programmes/${programmeId}`}>{programme.data?.title ?? t('bulletinImport.back')}</Link>
      <PageHeader title={t('bulletinImport.title')} />
      <Typography.Paragraph type="secondary">{t('bulletinImport.intro')}</Typography.Paragraph>

      <Form layout="vertical" onFinish={() => read(undefined)}>
        {file ? (
          <Space style={{ marginBottom: 16 }} wrap>
            <Typography.Text>
              {t('bulletinImport.source.chosen', { name: file.fileName, size: `${(file.size / 1024).toFixed(1)} KB` })}
            </Typography.Text>
            <Button size="small" onClick={() => setFile(null)}>
              {t('bulletinImport.source.removeFile')}
            </Button>
          </Space>
        ) : (
          <Form.Item label={t('bulletinImport.source.text')} htmlFor="bulletin-text">
            <Input.TextArea
              id="bulletin-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t('bulletinImport.source.textPlaceholder')}
              autoSize={{ minRows: 8, maxRows: 20 }}
            />
          </Form.Item>
        )}
        <Space wrap style={{ marginBottom: 16 }}>
          <Upload
            accept=".txt,text/plain"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return Upload.LIST_IGNORE;
            }}
          >
            <Button>{t('bulletinImport.source.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('bulletinImport.source.uploadHint')}</Typography.Text>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={previewing.isPending}>
            {previewing.isPending ? t('bulletinImport.source.reading') : t('bulletinImport.source.read')}
          </Button>
        </div>
      </Form>

      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} />}
      {applied && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 16 }}
          title={t('bulletinImport.applied', { ...applied, period: periodLabel(t, applied.period) })}
        />
      )}

      {preview && (
        <div style={{ marginTop: 24 }}>
          <BulletinPreviewView
            preview={preview}
            periods={plan.data?.periods ?? []}
            period={period}
            onPeriod={(next) => {
              setPeriod(next);
              read(next);
            }}
            selected={selected}
            onSelect={(ids) => setSelected(new Set(ids))}
          />
          <Space style={{ marginTop: 16 }}>
            <Button
              type="primary"
              onClick={apply}
              loading={applying.isPending}
              disabled={count === 0 || period === null}
            >
              {t('bulletinImport.apply', { count })}
            </Button>
          </Space>
        </div>
      )}
    </>
  );
}
