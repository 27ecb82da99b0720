import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import type { Id } from '../../api/types.js';

/** A link, styled as a button, to the import page; with a programme it starts a revision of it. */
export function ImportLink({ programmeId }: { programmeId?: Id }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const to = programmeId === undefined ? '/programmes/import' : `/programmes/import?programme=${programmeId}`;
  const href = useHref(to);
  return (
    <Button
      href={href}
      onClick={(event) => {
        // Keep new-tab clicks to the browser; a plain click stays in the application.
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {programmeId === undefined ? t('import.open') : t('import.openRevision')}
    </Button>
  );
}
