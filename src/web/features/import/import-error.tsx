import { Alert } from 'antd';
import { ApiError } from '../../api/client.js';
import { importErrorMessage } from './read-source.js';

interface Detail {
  path?: unknown;
  message?: unknown;
}

/** The fields a refused document got wrong, as the server lists them: "categories.0.items.2.name: …". */
function detailLines(error: unknown): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Detail[])
    .filter((d) => typeof d?.message === 'string' && d.message)
    .slice(0, 10)
    .map((d) => (typeof d.path === 'string' && d.path ? `${d.path}: ${d.message}` : String(d.message)));
}

/** A failed read, preview or commit, in the words the server (or the browser) gave. */
export function ImportError({ error }: { error: unknown }) {
  if (!error) return null;
  const lines = detailLines(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={importErrorMessage(error)}
      description={
        lines.length > 1 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
