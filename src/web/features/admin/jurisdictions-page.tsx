import { Form, Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type JurisdictionInput, jurisdictionHooks, useJurisdictions } from '../../api/jurisdictions.js';
import { useCurrentUser } from '../../api/session.js';
import { JURISDICTION_LEVELS, type Jurisdiction } from '../../api/types.js';
import { RecordFormModal } from '../../shared/form-modal.js';
import { canManageJurisdictions } from '../../shared/policy.js';
import { AdminTablePage } from './admin-table-page.js';

const fromJurisdiction = (j: Jurisdiction): JurisdictionInput => ({
  name: j.name,
  level: j.level,
  parentId: j.parentId,
});

export function JurisdictionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const list = useJurisdictions();
  const remove = jurisdictionHooks.useRemove();
  const names = new Map((list.data ?? []).map((j) => [j.id, j.name]));

  return (
    <AdminTablePage<Jurisdiction>
      title={t('jurisdictions.title')}
      createLabel={t('jurisdictions.create')}
      emptyText={t('jurisdictions.empty')}
      list={list}
      entityType="jurisdiction"
      nameOf={(j) => j.name}
      canWrite={canManageJurisdictions(user)}
      onDelete={(j) => remove.mutateAsync(j.id)}
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
      ]}
      renderForm={(jurisdiction, onClose) => (
        <JurisdictionModal jurisdiction={jurisdiction} all={list.data ?? []} onClose={onClose} />
      )}
    />
  );
}

function JurisdictionModal(props: { jurisdiction: Jurisdiction | null; all: Jurisdiction[]; onClose: () => void }) {
  const { t } = useTranslation();
  const create = jurisdictionHooks.useCreate();
  const update = jurisdictionHooks.useUpdate();
  const { jurisdiction } = props;
  const toInput = (values: JurisdictionInput): JurisdictionInput => ({
    ...values,
    name: values.name.trim(),
    parentId: values.parentId ?? null,
  });

  return (
    <RecordFormModal<JurisdictionInput, Jurisdiction>
      record={jurisdiction}
      name="jurisdiction"
      title={{ create: t('jurisdictions.create'), edit: t('jurisdictions.edit') }}
      fromRecord={fromJurisdiction}
      blank={{ level: 'district', parentId: null }}
      onClose={props.onClose}
      onCreate={(values) => create.mutateAsync(toInput(values))}
      onUpdate={(j, values, version) => update.mutateAsync({ id: j.id, version, ...toInput(values) })}
    >
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
    </RecordFormModal>
  );
}
