import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JurisdictionInput, jurisdictionHooks, useJurisdictions } from '../../api/jurisdictions.js';
import { useCurrentUser } from '../../api/session.js';
import { JURISDICTION_LEVELS, type Jurisdiction } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';
import { PageHeader } from '../../shared/page-header.js';
import { canManageJurisdictions } from '../../shared/policy.js';
import { LoadError } from '../../shared/query-state.js';

type Values = JurisdictionInput & { version?: number };

const fromJurisdiction = (j: Jurisdiction): Values => ({
  version: j.version,
  name: j.name,
  level: j.level,
  parentId: j.parentId,
});

export function JurisdictionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useJurisdictions();
  const remove = jurisdictionHooks.useRemove();
  const [editing, setEditing] = useState<Jurisdiction | 'new' | null>(null);
  const canWrite = canManageJurisdictions(user);
  const names = new Map((list.data ?? []).map((j) => [j.id, j.name]));

  return (
    <>
      <PageHeader
        title={t('jurisdictions.title')}
        actions={
          canWrite && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('jurisdictions.create')}
            </Button>
          )
        }
      />
      {list.isError && <LoadError error={list.error} />}
      <Table<Jurisdiction>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('jurisdictions.empty') }}
        columns={[
          { title: t('jurisdictions.name'), dataIndex: 'name' },
          {
            title: t('jurisdictions.level'),
            dataIndex: 'level',
            render: (_, j) => <Tag>{t(`levels.${j.level}`)}</Tag>,
          },
          {
            title: t('jurisdictions.parent'),
            dataIndex: 'parentId',
            render: (_, j) => (j.parentId === null ? t('common.none') : (names.get(j.parentId) ?? j.parentId)),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, j: Jurisdiction) => (
                    <Space size="small">
                      <Button
                        size="small"
                        aria-label={t('common.editNamed', { name: j.name })}
                        onClick={() => setEditing(j)}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton name={j.name} onConfirm={() => remove.mutateAsync(j.id)} />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <JurisdictionModal
          jurisdiction={editing === 'new' ? null : editing}
          all={list.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function JurisdictionModal(props: { jurisdiction: Jurisdiction | null; all: Jurisdiction[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = jurisdictionHooks.useCreate();
  const update = jurisdictionHooks.useUpdate();
  const { jurisdiction } = props;

  return (
    <FormModal<Values, Jurisdiction>
      name={jurisdiction ? 'jurisdiction-edit' : 'jurisdiction-create'}
      title={jurisdiction ? t('jurisdictions.edit') : t('jurisdictions.create')}
      initialValues={jurisdiction ? fromJurisdiction(jurisdiction) : { level: 'district', parentId: null }}
      fromCurrent={fromJurisdiction}
      onClose={props.onClose}
      onSubmit={({ version, ...values }) => {
        const input = { ...values, name: values.name.trim(), parentId: values.parentId ?? null };
        return jurisdiction
          ? update.mutateAsync({ id: jurisdiction.id, version: version ?? jurisdiction.version, ...input })
          : create.mutateAsync(input);
      }}
    >
      {jurisdiction && <HiddenVersion />}
      <Form.Item
        label={t('jurisdictions.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('jurisdictions.name') }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('jurisdictions.level')} name="level" rules={[{ required: true }]}>
        <Select options={JURISDICTION_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))} />
      </Form.Item>
      <Form.Item label={t('jurisdictions.parent')} name="parentId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={props.all.filter((j) => j.id !== jurisdiction?.id).map((j) => ({ value: j.id, label: j.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
