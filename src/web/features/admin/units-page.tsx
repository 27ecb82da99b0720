import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.js';
import type { Id, Unit } from '../../api/types.js';
import { type UnitInput, unitHooks, useUnits } from '../../api/units.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { canManageDirectory } from '../../shared/policy.js';
import { AdminTablePage } from './admin-table-page.js';
import { JurisdictionFilter, JurisdictionSelect, useJurisdictionNames } from './jurisdiction-select.js';

export function UnitsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [jurisdictionId, setJurisdictionId] = useState<Id | null>(null);
  const list = useUnits(jurisdictionId);
  const names = useJurisdictionNames();
  const remove = unitHooks.useRemove();

  return (
    <AdminTablePage<Unit>
      title={t('units.title')}
      createLabel={t('units.create')}
      emptyText={t('units.empty')}
      list={list}
      entityType="unit"
      nameOf={(u) => u.name}
      canWrite={canManageDirectory(user)}
      onDelete={(u) => remove.mutateAsync(u.id)}
      filters={<JurisdictionFilter name="unit-filters" label={t('units.jurisdiction')} onChange={setJurisdictionId} />}
      columns={[
        { title: t('units.name'), dataIndex: 'name' },
        {
          title: t('units.jurisdiction'),
          dataIndex: 'jurisdictionId',
          render: (_, u) => names.get(u.jurisdictionId) ?? u.jurisdictionId,
        },
      ]}
      renderForm={(unit, onClose) => (
        <UnitModal unit={unit} defaultJurisdictionId={jurisdictionId ?? user.jurisdictionId} onClose={onClose} />
      )}
    />
  );
}

const fromUnit = (u: Unit): UnitInput => ({ jurisdictionId: u.jurisdictionId, name: u.name });

function UnitModal(props: { unit: Unit | null; defaultJurisdictionId: Id | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = unitHooks.useCreate();
  const update = unitHooks.useUpdate();
  const { unit } = props;

  return (
    <RecordFormModal<UnitInput, Unit>
      record={unit}
      name="unit"
      title={{ create: t('units.create'), edit: t('units.edit') }}
      fromRecord={fromUnit}
      blank={{ jurisdictionId: props.defaultJurisdictionId ?? undefined, name: '' }}
      onClose={props.onClose}
      onCreate={(values) => create.mutateAsync({ jurisdictionId: values.jurisdictionId, name: values.name.trim() })}
      onUpdate={(u, values, version) => update.mutateAsync({ id: u.id, version, name: values.name.trim() })}
    >
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
    </RecordFormModal>
  );
}
