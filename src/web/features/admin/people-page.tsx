import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonInput, personHooks, usePeople } from '../../api/people.js';
import { useCurrentUser } from '../../api/session.js';
import type { Id, Person } from '../../api/types.js';
import { useUnits } from '../../api/units.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { canManageDirectory } from '../../shared/policy.js';
import { AdminTablePage } from './admin-table-page.js';
import { JurisdictionFilter, JurisdictionSelect, useJurisdictionNames } from './jurisdiction-select.js';

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [jurisdictionId, setJurisdictionId] = useState<Id | null>(null);
  const list = usePeople({ jurisdictionId });
  const units = useUnits(jurisdictionId);
  const names = useJurisdictionNames();
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const remove = personHooks.useRemove();

  return (
    <AdminTablePage<Person>
      title={t('people.title')}
      createLabel={t('people.create')}
      emptyText={t('people.empty')}
      list={list}
      entityType="person"
      nameOf={(p) => p.name}
      canWrite={canManageDirectory(user)}
      onDelete={(p) => remove.mutateAsync(p.id)}
      filters={
        <JurisdictionFilter name="people-filters" label={t('people.jurisdiction')} onChange={setJurisdictionId} />
      }
      columns={[
        { title: t('people.name'), dataIndex: 'name' },
        { title: t('people.position'), dataIndex: 'title' },
        {
          title: t('people.unit'),
          dataIndex: 'unitId',
          render: (_, p) => (p.unitId === null ? t('common.none') : (unitNames.get(p.unitId) ?? p.unitId)),
        },
        {
          title: t('people.jurisdiction'),
          dataIndex: 'jurisdictionId',
          render: (_, p) => names.get(p.jurisdictionId) ?? p.jurisdictionId,
        },
      ]}
      renderForm={(person, onClose) => (
        <PersonModal person={person} defaultJurisdictionId={jurisdictionId ?? user.jurisdictionId} onClose={onClose} />
      )}
    />
  );
}

const fromPerson = (p: Person): PersonInput => ({
  jurisdictionId: p.jurisdictionId,
  name: p.name,
  title: p.title,
  unitId: p.unitId,
});

function PersonModal(props: { person: Person | null; defaultJurisdictionId: Id | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = personHooks.useCreate();
  const update = personHooks.useUpdate();
  const { person } = props;
  const [jurisdictionId, setJurisdictionId] = useState(person?.jurisdictionId ?? props.defaultJurisdictionId);
  const units = useUnits(jurisdictionId, jurisdictionId !== null);
  const toInput = (values: PersonInput): PersonInput => ({
    ...values,
    name: values.name.trim(),
    title: values.title?.trim() ?? '',
    unitId: values.unitId ?? null,
  });

  return (
    <RecordFormModal<PersonInput, Person>
      record={person}
      name="person"
      title={{ create: t('people.create'), edit: t('people.edit') }}
      fromRecord={fromPerson}
      blank={{ jurisdictionId: props.defaultJurisdictionId ?? undefined, name: '', title: '', unitId: null }}
      onClose={props.onClose}
      onCreate={(values) => create.mutateAsync(toInput(values))}
      onUpdate={(p, values, version) => update.mutateAsync({ id: p.id, version, ...toInput(values) })}
    >
      <Form.Item
        label={t('people.jurisdiction')}
        name="jurisdictionId"
        rules={[{ required: true, message: t('validation.choose', { field: t('people.jurisdiction') }) }]}
      >
        <JurisdictionSelect onChange={(value) => setJurisdictionId(value ?? null)} />
      </Form.Item>
      <Form.Item
        label={t('people.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('people.name') }) },
          { max: 50 },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('people.position')} name="title">
        <Input />
      </Form.Item>
      <Form.Item label={t('people.unit')} name="unitId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending && jurisdictionId !== null}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
    </RecordFormModal>
  );
}
