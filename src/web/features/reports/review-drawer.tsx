import { App, Button, Drawer, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client.js';
import { type ReportAction, useReport, useReportAction } from '../../api/reports.js';
import type { Id } from '../../api/types.js';
import { periodLabel } from '../../shared/format.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { ReportDetails } from './report-details.js';
import { useReportItem } from './report-item.js';

/**
 * One report under review: everything it says, the plan beside it, the
 * evidence, and Approve / Return (with a reason). When another reviewer acted
 * first the server answers 409: say so and show the report as it is now.
 */
export function ReviewDrawer({
  reportId,
  dueDateOf,
  onClose,
}: {
  reportId: Id;
  dueDateOf: (period: string) => string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReport(reportId);
  const item = useReportItem(report.data?.itemId);
  const act = useReportAction();
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);

  async function run(action: ReportAction, reason?: string): Promise<boolean> {
    if (!report.data) return false;
    try {
      await act.mutateAsync({ id: report.data.id, action, version: report.data.version, reason });
      message.success(
        t(
          action === 'approve'
            ? 'reports.review.approved'
            : action === 'return'
              ? 'reports.review.returnedDone'
              : 'reports.review.reopened',
        ),
      );
      return true;
    } catch (error) {
      message.error(
        error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT'
          ? t('reports.review.takenByOther')
          : errorMessage(error),
      );
      await report.refetch();
      return error instanceof ApiError && error.status === 409;
    }
  }

  const data = report.data;
  const title = data
    ? t('reports.review.drawerTitle', {
        item: [data.itemNumber, data.itemName].filter(Boolean).join(' '),
        period: periodLabel(t, data.period),
        unit: data.unitName,
      })
    : t('reports.review.title');

  return (
    <Drawer
      open
      size="large"
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        data && (
          <Space>
            {data.state === 'submitted' && (
              <>
                <Button data-testid="review-return" danger onClick={() => setAsking('return')} disabled={act.isPending}>
                  {t('reports.review.return')}
                </Button>
                <Button
                  data-testid="review-approve"
                  type="primary"
                  onClick={() => void run('approve')}
                  loading={act.isPending && act.variables?.action === 'approve'}
                >
                  {t('reports.review.approve')}
                </Button>
              </>
            )}
            {data.state === 'approved' && (
              <Button onClick={() => setAsking('reopen')} disabled={act.isPending}>
                {t('reports.review.reopen')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {report.isPending || (data && item.isPending) ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} />
      ) : item.isError ? (
        <LoadError error={item.error} />
      ) : data && item.data ? (
        <ReportDetails report={data} item={item.data} dueDate={dueDateOf(data.period)} />
      ) : null}
      {asking && (
        <ReasonModal
          kind={asking}
          onCancel={() => setAsking(null)}
          onSubmit={async (reason) => {
            const done = await run(asking, reason);
            if (done) setAsking(null);
          }}
        />
      )}
    </Drawer>
  );
}

/** The reason a report goes back to its unit: required, shown to the unit as it is written. */
function ReasonModal({
  kind,
  onCancel,
  onSubmit,
}: {
  kind: 'return' | 'reopen';
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const label = kind === 'return' ? t('reports.review.reason') : t('reports.review.reopenReason');
  return (
    <Modal
      open
      title={kind === 'return' ? t('reports.review.returnTitle') : t('reports.review.reopenTitle')}
      okText={kind === 'return' ? t('reports.review.return') : t('reports.review.reopen')}
      okButtonProps={{ danger: kind === 'return' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        name={`report-${kind}`}
        layout="vertical"
        onFinish={async ({ reason }) => {
          setBusy(true);
          try {
            await onSubmit(reason.trim());
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('reports.review.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} placeholder={t('reports.review.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
