import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Id } from '../../api/types.js';

/** The programme page's way to 导入纸质通报 (shown to the programme's office). */
export function BulletinImportLink({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button data-testid="open-bulletin-import" onClick={() => navigate(`/programmes/${programmeId}/bulletin-import`)}>
      {t('bulletinImport.open')}
    </Button>
  );
}
