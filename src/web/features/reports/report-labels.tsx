import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportState } from '../../api/reports.js';

const STATE_COLOURS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

/** A report's state as a tag; the text carries the meaning, the colour only repeats it. */
export function ReportStateTag({ state }: { state: ReportState | null }) {
  const { t } = useTranslation();
  if (state === null) return <Tag>{t('reports.states.none')}</Tag>;
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="report-state">
      {t(`reports.states.${state}`)}
    </Tag>
  );
}

/** A number as people write it in a report: up to two decimals, grouped; — for nothing. */
export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}
