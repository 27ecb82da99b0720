import { Alert, Button, Empty, Form, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type BulletinSummary, useBulletinChain, useBulletins } from '../../api/bulletins.js';
import { useProgrammes } from '../../api/programmes.js';
import type { Id } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { chooseProgramme, idParam } from '../supervision/shared/programme-choice.js';
import { useCanSupervise } from '../supervision/shared/use-can-supervise.js';
import { DraftBulletinModal } from './draft-bulletin-modal.js';

export function BulletinStateTag({ bulletin }: { bulletin: Pick<BulletinSummary, 'state'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={bulletin.state === 'published' ? 'green' : 'default'}>{t(`bulletins.states.${bulletin.state}`)}</Tag>
  );
}

/** Whether the published bulletins still match their hashes. */
function ChainStatus({ programmeId }: { programmeId: Id }) {
  const { t } = useTranslation();
  const chain = useBulletinChain(programmeId);
  if (!chain.data) return null;
  const { ok, count, brokenAt, reason } = chain.data;
  const text = !ok
    ? t('bulletins.chain.broken', { seq: brokenAt, reason })
    : count === 0
      ? t('bulletins.chain.none')
      : t('bulletins.chain.ok', { count });
  return (
    <Alert
      type={ok ? (count === 0 ? 'info' : 'success') : 'error'}
      showIcon
      role={ok ? 'status' : 'alert'}
      title={`${t('bulletins.chain.title')}：${text}`}
      style={{ marginBottom: 16 }}
    />
  );
}

/** 进展情况通报 of a programme: drafts (the office) and published ones, newest first; 起草通报. */
export function BulletinsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = chooseProgramme(programmes.data ?? [], idParam(params.get('programme')));
  const programme = programmes.data?.find((p) => p.id === programmeId);
  const office = useCanSupervise(programme?.jurisdictionId);
  const bulletins = useBulletins(programmeId);
  const [drafting, setDrafting] = useState(false);

  if (programmes.isPending) return <Loading />;
  if (programmes.isError) return <LoadError error={programmes.error} />;

  return (
    <>
      <PageHeader
        title={t('bulletins.title')}
        actions={
          office &&
          programme && (
            <Button type="primary" onClick={() => setDrafting(true)}>
              {t('bulletins.draft')}
            </Button>
          )
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('supervision.picker.programme')} htmlFor="bulletins-programme">
          <Select
            id="bulletins-programme"
            style={{ minWidth: 280 }}
            value={programmeId}
            placeholder={t('supervision.picker.choose')}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(programme: Id) => setParams({ programme: String(programme) }, { replace: true })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
      {programmeId === undefined ? (
        <Empty description={t('supervision.picker.none')} />
      ) : bulletins.isError ? (
        <LoadError error={bulletins.error} />
      ) : (
        <>
          <ChainStatus programmeId={programmeId} />
          <Table<BulletinSummary>
            rowKey="id"
            size="middle"
            loading={bulletins.isPending}
            dataSource={bulletins.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('bulletins.empty') }}
            columns={[
              {
                title: t('bulletins.seq'),
                key: 'seq',
                width: 90,
                render: (_, b) => (b.seq === null ? t('common.none') : t('bulletins.seqValue', { seq: b.seq })),
              },
              {
                title: t('bulletins.editor.titleLabel'),
                key: 'title',
                render: (_, b) => <Link to={`/bulletins/${b.id}`}>{b.title}</Link>,
              },
              { title: t('bulletins.period'), dataIndex: 'period', width: 110 },
              { title: t('bulletins.cutoff'), dataIndex: 'cutoff', width: 120 },
              {
                title: t('bulletins.state'),
                key: 'state',
                width: 90,
                render: (_, b) => <BulletinStateTag bulletin={b} />,
              },
              {
                title: t('bulletins.publishedAt'),
                key: 'publishedAt',
                render: (_, b) => (b.publishedAt ? formatDateTime(b.publishedAt, i18n.language) : t('common.none')),
              },
            ]}
          />
        </>
      )}
      {drafting && programme && (
        <DraftBulletinModal programmeId={programme.id} year={programme.year} onClose={() => setDrafting(false)} />
      )}
    </>
  );
}
