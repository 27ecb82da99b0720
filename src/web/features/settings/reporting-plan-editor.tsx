import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictCurrent, errorMessage } from '../../api/client.js';
import {
  type AssessmentWeights,
  type Interpolation,
  type ReportingFrequency,
  type ReportingPlan,
  type ReportingPlanUpdate,
  useReportingPlan,
  useUpdateReportingPlan,
  WEIGHT_KEYS,
} from '../../api/reporting-plan.js';
import type { Id } from '../../api/types.js';
import { SectionTitle } from '../../shared/page-title.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { ReportingPeriodsTable } from './reporting-periods-table.js';

export interface PlanValues {
  frequency: ReportingFrequency;
  dueDay: number;
  interpolation: Interpolation;
  onTrackPct: number;
  laggingPct: number;
  remindDaysBefore: number;
  quietStart: string;
  quietEnd: string;
  weights: AssessmentWeights;
  lockedPeriods: string[];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 0.9 → 90, without floating-point dust (0.7 * 100 = 70.00000000000001). */
export const toPercent = (ratio: number): number => Math.round(ratio * 10_000) / 100;
const toRatio = (percent: number): number => Math.round(percent * 100) / 10_000;

export function planValues(plan: ReportingPlan): PlanValues {
  return {
    frequency: plan.frequency,
    dueDay: plan.dueDay,
    interpolation: plan.interpolation,
    onTrackPct: toPercent(plan.onTrackRatio),
    laggingPct: toPercent(plan.laggingRatio),
    remindDaysBefore: plan.remindDaysBefore,
    quietStart: plan.quietStart,
    quietEnd: plan.quietEnd,
    weights: { ...plan.assessmentWeights },
    lockedPeriods: [...plan.lockedPeriods],
  };
}

export function planUpdate(values: PlanValues, version: number): ReportingPlanUpdate {
  return {
    version,
    frequency: values.frequency,
    dueDay: values.dueDay,
    interpolation: values.interpolation,
    onTrackRatio: toRatio(values.onTrackPct),
    laggingRatio: toRatio(values.laggingPct),
    remindDaysBefore: values.remindDaysBefore,
    quietStart: values.quietStart.trim(),
    quietEnd: values.quietEnd.trim(),
    assessmentWeights: values.weights,
    lockedPeriods: values.lockedPeriods,
  };
}

export const weightsTotal = (weights: Partial<AssessmentWeights> | undefined): number =>
  Math.round(WEIGHT_KEYS.reduce((sum, key) => sum + (Number(weights?.[key]) || 0), 0) * 100) / 100;

/**
 * A programme's reporting plan: how often and by when units report, how
 * progress is judged, when reminders go out and how units are scored.
 */
export function ReportingPlanEditor({ programmeId, canWrite }: { programmeId: Id; canWrite: boolean }) {
  const { t } = useTranslation();
  const plan = useReportingPlan(programmeId);
  const [conflict, setConflict] = useState(false);

  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} />;
  return (
    <section aria-labelledby="reporting-plan-title">
      <SectionTitle>
        <span id="reporting-plan-title">{t('settings.plan.title')}</span>
      </SectionTitle>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('conflict.title')}
          description={t('conflict.notice')}
          style={{ marginBottom: 16 }}
        />
      )}
      {plan.data.version === 0 && (
        <Alert type="info" showIcon title={t('settings.plan.defaults')} style={{ marginBottom: 16 }} />
      )}
      {/* A new version (saved, or brought by a conflict) starts the form afresh from what is stored. */}
      <PlanForm key={plan.data.version} plan={plan.data} canWrite={canWrite} onConflict={setConflict} />
    </section>
  );
}

