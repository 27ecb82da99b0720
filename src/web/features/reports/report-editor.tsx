import { Alert, App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, conflictCurrent, errorMessage } from '../../api/client.js';
import {
  CLAIMED_STATUSES,
  type ClaimedStatus,
  type Report,
  type ReportFields,
  useCreateReport,
  useReportAction,
  useUpdateReport,
} from '../../api/reports.js';
import type { Id, ItemDetail } from '../../api/types.js';
import { SectionTitle } from '../../shared/page-title.js';
import { type EvidenceFile, EvidenceUpload, fromAttachment } from './evidence-upload.js';
import { ReturnReason } from './report-details.js';
import { PlanVsActual, QuarterMilestones, ReportHead } from './report-plan.js';
import { ReportShares } from './report-shares.js';

interface FormValues {
  values: Record<string, number | null | undefined>;
  percentComplete: number | null;
  claimedStatus: ClaimedStatus;
  fundsPlanned: number | null;
  fundsAllocated: number | null;
  fundsDisbursed: number | null;
  progress: string;
  problems: string;
  nextSteps: string;
}

function initialValues(report: Report | null): FormValues {
  return {
    values: Object.fromEntries((report?.values ?? []).map((v) => [String(v.indicatorId), v.value])),
    percentComplete: report?.percentComplete ?? null,
    claimedStatus: report?.claimedStatus ?? 'in_progress',
    fundsPlanned: report?.fundsPlanned ?? null,
    fundsAllocated: report?.fundsAllocated ?? null,
    fundsDisbursed: report?.fundsDisbursed ?? null,
    progress: report?.progress ?? '',
    problems: report?.problems ?? '',
    nextSteps: report?.nextSteps ?? '',
  };
}

function toFields(values: FormValues, files: readonly EvidenceFile[], item: ItemDetail): ReportFields {
  const own = new Set(item.indicators.map((i) => i.id));
  return {
    values: Object.entries(values.values ?? {})
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
      .map(([id, value]) => ({ indicatorId: Number(id), value }))
      .filter((v) => own.has(v.indicatorId)),
    percentComplete: values.percentComplete ?? null,
    claimedStatus: values.claimedStatus,
    fundsPlanned: values.fundsPlanned ?? null,
    fundsAllocated: values.fundsAllocated ?? null,
    fundsDisbursed: values.fundsDisbursed ?? null,
    progress: values.progress ?? '',
    problems: values.problems ?? '',
    nextSteps: values.nextSteps ?? '',
    attachments: files.map((f) => ({ sha256: f.sha256, fileName: f.fileName })),
  };
}

/** A report the unit can still send for review. */
const submittable = (report: Report): boolean => report.state === 'draft' || report.state === 'returned';

/**
 * The form a unit fills in for one item and period: the plan on the left of
 * each input, evidence below. A new report is created, or created and
 * submitted, in one call with the form's Idempotency-Key, so a lost answer or
 * a second click never leaves a draft behind nor makes a 409; an existing one
 * is updated and then submitted, both version-checked. A 409 (someone changed
 * it) reloads the stored report and says so.
 */
