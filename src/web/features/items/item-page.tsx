import { Button, Descriptions, Empty, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useItemHistory } from '../../api/history.js';
import { useItem } from '../../api/items.js';
import { useJurisdictions } from '../../api/jurisdictions.js';
import { useProgramme } from '../../api/programmes.js';
import { useCurrentUser } from '../../api/session.js';
import type { ItemDetail } from '../../api/types.js';
import { deadlineLabel } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { SectionTitle } from '../../shared/page-title.js';
import { canManageDirectory, canWriteProgramme } from '../../shared/policy.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { HistoryTable } from '../history/history-table.js';
import { ItemReportsSection } from '../reports/item-reports-section.js';
import { ItemSupervision } from '../supervision/item/item-supervision.js';
import { IndicatorsSection } from './indicators-section.js';
import { EditItemModal } from './item-form-modal.js';
import { ItemLeadersSection, ItemUnitsSection } from './item-units-section.js';
import { MilestonesSection } from './milestones-section.js';

const multiline = { whiteSpace: 'pre-wrap' } as const;

export function ItemPage() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const user = useCurrentUser();
  const item = useItem(id);
  const programme = useProgramme(item.data?.programmeId);
  const jurisdictions = useJurisdictions(canManageDirectory(user));
  const [editing, setEditing] = useState(false);

  if (item.isPending) return <Loading />;
  if (item.isError) return <LoadError error={item.error} />;
  const data = item.data;
  const jurisdictionId = programme.data?.jurisdictionId ?? null;
  const canWrite = jurisdictionId !== null && canWriteProgramme(user, jurisdictionId, jurisdictions.data);

  return (
    <>
      <Link to={`/programmes/${data.programmeId}`}>{programme.data?.title ?? t('items.programme')}</Link>
      <PageHeader
        title={[data.number, data.name].filter(Boolean).join(' ')}
        actions={canWrite && <Button onClick={() => setEditing(true)}>{t('items.edit')}</Button>}
      />

      <ItemDetails item={data} />

      <Space orientation="vertical" size="large" style={{ width: '100%', marginTop: 24 }}>
        <ItemUnitsSection item={data} jurisdictionId={jurisdictionId} canWrite={canWrite} />
        <ItemLeadersSection item={data} jurisdictionId={jurisdictionId} canWrite={canWrite} />
        <MilestonesSection item={data} canWrite={canWrite} />
        <IndicatorsSection item={data} canWrite={canWrite} />
        <ItemReportsSection item={data} />
        <ItemSupervision item={data} canSupervise={canWrite} />
        <section>
          <SectionTitle>{t('items.children')}</SectionTitle>
          {data.children.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('items.noChildren')} />
          ) : (
            <ul style={{ paddingInlineStart: 20 }}>
              {data.children.map((child) => (
                <li key={child.id}>
                  <Link to={`/items/${child.id}`}>{[child.number, child.name].filter(Boolean).join(' ')}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <ItemHistory item={data} />
      </Space>

      {editing && <EditItemModal item={data} onClose={() => setEditing(false)} />}
    </>
  );
}

function ItemDetails({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <section aria-label={t('items.details')}>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'number', label: t('items.number'), children: item.number || none },
          { key: 'name', label: t('items.name'), children: item.name },
          { key: 'category', label: t('items.category'), children: item.categoryTitle || none },
          {
            key: 'parent',
            label: t('items.parent'),
            children: item.parentItemId !== null ? <ParentLink id={item.parentItemId} /> : none,
          },
          {
            key: 'description',
            label: t('items.description'),
            children: <div style={multiline}>{item.description || none}</div>,
          },
          { key: 'target', label: t('items.target'), children: <div style={multiline}>{item.target || none}</div> },
          { key: 'deadline', label: t('items.deadline'), children: deadlineLabel(item.deadline) || none },
        ]}
      />
    </section>
  );
}

/** The parent item, by name once it has loaded. */
function ParentLink({ id }: { id: number }) {
  const parent = useItem(id);
  const label = parent.data ? [parent.data.number, parent.data.name].filter(Boolean).join(' ') : `#${id}`;
  return <Link to={`/items/${id}`}>{label}</Link>;
}

function ItemHistory({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const history = useItemHistory(item.id);
  return (
    <section>
      <SectionTitle>{t('history.title')}</SectionTitle>
      <HistoryTable entries={history.data} loading={history.isPending} error={history.error} />
    </section>
  );
}
