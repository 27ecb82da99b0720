import { Alert, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../api/reports.js';
import type { ItemDetail } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';
import { EvidenceList, fromAttachment } from './evidence-upload.js';
import { formatNumber } from './report-labels.js';
import { PlanVsActual, QuarterMilestones, ReportHead } from './report-plan.js';
import { ReportShares } from './report-shares.js';

const multiline = { whiteSpace: 'pre-wrap' } as const;

/** A return reason, prominent: the first thing a reporter must read. */
export function ReturnReason({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="return-reason"
      title={t('reports.form.returned')}
      description={
        <>
          <div style={multiline}>{t('reports.form.returnedBy', { reason: reason ?? '' })}</div>
          <div>{t('reports.form.returnedHint')}</div>
        </>
      }
    />
  );
}

/** Everything a report says, read-only: for reviewers, and for reports that can no longer change. */
export function ReportDetails({ report, item, dueDate }: { report: Report; item: ItemDetail; dueDate: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = t('reports.form.none');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="report-details">
      {report.state === 'returned' && <ReturnReason reason={report.returnReason} />}
      <ReportHead
        item={item}
        period={report.period}
        unitName={report.unitName}
        dueDate={dueDate}
        state={report.state}
      />
      <QuarterMilestones item={item} period={report.period} />
      <section>
        <SectionTitle level={3}>{t('reports.review.planVsActual')}</SectionTitle>
        <PlanVsActual item={item} period={report.period} values={report.values} />
      </section>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'claimed',
            label: t('reports.form.claimedStatus'),
            children: t(`reports.claimed.${report.claimedStatus}`),
          },
          {
            key: 'percent',
            label: t('reports.form.percentComplete'),
            children: report.percentComplete === null ? none : `${report.percentComplete}%`,
          },
          { key: 'planned', label: t('reports.form.fundsPlanned'), children: formatNumber(report.fundsPlanned, lang) },
          {
            key: 'allocated',
            label: t('reports.form.fundsAllocated'),
            children: formatNumber(report.fundsAllocated, lang),
          },
          {
            key: 'disbursed',
            label: t('reports.form.fundsDisbursed'),
            children: formatNumber(report.fundsDisbursed, lang),
          },
          {
            key: 'progress',
            label: t('reports.form.progress'),
            children: <div style={multiline}>{report.progress || none}</div>,
          },
          {
            key: 'problems',
            label: t('reports.form.problems'),
            children: <div style={multiline}>{report.problems || none}</div>,
          },
          {
            key: 'next',
            label: t('reports.form.nextSteps'),
            children: <div style={multiline}>{report.nextSteps || none}</div>,
          },
          {
            key: 'submitted',
            label: t('reports.review.submittedAt'),
            children: report.submittedAt ? formatDateTime(report.submittedAt, lang) : none,
          },
        ]}
      />
      <section>
        <SectionTitle level={3}>{t('reports.review.attachments')}</SectionTitle>
        <EvidenceList files={report.attachments.map(fromAttachment)} />
      </section>
      <ReportShares report={report} item={item} />
    </Space>
  );
}
