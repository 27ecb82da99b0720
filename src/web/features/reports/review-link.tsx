import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Id } from '../../api/types.js';

/** The programme page's way to the review queue (shown to the programme's office). */
export function ReviewLink({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button data-testid="open-review" onClick={() => navigate(`/programmes/${programmeId}/review`)}>
      {t('reports.review.open')}
    </Button>
  );
}
