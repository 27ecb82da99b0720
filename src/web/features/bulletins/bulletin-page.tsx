import { Alert, App, Button, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type Bulletin,
  bulletinExportUrl,
  bulletinPublicUrl,
  useBulletin,
  useDeleteBulletin,
  usePublishBulletin,
  useRefreshBulletin,
} from '../../api/bulletins.js';
import { errorMessage } from '../../api/client.js';
import { useProgramme } from '../../api/programmes.js';
import { formatDateTime } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { useCanSupervise } from '../supervision/shared/use-can-supervise.js';
import { BulletinEditor } from './bulletin-editor.js';
import { BulletinPreview } from './bulletin-preview.js';
import { BulletinStateTag } from './bulletins-page.js';

/** The office's buttons on a draft: redraw from the data, delete, publish (with a warning that it freezes). */
function DraftActions({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshBulletin();
  const remove = useDeleteBulletin();
  const publish = usePublishBulletin();
  const fail = (caught: unknown) => message.error(errorMessage(caught));

  return (
    <>
      <Popconfirm
        title={t('bulletins.refresh')}
        description={t('bulletins.refreshConfirm')}
        okText={t('bulletins.refresh')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          refresh
            .mutateAsync({ id: bulletin.id, version: bulletin.version })
            .then(() => message.success(t('bulletins.refreshed')), fail)
        }
      >
        <Button>{t('bulletins.refresh')}</Button>
      </Popconfirm>
      <Popconfirm
        title={t('bulletins.deleteDraft')}
        description={t('bulletins.deleteConfirm')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove.mutateAsync(bulletin.id).then(() => {
            message.success(t('bulletins.deleted'));
            void navigate(`/bulletins?programme=${bulletin.programmeId}`);
          }, fail)
        }
      >
        <Button danger>{t('bulletins.deleteDraft')}</Button>
      </Popconfirm>
      <Button
        type="primary"
        onClick={() =>
          modal.confirm({
            title: t('bulletins.publishTitle'),
            content: t('bulletins.publishConfirm'),
            okText: t('bulletins.publishOk'),
            cancelText: t('common.cancel'),
            onOk: () =>
              publish
                .mutateAsync({ id: bulletin.id, version: bulletin.version })
                .then(() => message.success(t('bulletins.published')), fail),
          })
        }
      >
        {t('bulletins.publish')}
      </Button>
    </>
  );
}

function ChainFacts({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12, wordBreak: 'break-all' }}>
      {t('bulletins.hash')}：<code>{bulletin.hash}</code>
      <br />
      {t('bulletins.prevHash')}：{bulletin.prevHash ? <code>{bulletin.prevHash}</code> : t('bulletins.noPrevHash')}
    </Typography.Paragraph>
  );
}

/** One bulletin: the editor and a preview for a draft (the office), the frozen text for a published one. */
export function BulletinPage() {
  const id = Number(useParams().id);
  const { t, i18n } = useTranslation();
  const bulletin = useBulletin(id);
  const programme = useProgramme(bulletin.data?.programmeId);
  const office = useCanSupervise(programme.data?.jurisdictionId);

  if (bulletin.isPending) return <Loading />;
  if (bulletin.isError) return <LoadError error={bulletin.error} />;
  const b = bulletin.data;
  const draft = b.state === 'draft';
  const meta = [
    b.body.source,
    b.publishedAt ? formatDateTime(b.publishedAt, i18n.language) : `${t('bulletins.cutoff')} ${b.cutoff}`,
  ]
    .filter(Boolean)
    .join('　');
  const preview = <BulletinPreview title={b.title} body={b.body} meta={meta} />;

  return (
    <>
      <Link to={`/bulletins?programme=${b.programmeId}`}>{t('bulletins.back')}</Link>
      <PageHeader
        title={b.seq === null ? b.title : `${t('bulletins.seqValue', { seq: b.seq })} ${b.title}`}
        actions={
          <>
            <BulletinStateTag bulletin={b} />
            <a href={bulletinExportUrl(b.id, 'docx')} download>
              {t('bulletins.downloadDocx')}
            </a>
            <a href={bulletinExportUrl(b.id, 'md')} download>
              {t('bulletins.downloadMd')}
            </a>
            {!draft && (
              <a href={bulletinPublicUrl(b)} target="_blank" rel="noopener">
                {t('bulletins.openPublic')}
              </a>
            )}
            {draft && office && <DraftActions bulletin={b} />}
          </>
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('bulletins.period')}：{b.period}　{t('bulletins.cutoff')}：{b.cutoff}
        </Typography.Text>
        {draft && office ? (
          <Tabs
            items={[
              {
                key: 'edit',
                label: t('bulletins.editor.heading'),
                children: <BulletinEditor key={b.id} bulletin={b} />,
              },
              { key: 'preview', label: t('bulletins.preview'), children: preview },
            ]}
          />
        ) : (
          <>
            {!draft && <Alert type="info" showIcon title={t('bulletins.frozen')} />}
            {preview}
            {!draft && <ChainFacts bulletin={b} />}
          </>
        )}
      </Space>
    </>
  );
}
