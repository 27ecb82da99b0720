import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProgrammes } from '../../api/programmes.js';
import type { Id } from '../../api/types.js';

/** The programme page's ways into supervision: its dashboard, assessment and, for a city programme, its districts. */
export function SupervisionLinks({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const hasDistricts = (programmes.data ?? []).some((p) => p.parentId === programmeId);
  return (
    <Space size="middle" wrap>
      <Link to={`/dashboard?programme=${programmeId}`}>{t('supervision.links.dashboard')}</Link>
      <Link to={`/programmes/${programmeId}/assessment`}>{t('supervision.links.assessment')}</Link>
      {hasDistricts && <Link to={`/programmes/${programmeId}/districts`}>{t('supervision.links.districts')}</Link>}
    </Space>
  );
}