export function ReportEditor({
  item,
  period,
  unitId,
  unitName,
  dueDate,
  report,
  sendUnitId,
  onSaved,
  onConflict,
}: {
  item: ItemDetail;
  period: string;
  unitId: Id;
  unitName: string;
  dueDate: string | null;
  report: Report | null;
  /** The office names the unit it reports for; a reporter's own unit is the default. */
  sendUnitId: boolean;
  onSaved: (report: Report) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<EvidenceFile[]>(() => (report?.attachments ?? []).map(fromAttachment));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const create = useCreateReport();
  const update = useUpdateReport();
  const action = useReportAction();

  async function save(values: FormValues, submit: boolean): Promise<Report> {
    const fields = toFields(values, files, item);
    if (report) return update.mutateAsync({ id: report.id, version: report.version, ...fields });
    const created = await create.mutateAsync({
      itemId: item.id,
      period,
      ...(sendUnitId ? { unitId } : {}),
      ...fields,
      ...(submit ? { submit: true } : {}),
    });
    // A draft back from a submitting create is the replay of an earlier "save" whose answer was
    // lost (same key): bring it up to what the form holds now; run() then submits it.
    if (submit && submittable(created)) {
      return update.mutateAsync({ id: created.id, version: created.version, ...fields });
    }
    return created;
  }

  async function run(kind: 'save' | 'submit'): Promise<void> {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(kind);
    setError(null);
    try {
      const saved = await save(values, kind === 'submit');
      if (kind === 'submit') {
        const submitted = submittable(saved)
          ? await action.mutateAsync({ id: saved.id, action: 'submit', version: saved.version })
          : saved;
        message.success(t('reports.form.submitted'));
        onSaved(submitted);
      } else {
        message.success(t('reports.form.saved'));
        onSaved(saved);
      }
    } catch (caught) {
      if (conflictCurrent(caught) || (caught instanceof ApiError && caught.status === 409 && report !== null)) {
        onConflict();
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {report?.state === 'returned' && <ReturnReason reason={report.returnReason} />}
      <ReportHead item={item} period={period} unitName={unitName} dueDate={dueDate} state={report?.state ?? null} />
      <QuarterMilestones item={item} period={period} />
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Form<FormValues> form={form} name="report" layout="vertical" initialValues={initialValues(report)}>
        <section>
          <SectionTitle level={3}>{t('reports.form.indicators')}</SectionTitle>
          <PlanVsActual
            item={item}
            period={period}
            renderActual={(indicator) => (
              <Form.Item name={['values', String(indicator.id)]} noStyle>
                <InputNumber
                  aria-label={t('reports.form.actualOf', { name: indicator.name, unit: indicator.unit })}
                  data-testid={`value-${indicator.id}`}
                  style={{ width: 160 }}
                />
              </Form.Item>
            )}
          />
        </section>
        <Space wrap size="large" style={{ marginTop: 16 }}>
          <Form.Item name="percentComplete" label={t('reports.form.percentComplete')}>
            <InputNumber min={0} max={100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="claimedStatus" label={t('reports.form.claimedStatus')}>
            <Select
              style={{ width: 160 }}
              options={CLAIMED_STATUSES.map((s) => ({ value: s, label: t(`reports.claimed.${s}`) }))}
            />
          </Form.Item>
        </Space>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 16, fontWeight: 600, border: 0, marginBottom: 8 }}>
            {t('reports.form.funds')}
          </legend>
          <Space wrap size="large">
            <Form.Item name="fundsPlanned" label={t('reports.form.fundsPlanned')}>
              <InputNumber min={0} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="fundsAllocated" label={t('reports.form.fundsAllocated')}>
              <InputNumber min={0} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="fundsDisbursed"
              label={t('reports.form.fundsDisbursed')}
              dependencies={['fundsAllocated']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null | undefined) => {
                    const allocated = getFieldValue('fundsAllocated') as number | null | undefined;
                    if (typeof value === 'number' && typeof allocated === 'number' && value > allocated) {
                      throw new Error(t('reports.form.fundsDisbursedTooHigh'));
                    }
                  },
                }),
              ]}
            >
              <InputNumber min={0} style={{ width: 180 }} />
            </Form.Item>
          </Space>
        </fieldset>
        <Form.Item name="progress" label={t('reports.form.progress')} extra={t('reports.form.progressHint')}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="problems" label={t('reports.form.problems')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('reports.form.nextSteps')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <EvidenceUpload value={files} onChange={setFiles} />
      {report && <ReportShares report={report} item={item} />}
      <Space>
        <Button
          data-testid="report-save"
          onClick={() => void run('save')}
          loading={busy === 'save'}
          disabled={busy !== null}
        >
          {t('reports.form.saveDraft')}
        </Button>
        <Button
          type="primary"
          data-testid="report-submit"
          onClick={() => void run('submit')}
          loading={busy === 'submit'}
          disabled={busy !== null}
        >
          {t('reports.form.submit')}
        </Button>
      </Space>
    </Space>
  );
}
