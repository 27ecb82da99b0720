import { Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IndicatorInput, useCreateIndicator, useDeleteIndicator, useUpdateIndicator } from '../../api/items.js';
import { type Direction, type Indicator, type ItemDetail, QUARTERS, type Quarter } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { periodLabel } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';

interface IndicatorValues {
  name: string;
  unit: string;
  target: number | null;
  direction: Direction;
  checkpoints: Partial<Record<Quarter, number | null>>;
}

const fromIndicator = (i: Indicator): IndicatorValues => ({
  name: i.name,
  unit: i.unit,
  target: i.target,
  direction: i.direction,
  checkpoints: Object.fromEntries(QUARTERS.map((q) => [q, i.checkpoints[q] ?? null])),
});

/** Quarterly checkpoints from the form; monthly ones the form does not show are kept. */
function toInput(values: IndicatorValues, existing: Indicator | null): IndicatorInput {
  const checkpoints: Record<string, number> = {};
  for (const [period, value] of Object.entries(existing?.checkpoints ?? {})) {
    if (!QUARTERS.includes(period as Quarter) && typeof value === 'number') checkpoints[period] = value;
  }
  for (const quarter of QUARTERS) {
    const value = values.checkpoints?.[quarter];
    if (typeof value === 'number') checkpoints[quarter] = value;
  }
  return {
    name: values.name.trim(),
    unit: values.unit?.trim() ?? '',
    target: values.target ?? null,
    direction: values.direction,
    checkpoints,
  };
}

/** 量化指标: numbers to reach, with cumulative quarterly checkpoints. */
export function IndicatorsSection({ item, canWrite }: { item: ItemDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Indicator | 'new' | null>(null);
  const remove = useDeleteIndicator();
  const rows = [...item.indicators].sort((a, b) => a.position - b.position);
  const number = (value: number | null | undefined) =>
    value === null || value === undefined ? t('common.none') : value;

  return (
    <section>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <SectionTitle>{t('indicators.title')}</SectionTitle>
        {canWrite && <Button onClick={() => setEditing('new')}>{t('indicators.add')}</Button>}
      </Space>
      <Table<Indicator>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: t('indicators.empty') }}
        columns={[
          { title: t('indicators.name'), dataIndex: 'name' },
          { title: t('indicators.unit'), dataIndex: 'unit', width: 90 },
          { title: t('indicators.target'), dataIndex: 'target', align: 'right', render: (_, i) => number(i.target) },
          {
            title: t('indicators.direction'),
            dataIndex: 'direction',
            render: (_, i) => t(`indicators.directions.${i.direction}`),
          },
          ...QUARTERS.map((quarter) => ({
            title: periodLabel(t, quarter),
            key: quarter,
            align: 'right' as const,
            render: (_: unknown, i: Indicator) => number(i.checkpoints[quarter]),
          })),
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, i: Indicator) => (
                    <Space size="small">
                      <Button
                        size="small"
                        aria-label={t('common.editNamed', { name: i.name })}
                        onClick={() => setEditing(i)}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton name={i.name} onConfirm={() => remove.mutateAsync(i.id)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <IndicatorModal
          itemId={item.id}
          indicator={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function IndicatorModal({
  itemId,
  indicator,
  onClose,
}: {
  itemId: number;
  indicator: Indicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  return (
    <RecordFormModal<IndicatorValues, Indicator>
      record={indicator}
      name="indicator"
      title={{ create: t('indicators.add'), edit: t('indicators.edit') }}
      fromRecord={fromIndicator}
      blank={{ name: '', unit: '', target: null, direction: 'increase', checkpoints: {} }}
      onClose={onClose}
      onCreate={(values) => create.mutateAsync({ itemId, ...toInput(values, null) })}
      onUpdate={(i, values, version) => update.mutateAsync({ id: i.id, version, ...toInput(values, i) })}
    >
      <Form.Item
        label={t('indicators.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('indicators.name') }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item label={t('indicators.unit')} name="unit" rules={[{ max: 20 }]}>
          <Input style={{ width: 120 }} placeholder={t('indicators.unitPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('indicators.target')} name="target">
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('indicators.direction')} name="direction">
          <Select
            style={{ width: 120 }}
            options={(['increase', 'decrease'] as const).map((d) => ({
              value: d,
              label: t(`indicators.directions.${d}`),
            }))}
          />
        </Form.Item>
      </Space>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('indicators.checkpoints')}</legend>
        <Space wrap>
          {QUARTERS.map((quarter) => (
            <Form.Item key={quarter} label={periodLabel(t, quarter)} name={['checkpoints', quarter]}>
              <InputNumber style={{ width: 110 }} />
            </Form.Item>
          ))}
        </Space>
      </fieldset>
    </RecordFormModal>
  );
}
