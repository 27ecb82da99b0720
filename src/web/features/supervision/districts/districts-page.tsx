import { Alert, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CityItemRollup, type DistrictRow, useDistricts } from '../../../api/districts.js';
import { useProgramme } from '../../../api/programmes.js';
import { ITEM_STATUSES, shanghaiToday } from '../../../api/status.js';
import { PageHeader } from '../../../shared/page-header.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { StatusTag } from '../shared/status.js';
import { CityItemTable } from './city-item-table.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 分区情况: a city programme across the district programmes that carry it out. */
export function DistrictsPage() {
  const programmeId = Number(useParams().id);
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date');
  const date = dateParam && ISO_DATE.test(dateParam) ? dateParam : shanghaiToday();
  const programme = useProgramme(programmeId);
  const view = useDistricts(programmeId, date);

  return (
    <>
      <Link to={`/programmes/${programmeId}`}>{programme.data?.title ?? t('supervision.districts.back')}</Link>
      <PageHeader title={`${programme.data?.title ?? ''} ${t('supervision.districts.title')}`.trim()} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('supervision.picker.asOf')} htmlFor="districts-date">
          <Input
            id="districts-date"
            type="date"
            value={date}
            onChange={(event) => event.target.value && setParams({ date: event.target.value }, { replace: true })}
          />
        </Form.Item>
      </Form>
      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <LoadError error={view.error} />
      ) : view.data === null ? (
        <Alert type="info" showIcon title={t('supervision.districts.notCity')} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <DistrictOverview rows={view.data.districts} />
          {view.data.cityItems.map((cityItem) => (
            <CityItemSection key={cityItem.id} cityItem={cityItem} />
          ))}
        </Space>
      )}
    </>
  );
}

function DistrictOverview({ rows }: { rows: DistrictRow[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="districts-overview">
      <SectionTitle>
        <span id="districts-overview">{t('supervision.districts.overview')}</span>
      </SectionTitle>
      <Table<DistrictRow>
        size="small"
        rowKey="programmeId"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        onRow={(row) => (row.lagging > 0 ? { style: { background: '#fff2e8' } } : {})}
        columns={[
          {
            title: t('supervision.districts.district'),
            key: 'district',
            render: (_, row) => (
              <Space size={4} wrap>
                <Link to={`/programmes/${row.programmeId}`}>{row.jurisdictionName}</Link>
                {row.lagging > 0 && <Tag color="volcano">{t('supervision.districts.laggingMark')}</Tag>}
              </Space>
            ),
          },
          ...ITEM_STATUSES.map((status) => ({
            title: t(`supervision.status.${status}`),
            key: status,
            align: 'right' as const,
            render: (_: unknown, row: DistrictRow) => row.counts[status],
          })),
          {
            title: `${t('supervision.districts.done')}/${t('supervision.districts.total')}`,
            key: 'done',
            align: 'right',
            render: (_, row) => `${row.done}/${row.total}`,
          },
        ]}
      />
    </section>
  );
}

function CityItemSection({ cityItem }: { cityItem: CityItemRollup }) {
  const { t } = useTranslation();
  const title = [cityItem.number, cityItem.name].filter(Boolean).join(' ');
  return (
    <section aria-label={title}>
      <Space align="baseline" wrap>
        <SectionTitle level={3}>{title}</SectionTitle>
        {cityItem.status && <StatusTag status={cityItem.status} />}
        <Typography.Text type="secondary">{cityItem.categoryTitle}</Typography.Text>
      </Space>
      {cityItem.districts.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('supervision.districts.notLinked')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type={cityItem.lagging.length > 0 ? 'danger' : 'secondary'}>
            {cityItem.lagging.length > 0
              ? t('supervision.districts.laggingText', { names: cityItem.lagging.join('、') })
              : t('supervision.districts.noLagging')}
          </Typography.Paragraph>
          <CityItemTable cityItem={cityItem} />
        </>
      )}
    </section>
  );
}
