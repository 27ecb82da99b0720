import { Alert, Modal, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemPath, ReimportDiff } from '../../api/interchange.js';
import { chineseNumeral } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';

const DIFF_FIELDS = [
  'number',
  'name',
  'description',
  'target',
  'leadUnit',
  'coUnits',
  'persons',
  'leaders',
  'deadline',
  'milestones',
  'indicators',
  'title',
  'year',
  'parent',
  'jurisdiction',
] as const;
type DiffField = (typeof DIFF_FIELDS)[number];

const isDiffField = (field: string): field is DiffField => (DIFF_FIELDS as readonly string[]).includes(field);

/** A field name the server reports, in the person's language; one we do not know is shown as it came. */
export const fieldName = (t: TFunction, field: string): string =>
  isDiffField(field) ? t(`import.diff.fields.${field}`) : field;

function categoryOf(t: TFunction, category: string): string {
  if (/^\d+$/.test(category)) return t('import.diff.category', { ordinal: chineseNumeral(Number(category)) });
  return category || t('import.diff.noCategory');
}

function PathLabel({ path }: { path: ItemPath }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag>{categoryOf(t, path.category)}</Tag>
      {[...path.numbers, path.name].filter(Boolean).join(' ')}
    </>
  );
}

const samePath = (a: ItemPath, b: ItemPath) =>
  a.category === b.category && a.name === b.name && a.numbers.join('/') === b.numbers.join('/');

function Group({ title, children }: { title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <section>
      <SectionTitle level={3}>{title}</SectionTitle>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>{children}</ul>
    </section>
  );
}

/** What a revised list changes, with the confirmation that applies it. */
export function ReimportDiffModal({
  diff,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  diff: ReimportDiff;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pathKey = (path: ItemPath) => `${path.category}|${path.numbers.join('/')}|${path.name}`;
  const nothing = diff.added.length + diff.removed.length + diff.changed.length + diff.programmeFields.length === 0;
  const fields = (list: readonly string[]) => list.map((field) => fieldName(t, field)).join(t('import.diff.separator'));

  return (
    <Modal
      open
      width={760}
      title={t('import.diff.title')}
      okText={t('import.diff.apply')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: nothing }}
      confirmLoading={pending}
      onOk={onConfirm}
      onCancel={onClose}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <Space wrap>
          <Tag color="green">{t('import.diff.added', { count: diff.added.length })}</Tag>
          <Tag color="red">{t('import.diff.removed', { count: diff.removed.length })}</Tag>
          <Tag color="gold">{t('import.diff.changed', { count: diff.changed.length })}</Tag>
          <Tag>{t('import.diff.unchanged', { count: diff.unchanged })}</Tag>
        </Space>
        {nothing && <Alert type="info" title={t('import.diff.nothing')} />}
        {diff.programmeFields.length > 0 && (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('import.diff.programmeFields', { fields: fields(diff.programmeFields) })}
          </Typography.Paragraph>
        )}
        <Group title={t('import.diff.added', { count: diff.added.length })}>
          {diff.added.map((path) => (
            <li key={pathKey(path)}>
              <PathLabel path={path} />
            </li>
          ))}
        </Group>
        <Group title={t('import.diff.removed', { count: diff.removed.length })}>
          {diff.removed.map((path) => (
            <li key={pathKey(path)}>
              <PathLabel path={path} />
            </li>
          ))}
        </Group>
        <Group title={t('import.diff.changed', { count: diff.changed.length })}>
          {diff.changed.map((change) => (
            <li key={pathKey(change.before)}>
              <PathLabel path={change.before} />
              {!samePath(change.before, change.after) && (
                <>
                  {' → '}
                  <PathLabel path={change.after} />
                </>
              )}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('import.diff.fieldsChanged', { fields: fields(change.fields) })}
              </Typography.Text>
            </li>
          ))}
        </Group>
        {!nothing && <Typography.Text type="secondary">{t('import.diff.keepNote')}</Typography.Text>}
      </Space>
    </Modal>
  );
}
