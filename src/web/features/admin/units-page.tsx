import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people.js';
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
  const people = usePeople({ jurisdictionId });
  const personNames = new Map((people.data ?? []).map((p) => [p.id, p.name]));
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
        {
          title: t('settings.admin.unitHead'),
          dataIndex: 'headPersonId',
          render: (_, u) =>
            u.headPersonId === null ? t('common.none') : (personNames.get(u.headPersonId) ?? u.headPersonId),
        },
      ]}
      renderForm={(unit, onClose) => (
        <UnitModal unit={unit} defaultJurisdictionId={jurisdictionId ?? user.jurisdictionId} onClose={onClose} />
      )}
    />
  );
}

const fromUnit = (u: Unit): UnitInput => ({
  jurisdictionId: u.jurisdictionId,
  name: u.name,
  headPersonId: u.headPersonId ?? null,
});

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
      blank={{ jurisdictionId: props.defaultJurisdictionId ?? undefined, name: '', headPersonId: null }}
      onClose={props.onClose}
      onCreate={(values) =>
        create.mutateAsync({
          jurisdictionId: values.jurisdictionId,
          name: values.name.trim(),
          headPersonId: values.headPersonId ?? null,
        })
      }
      onUpdate={(u, values, version) => {
        // The head is sent only when changed, so a rename leaves it as stored.
        const head = values.headPersonId ?? null;
        return update.mutateAsync({
          id: u.id,
          version,
          name: values.name.trim(),
          ...(head !== (u.headPersonId ?? null) ? { headPersonId: head } : {}),
        });
      }}
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
      <UnitHeadField />
    </RecordFormModal>
  );
}

/** The unit head: a person of the unit's jurisdiction (the list follows the jurisdiction chosen). */
function UnitHeadField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<UnitInput>();
  const jurisdictionId = Form.useWatch('jurisdictionId', form) ?? null;
  const people = usePeople({ jurisdictionId }, jurisdictionId !== null);
  const chosen = Form.useWatch('headPersonId', form) ?? null;
  const options = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.title ? `${p.name}（${p.title}）` : p.name,
  }));
  // A head left over from another jurisdiction is not offered: clear it rather than send it.
  useEffect(() => {
    if (chosen !== null && people.isSuccess && !options.some((o) => o.value === chosen)) {
      form.setFieldsValue({ headPersonId: null });
    }
  });

  return (
    <Form.Item label={t('settings.admin.unitHead')} name="headPersonId" extra={t('settings.admin.unitHeadHelp')}>
      <Select<Id>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={people.isPending && jurisdictionId !== null}
        disabled={jurisdictionId === null}
        options={options}
      />
    </Form.Item>
  );
}
