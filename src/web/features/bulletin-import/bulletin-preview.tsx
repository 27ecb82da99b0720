import { Collapse, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulletinMatch, BulletinPreview } from '../../api/bulletin-import.js';
import type { ReportingPeriod } from '../../api/reporting-plan.js';
import type { Id } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';

/** What the bulletin was read as, the matches to tick, and the paragraphs left out with their reasons. */
export function BulletinPreviewView({
  preview,
  periods,
  period,
  onPeriod,
  selected,
  onSelect,
}: {
  preview: BulletinPreview;
  periods: readonly ReportingPeriod[];
  period: string | null;
  onPeriod: (period: string) => void;
  selected: ReadonlySet<Id>;
  onSelect: (ids: Id[]) => void;
}) {
  const { t } = useTranslation();
  const cutoff = preview.cutoff;
  const cutoffText = cutoff
    ? `${cutoff.year ? `${cutoff.year}年` : ''}${cutoff.month}月${cutoff.day ? `${cutoff.day}日` : '底'}`
    : t('bulletinImport.summary.noCutoff');

  return (
    <>
      {preview.title && <Typography.Title level={4}>{preview.title}</Typography.Title>}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'script',
            label: t('bulletinImport.summary.script'),
            children: t(`bulletinImport.summary.${preview.script}`),
          },
          {
            key: 'genre',
            label: t('bulletinImport.summary.genre'),
            children: t(`bulletinImport.summary.${preview.genre}`),
          },
          { key: 'cutoff', label: t('bulletinImport.summary.cutoff'), children: cutoffText },
          {
            key: 'period',
            label: t('bulletinImport.summary.period'),
            children: (
              <Select<string>
                aria-label={t('bulletinImport.summary.period')}
                style={{ minWidth: 140 }}
                placeholder={t('bulletinImport.summary.choosePeriod')}
                value={period ?? undefined}
                onChange={onPeriod}
                options={periods.map((p) => ({
                  value: p.period,
                  disabled: p.locked || !p.open,
                  label: `${periodLabel(t, p.period)}${
                    p.locked
                      ? t('bulletinImport.summary.periodLocked')
                      : p.open
                        ? ''
                        : t('bulletinImport.summary.periodNotOpen')
                  }`,
                }))}
              />
            ),
          },
        ]}
      />

      <Typography.Title level={5}>
        {t('bulletinImport.matches.title', { count: preview.matches.length })}
      </Typography.Title>
      <Table<BulletinMatch>
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={preview.matches}
        locale={{ emptyText: t('bulletinImport.matches.empty') }}
        rowSelection={{
          selectedRowKeys: [...selected],
          onChange: (keys) => onSelect(keys.map(Number)),
          getTitleCheckboxProps: () => ({ 'aria-label': t('common.all') }),
          getCheckboxProps: (m) => ({ 'aria-label': t('bulletinImport.matches.select', { name: m.itemName }) }),
        }}
        columns={[
          {
            key: 'paragraph',
            title: t('bulletinImport.matches.paragraph'),
            render: (_, m) => (
              <>
                <Typography.Text type="secondary">
                  {t('bulletinImport.matches.position', { n: m.paragraph.position + 1 })}
                  {m.paragraph.category ? ` · ${m.paragraph.category}` : ''}
                </Typography.Text>
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>
                  {m.paragraph.text}
                </Typography.Paragraph>
              </>
            ),
          },
          {
            key: 'item',
            title: t('bulletinImport.matches.item'),
            width: 200,
            render: (_, m) => (
              <Space orientation="vertical" size={2}>
                <span>{`${m.itemNumber ? `${m.itemNumber} ` : ''}${m.itemName}`}</span>
                {m.claimedDone && <Tag color="green">{t('bulletinImport.matches.done')}</Tag>}
                {m.existingReportId !== null && <Tag color="orange">{t('bulletinImport.matches.existing')}</Tag>}
              </Space>
            ),
          },
          { key: 'lead', title: t('bulletinImport.matches.leadUnit'), dataIndex: 'leadUnitName', width: 120 },
          { key: 'evidence', title: t('bulletinImport.matches.evidence'), dataIndex: 'evidence', width: 200 },
          {
            key: 'values',
            title: t('bulletinImport.matches.values'),
            width: 180,
            render: (_, m) =>
              m.values.length === 0 ? (
                <Typography.Text type="secondary">{t('bulletinImport.matches.noValues')}</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {m.values.map((v) => (
                    <li key={v.indicatorId} title={v.text}>
                      {t('bulletinImport.matches.value', { name: v.indicatorName, value: v.value, unit: v.unit })}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('bulletinImport.unmatched.title', { count: preview.unmatched.length })}
      </Typography.Title>
      {preview.unmatched.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('bulletinImport.unmatched.empty')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('bulletinImport.unmatched.intro')}</Typography.Paragraph>
          <ol data-testid="unmatched" style={{ paddingInlineStart: 20 }}>
            {preview.unmatched.map((u) => (
              <li key={`${u.paragraph.position}-${u.kind}`} style={{ marginBottom: 12 }}>
                <Space wrap size={4}>
                  <Typography.Text type="secondary">
                    {t('bulletinImport.matches.position', { n: u.paragraph.position + 1 })}
                    {u.paragraph.category ? ` · ${u.paragraph.category}` : ''}
                  </Typography.Text>
                  <Tag>{t(`bulletinImport.unmatched.kinds.${u.kind}`)}</Tag>
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
                  {u.paragraph.text}
                </Typography.Paragraph>
                <Typography.Text type="warning">{u.reason}</Typography.Text>
              </li>
            ))}
          </ol>
        </>
      )}

      {preview.dropped.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'dropped',
              label: t('bulletinImport.dropped', { count: preview.dropped.length }),
              children: (
                <ul style={{ margin: 0 }}>
                  {preview.dropped.map((line, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: dropped lines may repeat; their order is their identity
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
