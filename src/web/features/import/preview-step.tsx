import { Alert, Button, Descriptions, Form, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportLayout, ImportWarning, InterchangeItem, ProgrammeDocument } from '../../api/interchange.js';
import { SectionTitle } from '../../shared/page-title.js';
import { countItems, type ItemAddress, itemAt, namesIn, placeWarnings } from './document-edit.js';
import { ItemEditor } from './item-editor.js';
import { PreviewTree } from './preview-tree.js';
import { ProgrammeFields, type ProgrammeValues } from './programme-fields.js';
import { WarningList } from './warning-list.js';

export interface PreviewState {
  document: ProgrammeDocument;
  layout: ImportLayout;
  warnings: ImportWarning[];
}

/** Step 2: what was read, the warnings beside the rows they concern, and editing before the commit. */
export function PreviewStep({
  preview,
  revising,
  pending,
  onChange,
  onReplace,
  onRemove,
  onBack,
  onCommit,
}: {
  preview: PreviewState;
  /** The title of the programme a revision will update ('' while unknown), or null for a new programme. */
  revising: string | null;
  pending: boolean;
  onChange: (document: ProgrammeDocument) => void;
  onReplace: (address: ItemAddress, item: InterchangeItem) => void;
  onRemove: (address: ItemAddress) => void;
  onBack: () => void;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProgrammeValues>();
  const [editing, setEditing] = useState<ItemAddress | null>(null);
  const { document, layout, warnings } = preview;
  const placed = useMemo(() => placeWarnings(document, warnings), [document, warnings]);
  const names = useMemo(() => namesIn(document), [document]);
  const itemCount = document.categories.reduce((sum, category) => sum + countItems(category.items), 0);
  const editedItem = editing ? itemAt(document, editing) : undefined;

  async function commit(): Promise<void> {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    onCommit();
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'layout',
            label: t('import.preview.layout'),
            children: <Tag color="blue">{t(`import.preview.layouts.${layout}`)}</Tag>,
          },
          {
            key: 'count',
            label: t('import.preview.tree'),
            children: t('import.preview.summary', { categories: document.categories.length, items: itemCount }),
          },
          {
            key: 'warnings',
            label: t('import.preview.warnings'),
            children:
              warnings.length > 0 ? (
                <Tag color="warning">{t('import.preview.warningCount', { count: warnings.length })}</Tag>
              ) : (
                t('import.preview.noWarnings')
              ),
          },
        ]}
      />

      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.preview.warningsHint')}
          description={
            placed.general.length > 0 && (
              <section aria-label={t('import.preview.generalWarnings')}>
                <strong>{t('import.preview.generalWarnings')}</strong>
                <WarningList warnings={placed.general} />
              </section>
            )
          }
        />
      )}

      <section>
        <SectionTitle>{t('import.preview.programme')}</SectionTitle>
        {revising && <Alert type="info" title={t('import.preview.revising', { title: revising })} />}
        <ProgrammeFields form={form} document={document} onChange={onChange} />
      </section>

      <section>
        <SectionTitle>{t('import.preview.tree')}</SectionTitle>
        <PreviewTree document={document} warningsByPath={placed.byPath} onEdit={setEditing} onRemove={onRemove} />
      </section>

      <Space>
        <Button onClick={onBack}>{t('import.preview.back')}</Button>
        <Button type="primary" loading={pending} disabled={itemCount === 0} onClick={() => void commit()}>
          {revising === null ? t('import.preview.commitNew') : t('import.preview.commitRevise')}
        </Button>
      </Space>

      {editing && editedItem && (
        <ItemEditor
          item={editedItem}
          units={names.units}
          people={names.people}
          onClose={() => setEditing(null)}
          onApply={(item) => {
            onReplace(editing, item);
            setEditing(null);
          }}
        />
      )}
    </Space>
  );
}
