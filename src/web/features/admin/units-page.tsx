import { Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.js';
import type { Id, Unit } from '../../api/types.js';
import { type UnitInput, unitHooks, useUnits } from '../../api/units.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';
import { PageHeader } from '../../shared/page-header.js';
import { canManageDirectory } from '../../shared/policy.js';
import { LoadError } from '../../shared/query-state.js';
import { JurisdictionSelect, useJurisdictionNames } from './jurisdiction-select.js';

type Values = UnitInput & { version?: number };

export function UnitsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [jurisdictionId, setJurisdictionId] = useState<Id | null>(null);
  const list = useUnits(jurisdictionId);
  const names = useJurisdictionNames();
  const remove = unitHooks.useRemove();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const canWrite = canManageDirectory(user);

  return (
    <>
      <PageHeader
        title={t('units.title')}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('units.create')}
            </Button>
          )
        }
      />
      <Form name="unit-filters" layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('units.jurisdiction')} name="jurisdictionId">
          <JurisdictionSelect
            allowClear
            placeholder={t('common.all')}
            style={{ width: 220 }}
            onChange={(value) => setJurisdictionId(value ?? null)}
          />
        </Form.Item>
      </Form>
      {list.isError && <LoadError error={list.error} />}
      <Table<Unit>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('units.empty') }}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          {
            title: t('units.jurisdiction'),
            dataIndex: 'jurisdictionId',
            render: (_, u) => names.get(u.jurisdictionId) ?? u.jurisdictionId,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, u: Unit) => (
                    <Space size="small">
                      <Button
                        size="small"
                        aria-label={t('common.editNamed', { name: u.name })}
                        onClick={() => setEditing(u)}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton name={u.name} onConfirm={() => remove.mutateAsync(u.id)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <UnitModal
          unit={editing === 'new' ? null : editing}
          defaultJurisdictionId={jurisdictionId ?? user.jurisdictionId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

const fromUnit = (u: Unit): Values => ({ version: u.version, jurisdictionId: u.jurisdictionId, name: u.name });

function UnitModal(props: { unit: Unit | null; defaultJurisdictionId: Id | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = unitHooks.useCreate();
  const update = unitHooks.useUpdate();
  const { unit } = props;

  return (
    <FormModal<Values, Unit>
      name={unit ? 'unit-edit' : 'unit-create'}
      title={unit ? t('units.edit') : t('units.create')}
      initialValues={unit ? fromUnit(unit) : { jurisdictionId: props.defaultJurisdictionId ?? undefined, name: '' }}
      fromCurrent={fromUnit}
      onClose={props.onClose}
      onSubmit={(values) =>
        unit
          ? update.mutateAsync({ id: unit.id, version: values.version ?? unit.version, name: values.name.trim() })
          : create.mutateAsync({ jurisdictionId: values.jurisdictionId, name: values.name.trim() })
      }
    >
      {unit && <HiddenVersion />}
      <Form.Item
        label={t('units.jurisdiction')}
        name="jurisdictionId"
        rules={[{ required: true, message: t('validation.choose', { field: t('units.jurisdiction') }) }]}
      >
        <JurisdictionSelect disabled={unit !== null} />
      </Form.Item>
      <Form.Item
        label={t('units.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('units.name') }) },
          { max: 100 },
        ]}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}