function PlanForm(props: { plan: ReportingPlan; canWrite: boolean; onConflict: (conflict: boolean) => void }) {
  const { plan, canWrite } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const update = useUpdateReportingPlan(plan.programmeId);
  const [error, setError] = useState<string | null>(null);
  const frequency = Form.useWatch('frequency', form) ?? plan.frequency;

  async function save(values: PlanValues): Promise<void> {
    setError(null);
    const total = weightsTotal(values.weights);
    if (total !== 100) {
      setError(t('settings.plan.weightsInvalid', { total }));
      return;
    }
    try {
      await update.mutateAsync(planUpdate(values, plan.version));
      props.onConflict(false);
      message.success(t('settings.plan.saved'));
    } catch (caught) {
      // The hook has put the stored plan in the cache: this form is replaced by one showing it.
      if (conflictCurrent(caught)) props.onConflict(true);
      else setError(errorMessage(caught));
    }
  }

  const number = (
    name: keyof PlanValues,
    label: string,
    min: number,
    max: number,
    help?: string,
    rangeText?: string,
  ) => (
    <Form.Item
      label={label}
      name={name}
      extra={help}
      rules={[
        { required: true, message: t('validation.required', { field: label }) },
        { type: 'number', min, max, message: rangeText ?? t('settings.plan.percentRange') },
      ]}
    >
      <InputNumber min={min} max={max} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Form<PlanValues>
      form={form}
      name={`reporting-plan-${plan.programmeId}`}
      layout="vertical"
      disabled={!canWrite}
      initialValues={planValues(plan)}
      onFinish={(values) => void save(values)}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item label={t('settings.plan.frequency')} name="frequency" rules={[{ required: true }]}>
            <Select
              options={(['monthly', 'quarterly'] as const).map((value) => ({
                value,
                label: t(`settings.plan.frequencies.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {number(
            'dueDay',
            t('settings.plan.dueDay'),
            1,
            31,
            t('settings.plan.dueDayHelp'),
            t('settings.plan.dueDayRange'),
          )}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('settings.plan.interpolation')} name="interpolation">
            <Radio.Group
              options={(['step', 'linear'] as const).map((value) => ({
                value,
                label: t(`settings.plan.interpolations.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle level={3}>{t('settings.plan.thresholds')}</SectionTitle>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          {number('onTrackPct', t('settings.plan.onTrack'), 1, 100, t('settings.plan.onTrackHelp'))}
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('settings.plan.lagging')}
            name="laggingPct"
            extra={t('settings.plan.laggingHelp')}
            dependencies={['onTrackPct']}
            rules={[
              { required: true, message: t('validation.required', { field: t('settings.plan.lagging') }) },
              { type: 'number', min: 1, max: 100, message: t('settings.plan.percentRange') },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) =>
                  value === null || value === undefined || value < Number(getFieldValue('onTrackPct'))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('settings.plan.thresholdOrder'))),
              }),
            ]}
          >
            <InputNumber min={1} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <SectionTitle level={3}>{t('settings.plan.reminders')}</SectionTitle>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          {number(
            'remindDaysBefore',
            t('settings.plan.remindDaysBefore'),
            0,
            30,
            t('settings.plan.remindDaysBeforeHelp'),
            t('validation.required', { field: t('settings.plan.remindDaysBefore') }),
          )}
        </Col>
        {(['quietStart', 'quietEnd'] as const).map((name) => (
          <Col xs={12} md={8} key={name}>
            <Form.Item
              label={t(`settings.plan.${name}`)}
              name={name}
              extra={name === 'quietEnd' ? t('settings.plan.quietHelp') : undefined}
              rules={[{ required: true, pattern: HHMM, message: t('settings.plan.timeFormat') }]}
            >
              <Input placeholder="22:00" maxLength={5} style={{ width: 120 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <SectionTitle level={3}>{t('settings.plan.weights')}</SectionTitle>
      <Row gutter={24}>
        {WEIGHT_KEYS.map((key) => (
          <Col xs={12} md={6} key={key}>
            <Form.Item
              label={t(`settings.plan.weightNames.${key}`)}
              name={['weights', key]}
              rules={[
                { required: true, message: t('validation.required', { field: t(`settings.plan.weightNames.${key}`) }) },
              ]}
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <WeightsTotal />

      <SectionTitle level={3}>{t('settings.plan.periods')}</SectionTitle>
      {frequency !== plan.frequency && (
        <Alert type="info" showIcon title={t('settings.plan.frequencyChanged')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t('settings.plan.lockHelp')}</Typography.Paragraph>
      <Form.Item name="lockedPeriods" noStyle>
        <ReportingPeriodsTable plan={plan} />
      </Form.Item>

      {canWrite && (
        <Button type="primary" htmlType="submit" loading={update.isPending} style={{ marginTop: 16 }}>
          {t('settings.plan.save')}
        </Button>
      )}
    </Form>
  );
}

/** The weights' sum as they are typed, said in words as well as colour. */
function WeightsTotal() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PlanValues>();
  const weights = Form.useWatch('weights', form);
  const total = weightsTotal(weights);
  const diff = Math.round(Math.abs(100 - total) * 100) / 100;
  const note =
    total === 100
      ? t('settings.plan.weightsOk')
      : total < 100
        ? t('settings.plan.weightsShort', { diff })
        : t('settings.plan.weightsOver', { diff });
  return (
    <Typography.Paragraph
      role="status"
      aria-live="polite"
      data-testid="weights-total"
      type={total === 100 ? 'success' : 'danger'}
      strong
    >
      {t('settings.plan.weightsTotal', { total })}
      {note}
    </Typography.Paragraph>
  );
}
