import { useQueryClient } from '@tanstack/react-query';
import { Alert, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useItem } from '../../api/items.js';
import { type Report, reportKeys, useItemReports, useReport, useReportingPlan } from '../../api/reports.js';
import { useCurrentUser } from '../../api/session.js';
import type { Id, ItemDetail, SessionUser } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { canManageDirectory } from '../../shared/policy.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { ReportDetails } from './report-details.js';
import { ReportEditor } from './report-editor.js';
import { useReportItem } from './report-item.js';

/** The units that report on an item: its own, or for a part without any, its parent's (the server decides). */
function leadUnitOf(item: ItemDetail): Id | null {
  return item.units.find((u) => u.role === 'lead')?.unitId ?? item.units[0]?.unitId ?? null;
}

/** /items/:id/reports/:period — this unit's report for the period, or a new one. */
export function ReportFormPage() {
  const params = useParams();
  const itemId = Number(params.id);
  const period = params.period ?? '';
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const item = useItem(itemId);
  const list = useItemReports(itemId, period);
  const [createdId, setCreatedId] = useState<Id | null>(null);

  if (item.isPending || list.isPending) return <Loading />;
  if (item.isError) return <LoadError error={item.error} />;
  if (list.isError) return <LoadError error={list.error} />;

  const office = canManageDirectory(user);
  const asked = Number(search.get('unitId'));
  const unitId = asked > 0 ? asked : office ? leadUnitOf(item.data) : user.unitId;
  if (unitId === null) return <Alert type="warning" showIcon role="alert" title={t('reports.form.noUnit')} />;
  const found = list.data.items.find((r) => r.unitId === unitId);

  return (
    <ReportWorkspace
      item={item.data}
      period={period}
      unitId={unitId}
      reportId={createdId ?? found?.id ?? null}
      sendUnitId={office}
      onCreated={setCreatedId}
    />
  );
}

/** /reports/:id — a report by its id (links from the inbox and the item page). */
export function ReportPage() {
  const id = Number(useParams().id);
  const report = useReport(id);
  const item = useReportItem(report.data?.itemId);
  const user = useCurrentUser();

  if (report.isPending) return <Loading />;
  if (report.isError) return <LoadError error={report.error} />;
  if (item.isPending) return <Loading />;
  if (item.isError) return <LoadError error={item.error} />;
  return (
    <ReportWorkspace
      item={item.data}
      period={report.data.period}
      unitId={report.data.unitId}
      reportId={id}
      sendUnitId={canManageDirectory(user)}
      onCreated={() => undefined}
    />
  );
}

function mayWrite(user: SessionUser, unitId: Id): boolean {
  return canManageDirectory(user) || (user.role === 'reporter' && user.unitId === unitId);
}

function ReportWorkspace({
  item,
  period,
  unitId,
  reportId,
  sendUnitId,
  onCreated,
}: {
  item: ItemDetail;
  period: string;
  unitId: Id;
  reportId: Id | null;
  sendUnitId: boolean;
  onCreated: (id: Id) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const report = useReport(reportId ?? undefined);
  const plan = useReportingPlan(item.programmeId);
  const [conflict, setConflict] = useState(false);

  if (reportId !== null && report.isPending) return <Loading />;
  if (reportId !== null && report.isError) return <LoadError error={report.error} />;
  const stored: Report | null = reportId !== null ? (report.data ?? null) : null;
  const periodInfo = plan.data?.periods.find((p) => p.period === period);
  const dueDate = periodInfo?.dueDate ?? null;
  const unitName = stored?.unitName ?? item.units.find((u) => u.unitId === unitId)?.name ?? '';
  const stateAllows = stored === null || stored.state === 'draft' || stored.state === 'returned';
  const locked = periodInfo?.locked ?? false;
  const notStarted = periodInfo !== undefined && !periodInfo.open && !periodInfo.locked;
  const writer = mayWrite(user, unitId);
  const editable = writer && stateAllows && !locked && !notStarted;

  const why = locked
    ? t('reports.form.readOnlyLocked')
    : notStarted
      ? t('reports.form.notOpen')
      : stored?.state === 'approved'
        ? t('reports.form.readOnlyApproved')
        : stored?.state === 'submitted'
          ? t('reports.form.readOnlySubmitted')
          : t('reports.form.readOnlyOther');

  const office = canManageDirectory(user);
  const title = `${[item.number, item.name].filter(Boolean).join(' ')} · ${t('reports.form.title', { period: periodLabel(t, period) })}`;

  return (
    <>
      {user.role === 'reporter' ? (
        <Link to="/my-work">{t('reports.form.back')}</Link>
      ) : (
        <Link to={`/items/${item.id}`}>{[item.number, item.name].filter(Boolean).join(' ')}</Link>
      )}
      <PageHeader
        title={title}
        actions={
          office &&
          item.units.length > 1 && (
            <Space>
              <label htmlFor="report-unit">{t('reports.form.chooseUnit')}</label>
              <Select
                id="report-unit"
                style={{ minWidth: 160 }}
                value={unitId}
                options={item.units.map((u) => ({ value: u.unitId, label: u.name }))}
                onChange={(value: Id) => navigate(`/items/${item.id}/reports/${period}?unitId=${value}`)}
              />
            </Space>
          )
        }
      />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('reports.form.conflict')}
          closable
          onClose={() => setConflict(false)}
          style={{ marginBottom: 16 }}
        />
      )}
      {editable ? (
        <ReportEditor
          key={`${stored?.id ?? 'new'}-${stored?.version ?? 0}`}
          item={item}
          period={period}
          unitId={unitId}
          unitName={unitName}
          dueDate={dueDate}
          report={stored}
          sendUnitId={sendUnitId}
          onSaved={(saved) => {
            queryClient.setQueryData(reportKeys.one(saved.id), saved);
            onCreated(saved.id);
          }}
          onConflict={() => {
            setConflict(true);
            void queryClient.invalidateQueries({ queryKey: reportKeys.all });
          }}
        />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={why} data-testid="report-read-only" />
          {stored && <ReportDetails report={stored} item={item} dueDate={dueDate} />}
        </Space>
      )}
    </>
  );
}
