import { Button, Descriptions, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHistory } from '../../api/history.js';
import { useJurisdictions } from '../../api/jurisdictions.js';
import { useProgrammeTree } from '../../api/programmes.js';
import { useCurrentUser } from '../../api/session.js';
import type { Id } from '../../api/types.js';
import { PageHeader } from '../../shared/page-header.js';
import { canExportProgramme, canManageDirectory, canWriteProgramme } from '../../shared/policy.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { BulletinImportLink } from '../bulletin-import/bulletin-import-link.js';
import { HistoryTable } from '../history/history-table.js';
import { ImportLink } from '../import/import-link.js';
import { ReviewLink } from '../reports/review-link.js';
import { reportingPlanTabs } from '../settings/reporting-plan-tab.js';
import { SupervisionLinks } from '../supervision/programme-links.js';
import { ExportProgrammeMenu } from './export-programme-menu.js';
import { EditProgrammeModal } from './programme-form-modal.js';
import { ProgrammeStateTag } from './programme-state-tag.js';
import { ProgrammeTree } from './programme-tree.js';
import { PublishButton } from './publish-button.js';

export function ProgrammePage() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const user = useCurrentUser();
  const tree = useProgrammeTree(id);
  const jurisdictions = useJurisdictions(canManageDirectory(user));
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('tree');

  if (tree.isPending) return <Loading />;
  if (tree.isError) return <LoadError error={tree.error} />;
  const { programme, categories } = tree.data;
  const canWrite = canWriteProgramme(user, programme.jurisdictionId, jurisdictions.data);

  return (
    <>
      <Link to="/programmes">{t('programmes.backToList')}</Link>
      <PageHeader
        title={programme.title}
        actions={
          <>
            {canWrite && <Button onClick={() => setEditing(true)}>{t('programmes.edit')}</Button>}
            {canWrite && <PublishButton programme={programme} />}
            {canWrite && <ImportLink programmeId={programme.id} />}
            {canWrite && <ReviewLink programmeId={programme.id} />}
            {canWrite && <BulletinImportLink programmeId={programme.id} />}
            <SupervisionLinks programmeId={programme.id} />
            {canExportProgramme(user) && <ExportProgrammeMenu programmeId={programme.id} />}
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'year', label: t('programmes.fields.year'), children: programme.year },
          {
            key: 'state',
            label: t('programmes.fields.state'),
            children: <ProgrammeStateTag state={programme.state} />,
          },
          { key: 'jurisdiction', label: t('programmes.fields.jurisdiction'), children: programme.jurisdictionName },
          {
            key: 'parent',
            label: t('programmes.fields.parent'),
            children:
              programme.parentId !== null ? (
                <Link to={`/programmes/${programme.parentId}`}>{programme.parentTitle}</Link>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />

      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'tree',
            label: t('programmes.tabs.tree'),
            children: <ProgrammeTree programmeId={programme.id} categories={categories} canWrite={canWrite} />,
          },
          {
            key: 'history',
            label: t('programmes.tabs.history'),
            children: tab === 'history' && <ProgrammeHistory programmeId={programme.id} />,
          },
          ...reportingPlanTabs({ programmeId: programme.id, canWrite, activeTab: tab }),
        ]}
      />

      {editing && <EditProgrammeModal programme={programme} onClose={() => setEditing(false)} />}
    </>
  );
}

function ProgrammeHistory({ programmeId }: { programmeId: Id }) {
  const history = useHistory({ programmeId, limit: 200 });
  return <HistoryTable entries={history.data} loading={history.isPending} error={history.error} />;
}
