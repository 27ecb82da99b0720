import { App, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type ImportOverrides, usePreviewImport, usePreviewReimport, useReimport } from '../../api/imports.js';
import type { ImportPreview, ProgrammeDocument, ReimportDiff } from '../../api/interchange.js';
import { useImportProgramme, useProgrammes } from '../../api/programmes.js';
import type { Id } from '../../api/types.js';
import { PageHeader } from '../../shared/page-header.js';
import { removeItem, replaceItem, warningsAfterRemoval } from './document-edit.js';
import { ImportError } from './import-error.js';
import { type PreviewState, PreviewStep } from './preview-step.js';
import { importErrorMessage } from './read-source.js';
import { ReimportDiffModal } from './reimport-diff-modal.js';
import { type SourceDraft, SourceStep } from './source-step.js';

const blankDraft = (programmeId: Id | null): SourceDraft => ({
  kind: 'file',
  file: null,
  text: '',
  year: null,
  jurisdiction: '',
  title: '',
  mode: programmeId === null ? 'new' : 'revise',
  programmeId,
});

function overridesOf(draft: SourceDraft): ImportOverrides {
  return {
    ...(draft.year ? { year: draft.year } : {}),
    ...(draft.jurisdiction.trim() ? { jurisdiction: draft.jurisdiction.trim() } : {}),
    ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
  };
}

interface Revision {
  id: Id;
  document: ProgrammeDocument;
  diff: ReimportDiff;
}

/**
 * Import a published list: read a file or pasted text into a preview, check
 * and correct it, then commit it as a new draft programme or as a revision
 * of one (after seeing what the revision changes). `?programme=ID` starts a revision.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState(() => blankDraft(Number(params.get('programme')) || null));
  const [stage, setStage] = useState<'source' | 'preview'>('source');
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revision, setRevision] = useState<Revision | null>(null);
  const [revisionError, setRevisionError] = useState<unknown>(null);
  const readList = usePreviewImport();
  const importProgramme = useImportProgramme();
  const previewReimport = usePreviewReimport();
  const reimport = useReimport();
  const programmes = useProgrammes();
  const revising =
    draft.mode === 'revise' ? (programmes.data?.find((p) => p.id === draft.programmeId)?.title ?? '') : null;

  function show(result: ImportPreview): void {
    const { warnings: inDocument, ...document } = result.document;
    setPreview({ document, layout: result.layout, warnings: result.warnings ?? inDocument ?? [] });
    // The first step shows what the list said about itself, should the person go back to it.
    setDraft((d) => ({
      ...d,
      year: document.year || d.year,
      jurisdiction: document.jurisdiction || d.jurisdiction,
      title: document.title || d.title,
    }));
    setStage('preview');
  }

  async function read(next: SourceDraft): Promise<void> {
    setError(null);
    const overrides = overridesOf(next);
    const file = next.kind === 'file' ? next.file : null;
    if (file?.kind === 'interchange') {
      // A Minxin JSON file is already a programme: it needs no reading on the server, only checking here.
      show({
        document: { ...file.document, ...overrides },
        layout: 'interchange',
        warnings: file.document.warnings ?? [],
      });
      return;
    }
    const source = file ? { fileName: file.fileName, contentBase64: file.contentBase64 } : { text: next.text };
    try {
      show(await readList.mutateAsync({ ...source, ...overrides }));
    } catch (caught) {
      setError(caught);
    }
  }

  async function commit(): Promise<void> {
    if (!preview) return;
    setError(null);
    const document: ProgrammeDocument = { ...preview.document, warnings: preview.warnings };
    try {
      if (draft.mode === 'revise' && draft.programmeId !== null) {
        const diff = await previewReimport.mutateAsync({ id: draft.programmeId, document });
        setRevisionError(null);
        setRevision({ id: draft.programmeId, document, diff });
        return;
      }
      const result = await importProgramme.mutateAsync(document);
      message.success(t('import.done.created', { count: result.itemCount }));
      navigate(`/programmes/${result.id}`);
    } catch (caught) {
      setError(caught);
    }
  }

  async function applyRevision(current: Revision): Promise<void> {
    setRevisionError(null);
    try {
      await reimport.mutateAsync({ id: current.id, document: current.document });
      message.success(t('import.done.revised'));
      navigate(`/programmes/${current.id}`);
    } catch (caught) {
      setRevisionError(caught);
    }
  }

  const step = revision ? 2 : stage === 'preview' ? 1 : 0;

  return (
    <>
      <Link to="/programmes">{t('programmes.backToList')}</Link>
      <PageHeader title={t('import.title')} />
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.steps.source') },
          { title: t('import.steps.preview') },
          { title: t('import.steps.commit') },
        ]}
      />
      <ImportError error={error} />

      {stage === 'source' || !preview ? (
        <SourceStep
          draft={draft}
          pending={readList.isPending}
          onChange={setDraft}
          onError={setError}
          onSubmit={(next) => void read(next)}
          onBackToPreview={preview ? () => setStage('preview') : undefined}
        />
      ) : (
        <PreviewStep
          preview={preview}
          revising={revising}
          pending={importProgramme.isPending || previewReimport.isPending}
          onChange={(document) => setPreview((p) => p && { ...p, document })}
          onReplace={(address, item) =>
            setPreview((p) => p && { ...p, document: replaceItem(p.document, address, item) })
          }
          onRemove={(address) => {
            setPreview(
              (p) =>
                p && {
                  ...p,
                  document: removeItem(p.document, address),
                  warnings: warningsAfterRemoval(p.warnings, address),
                },
            );
            message.info(t('import.preview.removed'));
          }}
          onBack={() => {
            setError(null);
            setStage('source');
          }}
          onCommit={() => void commit()}
        />
      )}

      {revision && (
        <ReimportDiffModal
          diff={revision.diff}
          pending={reimport.isPending}
          error={revisionError ? importErrorMessage(revisionError) : null}
          onConfirm={() => void applyRevision(revision)}
          onClose={() => setRevision(null)}
        />
      )}
    </>
  );
}
