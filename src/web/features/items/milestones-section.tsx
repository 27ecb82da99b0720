import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MilestoneInput, useCreateMilestone, useDeleteMilestone, useUpdateMilestone } from '../../api/items.js';
import type { ItemDetail, Milestone } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { PERIODS, periodLabel } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';

interface MilestoneValues {
  period: string;
  text: string;
  dueDate: string;
}

const fromMilestone = (m: Milestone): MilestoneValues => ({
  period: m.period,
  text: m.text,
  dueDate: m.dueDate ?? '',
});

const toInput = (values: MilestoneValues): MilestoneInput => ({
  period: values.period,
  text: values.text?.trim() ?? '',
  dueDate: values.dueDate || null,
});

/** 阶段性目标: the planned state at the end of each period. */
export function MilestonesSection({ item, canWrite }: { item: ItemDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const remove = useDeleteMilestone();
  const rows = [...item.milestones].sort((a, b) => a.position - b.position);

  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <SectionTitle>{t('milestones.title')}</SectionTitle>
        {canWrite && <Button onClick={() => setEditing('new')}>{t('milestones.add')}</Button>}
      </Space>
      <Table<Milestone>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('milestones.empty') }}
        columns={[
          {
            title: t('milestones.period'),
            dataIndex: 'period',
            width: 100,
            render: (_, m) => periodLabel(t, m.period),
          },
          {
            title: t('milestones.text'),
            dataIndex: 'text',
            render: (_, m) => <span style={{ whiteSpace: 'pre-wrap' }}>{m.text}</span>,
          },
          {
            title: t('milestones.dueDate'),
            dataIndex: 'dueDate',
            width: 120,
            render: (_, m) => m.dueDate ?? t('common.none'),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 160,
                  render: (_: unknown, m: Milestone) => (
                    <Space size="small">
                      <Button
                        size="small"
                        aria-label={t('common.editNamed', { name: periodLabel(t, m.period) })}
                        onClick={() => setEditing(m)}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton name={periodLabel(t, m.period)} onConfirm={() => remove.mutateAsync(m.id)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <MilestoneModal
          itemId={item.id}
          milestone={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function MilestoneModal({
  itemId,
  milestone,
  onClose,
}: {
  itemId: number;
  milestone: Milestone | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMilestone();
  const update = useUpdateMilestone();
  return (
    <RecordFormModal<MilestoneValues, Milestone>
      record={milestone}
      name="milestone"
      title={{ create: t('milestones.add'), edit: t('milestones.edit') }}
      fromRecord={fromMilestone}
      blank={{ period: 'Q1', text: '', dueDate: '' }}
      onClose={onClose}
      onCreate={(values) => create.mutateAsync({ itemId, ...toInput(values) })}
      onUpdate={(m, values, version) => update.mutateAsync({ id: m.id, version, ...toInput(values) })}
    >
      <Form.Item label={t('milestones.period')} name="period" rules={[{ required: true }]}>
        <Select style={{ width: 160 }} options={PERIODS.map((p) => ({ value: p, label: periodLabel(t, p) }))} />
      </Form.Item>
      <Form.Item label={t('milestones.text')} name="text">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item label={t('milestones.dueDate')} name="dueDate">
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
    </RecordFormModal>
  );
}
