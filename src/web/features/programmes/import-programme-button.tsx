import { App, Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.js';
import { useImportProgramme } from '../../api/programmes.js';

/** Reads a minxin.programme/v1 file and creates a programme from it, then opens it. */
export function ImportProgrammeButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const importProgramme = useImportProgramme();

  async function upload(file: File): Promise<void> {
    let document: unknown;
    try {
      document = JSON.parse(await file.text()) as unknown;
    } catch {
      message.error(t('programmes.importNotJson'));
      return;
    }
    try {
      const result = await importProgramme.mutateAsync(document);
      message.success(t('programmes.imported', { count: result.warnings.length }));
      navigate(`/programmes/${result.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('programmes.import')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Button loading={importProgramme.isPending} onClick={() => input.current?.click()}>
        {t('programmes.import')}
      </Button>
    </>
  );
}
