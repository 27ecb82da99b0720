import { App, Button, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Inspection,
  type InspectionInput,
  useCreateInspection,
  useDeleteInspection,
  useItemInspections,
} from '../../../api/inspections.js';
import { shanghaiToday } from '../../../api/status.js';
import type { Id } from '../../../api/types.js';
import { DeleteButton } from '../../../shared/delete-button.js';
import { FormModal } from '../../../shared/form-modal.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { LoadError } from '../../../shared/query-state.js';
import { FileLinks, FileUpload } from '../shared/file-upload.js';

const multiline = { whiteSpace: 'pre-wrap' } as const;

/** 实地督查 of the item: the records with their photos; the office records and removes them. */
export function InspectionsSection({ itemId, canSupervise }: { itemId: Id; canSupervise: boolean }) {
  const { t } = useTranslation();
  const inspections = useItemInspections(itemId);
  const remove = useDeleteInspection();
  const [recording, setRecording] = useState(false);

  return (
    <section aria-labelledby="item-inspections-title">
      <SectionTitle>
        <span id="item-inspections-title">{t('supervision.inspections.title')}</span>
      </SectionTitle>
      {canSupervise && (
        <Button style={{ marginBottom: 12 }} onClick={() => setRecording(true)}>
          {t('supervision.inspections.record')}
        </Button>
      )}
      {inspections.isError ? (
        <LoadError error={inspections.error} />
      ) : (
        <List<Inspection>
          loading={inspections.isPending}
          dataSource={inspections.data ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.inspections.empty')} />,
          }}
          renderItem={(inspection) => (
            <List.Item
              actions={
                canSupervise
                  ? [
                      <DeleteButton
                        key="delete"
                        name={t('supervision.inspections.deleteName', { date: inspection.date })}
                        onConfirm={() => remove.mutateAsync(inspection.id)}
                      />,
                    ]
                  : []
              }
            >
              <article
                style={{ width: '100%' }}
                aria-label={t('supervision.inspections.deleteName', { date: inspection.date })}
              >
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {inspection.date} · {t('supervision.inspections.inspectors')}：{inspection.inspectors}
                  </Typography.Text>
                  {inspection.findings && (
                    <div style={multiline}>
                      {t('supervision.inspections.findings')}：{inspection.findings}
                    </div>
                  )}
                  {inspection.followUp && (
                    <div style={multiline}>
                      {t('supervision.inspections.followUp')}：{inspection.followUp}
                    </div>
                  )}
                  <FileLinks files={inspection.photos} altOf={(name) => t('supervision.inspections.photo', { name })} />
                </Space>
              </article>
            </List.Item>
          )}
        />
      )}
      {recording && <InspectionModal itemId={itemId} onClose={() => setRecording(false)} />}
    </section>
  );
}

function InspectionModal({ itemId, onClose }: { itemId: Id; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateInspection();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  return (
    <FormModal<InspectionInput>
      name="inspection"
      title={t('supervision.inspections.record')}
      initialValues={{ date: shanghaiToday(), findings: '', followUp: '', attachments: [] }}
      onClose={onClose}
      onSubmit={async (values) => {
        await create.mutateAsync({ itemId, ...values, attachments: values.attachments ?? [] });
        message.success(t('supervision.inspections.recorded'));
      }}
    >
      <Form.Item
        name="date"
        label={t('supervision.inspections.date')}
        rules={[required(t('supervision.inspections.date'))]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="inspectors"
        label={t('supervision.inspections.inspectors')}
        rules={[required(t('supervision.inspections.inspectors'))]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="findings" label={t('supervision.inspections.findings')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="followUp" label={t('supervision.inspections.followUp')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="attachments" noStyle>
        <FileUpload label={t('supervision.inspections.upload')} hint={t('supervision.notices.uploadHint')} />
      </Form.Item>
    </FormModal>
  );
}
