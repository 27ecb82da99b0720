import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportWarning } from '../../api/interchange.js';

/** Warnings as a short list: the message, then where in the source it came from. */
export function WarningList({ warnings }: { warnings: readonly ImportWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {warnings.map((warning, index) => (
        // Warnings have no identity of their own; the list only changes as a whole.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>
          <Typography.Text type="warning">{warning.message}</Typography.Text>
          {warning.where && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {t('import.preview.where', { where: warning.where })}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}
