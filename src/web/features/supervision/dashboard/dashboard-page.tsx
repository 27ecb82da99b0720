import { Alert, Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNotices } from '../../../api/notices.js';
import { useProgrammes, useProgrammeTree } from '../../../api/programmes.js';
import { useCurrentUser } from '../../../api/session.js';
import { shanghaiToday, useDueReportInputs, useProgrammeStatus } from '../../../api/status.js';
import { PageHeader } from '../../../shared/page-header.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { chooseProgramme, idParam } from '../shared/programme-choice.js';
import {
  applyFilters,
  byCategory,
  byLeadUnit,
  countByStatus,
  filterOptions,
  itemMetaOf,
  joinRows,
  laggingRows,
  topLevel,
} from './aggregate.js';
import { GroupChart, StatusChart } from './dashboard-charts.js';
import { DashboardFilters, type DashboardQuery } from './dashboard-filters.js';
import { AllItemsTable, DueReportsTable, LaggingList, OpenNoticesList } from './dashboard-lists.js';
import { dueReports } from './due-reports.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 督查看板: where the programme stands at a date, filterable by category, unit and leader. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();

  const dateParam = params.get('date');
  const query: DashboardQuery = {
    programmeId: chooseProgramme(programmes.data ?? [], idParam(params.get('programme'))),
    date: dateParam && ISO_DATE.test(dateParam) ? dateParam : shanghaiToday(),
    categoryId: idParam(params.get('category')),
    unitId: idParam(params.get('unit')),
    leaderId: idParam(params.get('leader')),
  };

  function change(next: Partial<DashboardQuery>): void {
    const merged = { ...query, ...next };
    const entries: [string, string | number | undefined][] = [
      ['programme', merged.programmeId],
      ['date', merged.date],
      ['category', merged.categoryId],
      ['unit', merged.unitId],
      ['leader', merged.leaderId],
    ];
    setParams(
      Object.fromEntries(
        entries.filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)]),
      ),
      { replace: true },
    );
  }

  if (programmes.isPending) return <Loading />;
  if (programmes.isError) return <LoadError error={programmes.error} />;

  return (
    <>
      <PageHeader title={t('supervision.dashboard.title')} />
      {user.role === 'reporter' && (
        <Alert type="info" showIcon title={t('supervision.dashboard.scopeNote')} style={{ marginBottom: 16 }} />
      )}
      {query.programmeId === undefined ? (
        <Empty description={t('supervision.picker.none')} />
      ) : (
        <DashboardBody query={query} onChange={change} programmes={programmes.data} programmeId={query.programmeId} />
      )}
    </>
  );
}

function DashboardBody({
  query,
  programmeId,
  programmes,
  onChange,
}: {
  query: DashboardQuery;
  programmeId: number;
  programmes: NonNullable<ReturnType<typeof useProgrammes>['data']>;
  onChange: (change: Partial<DashboardQuery>) => void;
}) {
  const { t } = useTranslation();
  const status = useProgrammeStatus(programmeId, query.date);
  const tree = useProgrammeTree(programmeId);
  const due = useDueReportInputs(programmeId);
  const notices = useNotices(programmeId);

  const categories = tree.data?.categories;
  const meta = useMemo(() => itemMetaOf(categories ?? []), [categories]);
  const options = useMemo(() => filterOptions(categories ?? []), [categories]);
  const { categoryId, unitId, leaderId } = query;
  const rows = useMemo(
    () => applyFilters(joinRows(status.data?.items ?? [], meta), { categoryId, unitId, leaderId }),
    [status.data, meta, categoryId, unitId, leaderId],
  );

  const filters = <DashboardFilters query={query} programmes={programmes} options={options} onChange={onChange} />;
  if (status.isPending || tree.isPending)
    return (
      <>
        {filters}
        <Loading />
      </>
    );
  if (status.isError)
    return (
      <>
        {filters}
        <LoadError error={status.error} />
      </>
    );
  if (tree.isError)
    return (
      <>
        {filters}
        <LoadError error={tree.error} />
      </>
    );

  const items = topLevel(rows);
  const counts = countByStatus(items);
  const unknown = t('common.none');
  const visibleIds = new Set(rows.map((row) => row.id));
  const openNotices = (notices.data?.items ?? []).filter(
    (n) =>
      (n.state === 'open' || n.state === 'escalated') &&
      visibleIds.has(n.itemId) &&
      (query.unitId === undefined || n.unitId === query.unitId),
  );
  const dueRows = due.data ? dueReports(rows, due.data.periods, due.data.reports, query.date) : [];

  return (
    <>
      {filters}
      <Typography.Paragraph type="secondary">
        {t('supervision.dashboard.asOfNote', { date: status.data.asOf })}
      </Typography.Paragraph>

      <section aria-label={t('supervision.dashboard.summaryTitle')} style={{ marginBottom: 24 }}>
        <Row gutter={[16, 16]}>
          {[
            ['total', items.length],
            ['laggingCount', counts.lagging],
            ['overdueCount', counts.overdue],
            ['doneCount', counts.done],
            ['noticeCount', openNotices.length],
            ['dueCount', dueRows.length],
          ].map(([key, value]) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Card size="small">
                <Statistic title={t(`supervision.dashboard.${key as 'total'}`)} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <Row gutter={[24, 24]}>
        <Col xs={24} lg={8}>
          <StatusChart counts={counts} />
        </Col>
        <Col xs={24} lg={16}>
          <GroupChart
            title={t('supervision.dashboard.byCategory')}
            nameTitle={t('supervision.dashboard.category')}
            groups={byCategory(items, unknown)}
          />
        </Col>
        <Col xs={24}>
          <GroupChart
            title={t('supervision.dashboard.byUnit')}
            nameTitle={t('supervision.dashboard.leadUnit')}
            groups={byLeadUnit(items, unknown)}
          />
        </Col>
        <Col xs={24}>
          <LaggingList rows={laggingRows(rows)} />
        </Col>
        <Col xs={24} lg={14}>
          {due.isError ? <LoadError error={due.error} /> : <DueReportsTable rows={dueRows} />}
        </Col>
        <Col xs={24} lg={10}>
          {notices.isError ? (
            <LoadError error={notices.error} />
          ) : (
            <OpenNoticesList notices={openNotices} programmeId={programmeId} />
          )}
        </Col>
        <Col xs={24}>
          <AllItemsTable rows={rows} />
        </Col>
      </Row>
    </>
  );
}
