import { App, Button, Image, List, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import { ACCEPT_ATTRIBUTE, fileProblem, isImageName, uploadFile } from '../../api/files.js';
import type { Attachment } from '../../api/reports.js';

/** An evidence file as a report form holds it: stored ones have urls, fresh uploads a local preview. */
export interface EvidenceFile {
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  url: string | null;
  thumbnailUrl: string | null;
  /** A data: URL of a freshly chosen image, shown until the report is saved. */
  previewUrl?: string | null;
}

export const fromAttachment = (a: Attachment): EvidenceFile => ({
  sha256: a.sha256,
  fileName: a.fileName,
  mime: a.mime,
  size: a.size,
  url: a.url,
  thumbnailUrl: a.thumbnailUrl,
});

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A freshly chosen image as a data: URL, for its preview: the page's content
 * security policy allows data: images but not blob: ones. Null when it cannot be read.
 */
function readPreview(file: File): Promise<string | null> {
  if (!isImageName(file.name) || typeof FileReader === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** Where a thumbnail comes from: the server's for stored images, the browser's for new ones. */
function thumbnailOf(file: EvidenceFile): string | null {
  if (file.thumbnailUrl) return file.thumbnailUrl;
  if (file.previewUrl) return file.previewUrl;
  return null;
}

/** The list of evidence files: thumbnails for images, names for documents, download links for stored files. */
export function EvidenceList({
  files,
  onRemove,
}: {
  files: readonly EvidenceFile[];
  onRemove?: ((sha256: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  if (files.length === 0) return <Typography.Text type="secondary">{t('reports.evidence.none')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="evidence-list"
      dataSource={[...files]}
      rowKey={(file) => file.sha256}
      renderItem={(file) => {
        const thumbnail = thumbnailOf(file);
        return (
          <List.Item
            actions={[
              file.url ? (
                <a
                  key="download"
                  href={file.url}
                  download={file.fileName}
                  aria-label={t('reports.evidence.download', { name: file.fileName })}
                >
                  {t('reports.evidence.downloadShort')}
                </a>
              ) : null,
              onRemove ? (
                <Button
                  key="remove"
                  size="small"
                  danger
                  onClick={() => onRemove(file.sha256)}
                  aria-label={t('reports.evidence.remove', { name: file.fileName })}
                >
                  {t('common.remove')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <Space>
              {thumbnail && (
                <Image
                  src={thumbnail}
                  width={64}
                  height={48}
                  style={{ objectFit: 'cover' }}
                  alt={t('reports.evidence.thumbnail', { name: file.fileName })}
                  preview={file.url && isImageName(file.fileName) ? { src: file.url } : false}
                />
              )}
              <span data-testid="evidence-name">{file.fileName}</span>
              <Typography.Text type="secondary">{sizeLabel(file.size)}</Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/**
 * Choose and upload evidence (POST /files); the report keeps the list and
 * names the files when it is saved. Type and size are checked here first,
 * the server checks the content again and its message is shown as it is.
 */
export function EvidenceUpload({
  value,
  onChange,
  disabled = false,
}: {
  value: readonly EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);

  // The latest list, so that several uploads finishing together all land in it.
  const pending = useRef<readonly EvidenceFile[]>(value);
  pending.current = value;

  async function upload(file: File): Promise<void> {
    setUploading((n) => n + 1);
    try {
      const [stored, previewUrl] = await Promise.all([uploadFile(file), readPreview(file)]);
      const next = pending.current.filter((f) => f.sha256 !== stored.sha256);
      next.push({ ...stored, url: null, thumbnailUrl: null, previewUrl });
      pending.current = next;
      onChange(next);
    } catch (error) {
      const text = t('reports.evidence.failed', { name: file.name, message: errorMessage(error) });
      setErrors((list) => [...list, text]);
      message.error(text);
    } finally {
      setUploading((n) => n - 1);
    }
  }

  return (
    <section aria-labelledby="evidence-title">
      <Typography.Title level={3} id="evidence-title" style={{ fontSize: 16 }}>
        {t('reports.evidence.title')}
      </Typography.Title>
      <EvidenceList
        files={value}
        onRemove={disabled ? undefined : (sha) => onChange(value.filter((f) => f.sha256 !== sha))}
      />
      {!disabled && (
        <div style={{ marginTop: 12 }}>
          <Upload
            accept={ACCEPT_ATTRIBUTE}
            multiple
            showUploadList={false}
            aria-label={t('reports.evidence.upload')}
            data-testid="evidence-input"
            beforeUpload={(file) => {
              const problem = fileProblem(file);
              if (problem) {
                setErrors((list) => [...list, problem]);
                return Upload.LIST_IGNORE;
              }
              setErrors([]);
              void upload(file);
              // The upload is ours (with the CSRF token); antd's own request is not needed.
              return false;
            }}
          >
            <Button loading={uploading > 0}>{t('reports.evidence.upload')}</Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('reports.evidence.hint')}
          </Typography.Paragraph>
          {errors.map((error) => (
            <Typography.Paragraph key={error} type="danger" role="alert">
              {error}
            </Typography.Paragraph>
          ))}
        </div>
      )}
    </section>
  );
}
