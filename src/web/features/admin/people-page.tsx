import { Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonInput, personHooks, usePeople } from '../../api/people.js';
import { useCurrentUser } from '../../api/session.js';
import type { Id, Person } from '../../api/types.js';
import { useUnits } from '../../api/units.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';
import { PageHeader } from '../../shared/page-header.js';
import { canManageDirectory } from '../../shared/policy.js';
import { LoadError } from '../../shared/query-state.js';
import { JurisdictionSelect, useJurisdictionNames } from './jurisdiction-select.js';

type Values = PersonInput & { version?: number };

export function PeoplePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [jurisdictionId, setJurisdictionId] = useState<Id | null>(null);
  const list = usePeople({ jurisdictionId });
  const units = useUnits(jurisdictionId);
  const names = useJurisdictionNames();
  const unitNames = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const remove = personHooks.useRemove();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const canWrite = canManageDirectory(user);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('people.create')}
            </Button>
          )
        }
      />
      <Form name="people-filters" layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('people.jurisdiction')} name="jurisdictionId">
          <JurisdictionSelect
            allowClear
            placeholder={t('common.all')}
            style={{ width: 220 }}
            onChange={(value) => setJurisdictionId(value ?? null)}
          />
        </Form.Item>
      </Form>
      {list.isError && <LoadError error={list.error} />}
      <Table<Person>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('people.empty') }}
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
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Person) => (
                    <Space size="small">
                      <Button
                        size="small"
                        aria-label={t('common.editNamed', { name: p.name })}
                        onClick={() => setEditing(p)}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton name={p.name} onConfirm={() => remove.mutateAsync(p.id)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <PersonModal
          person={editing === 'new' ? null : editing}
          defaultJurisdictionId={jurisdictionId ?? user.jurisdictionId}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

const fromPerson = (p: Person): Values => ({
  version: p.version,
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

  return (
    <FormModal<Values, Person>
      name={person ? 'person-edit' : 'person-create'}
      title={person ? t('people.edit') : t('people.create')}
      initialValues={
        person
          ? fromPerson(person)
          : { jurisdictionId: props.defaultJurisdictionId ?? undefined, name: '', title: '', unitId: null }
      }
      fromCurrent={fromPerson}
      onClose={props.onClose}
      onSubmit={({ version, ...values }) => {
        const input = {
          ...values,
          name: values.name.trim(),
          title: values.title?.trim() ?? '',
          unitId: values.unitId ?? null,
        };
        return person
          ? update.mutateAsync({ id: person.id, version: version ?? person.version, ...input })
          : create.mutateAsync(input);
      }}
    >
      {person && <HiddenVersion />}
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
    </FormModal>
  );
}
