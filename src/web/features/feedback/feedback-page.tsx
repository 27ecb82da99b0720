import { Empty, Form, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useProgrammes } from '../../api/programmes.js';
import type { Id } from '../../api/types.js';
import { PageHeader } from '../../shared/page-header.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { chooseProgramme, idParam } from '../supervision/shared/programme-choice.js';
import { ModerationQueue } from './moderation-queue.js';
import { SatisfactionView } from './satisfaction-view.js';

type Tab = 'queue' | 'satisfaction';

/** 群众评价: residents' comments to approve or reject, and satisfaction by item and lead unit. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = chooseProgramme(programmes.data ?? [], idParam(params.get('programme')));
  const tab: Tab = params.get('tab') === 'satisfaction' ? 'satisfaction' : 'queue';

  function change(next: { programme?: Id; tab?: Tab }): void {
    const out: Record<string, string> = {};
    const programme = next.programme ?? programmeId;
    if (programme !== undefined) out.programme = String(programme);
    const nextTab = next.tab ?? tab;
    if (nextTab !== 'queue') out.tab = nextTab;
    setParams(out, { replace: true });
  }

  if (programmes.isPending) return <Loading />;
  if (programmes.isError) return <LoadError error={programmes.error} />;

  return (
    <>
      <PageHeader title={t('feedback.title')} />
      <Typography.Paragraph type="secondary">{t('feedback.note')}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('supervision.picker.programme')} htmlFor="feedback-programme">
          <Select
            id="feedback-programme"
            style={{ minWidth: 280 }}
            value={programmeId}
            placeholder={t('supervision.picker.choose')}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(programme: Id) => change({ programme })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
      {programmeId === undefined ? (
        <Empty description={t('supervision.picker.none')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => change({ tab: key as Tab })}
          items={[
            { key: 'queue', label: t('feedback.tabs.queue'), children: <ModerationQueue programmeId={programmeId} /> },
            {
              key: 'satisfaction',
              label: t('feedback.tabs.satisfaction'),
              children: <SatisfactionView programmeId={programmeId} />,
            },
          ]}
        />
      )}
    </>
  );
}
