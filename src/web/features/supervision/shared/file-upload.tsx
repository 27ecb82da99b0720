import { Alert, Button, List, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../api/client.js';
import { ACCEPT_ATTRIBUTE, fileProblem, uploadFile } from '../../../api/files.js';
import type { FileRef } from '../../../api/notices.js';

/**
 * A labelled file input that uploads each chosen file to POST /files at once
 * and keeps the stored references for the form to send. Controlled, so it
 * works as a Form.Item child.
 */
export function FileUpload({
  label,
  hint,
  value = [],
  onChange,
  imagesOnly = false,
}: {
  label: string;
  hint?: string;
  value?: FileRef[];
  onChange?: (files: FileRef[]) => void;
  imagesOnly?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  // Several uploads may finish together; each adds to the latest list.
  const latest = useRef(value);
  latest.current = value;

  async function add(files: FileList | null): Promise<void> {
    if (!files) return;
    setErrors([]);
    for (const file of [...files]) {
      const problem = fileProblem(file);
      if (problem) {
        setErrors((list) => [...list, problem]);
        continue;
      }
      setBusy((n) => n + 1);
      try {
        const stored = await uploadFile(file);
        const next = [
          ...latest.current.filter((f) => f.sha256 !== stored.sha256),
          { sha256: stored.sha256, fileName: stored.fileName },
        ];
        latest.current = next;
        onChange?.(next);
      } catch (error) {
        setErrors((list) => [...list, `${file.name}：${errorMessage(error)}`]);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  }

  return (
    <div>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={imagesOnly ? 'image/jpeg,image/png,image/gif,image/webp' : ACCEPT_ATTRIBUTE}
        disabled={busy > 0}
        onChange={(event) => {
          const input = event.currentTarget;
          void add(input.files).finally(() => {
            input.value = '';
          });
        }}
      />
      {hint && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {hint}
        </Typography.Paragraph>
      )}
      {busy > 0 && <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>}
      {errors.map((error) => (
        <Alert key={error} type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />
      ))}
      {value.length > 0 && (
        <List
          size="small"
          dataSource={value}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  size="small"
                  aria-label={t('common.removeNamed', { name: file.fileName })}
                  onClick={() => onChange?.(value.filter((f) => f.sha256 !== file.sha256))}
                >
                  {t('common.remove')}
                </Button>,
              ]}
            >
              {file.fileName}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** Files stored on the server: thumbnails for images (with their names as alt text), links for the rest. */
export function FileLinks({
  files,
  altOf,
}: {
  files: { id: number; fileName: string; url: string; thumbnailUrl: string | null }[];
  altOf?: (fileName: string) => string;
}) {
  if (files.length === 0) return null;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={file.url} target="_blank" rel="noreferrer">
            {file.thumbnailUrl ? (
              <img
                src={file.thumbnailUrl}
                alt={altOf ? altOf(file.fileName) : file.fileName}
                style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4, border: '1px solid #eee' }}
              />
            ) : (
              file.fileName
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
