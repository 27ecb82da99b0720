import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '../../api/jurisdictions.js';
import { type ProgrammeInput, useCreateProgramme, useProgrammes, useUpdateProgramme } from '../../api/programmes.js';
import { PROGRAMME_STATES, type Programme, type ProgrammeState } from '../../api/types.js';
import { FormModal, HiddenVersion } from '../../shared/form-modal.js';

const THIS_YEAR = new Date().getFullYear();

/** Creates a programme: jurisdiction, year, title and optionally the city programme it carries out. */
export function CreateProgrammeModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (p: Programme) => void;
}) {
  const { t } = useTranslation();
  const jurisdictions = useJurisdictions();
  const programmes = useProgrammes();
  const create = useCreateProgramme();

  return (
    <FormModal<ProgrammeInput>
      name="programme-create"
      title={t('programmes.create')}
      okText={t('common.create')}
      initialValues={{ year: THIS_YEAR, parentId: null }}
      onClose={onClose}
      onSubmit={async (values) => onCreated(await create.mutateAsync(values))}
    >
      <Form.Item
        label={t('programmes.fields.jurisdiction')}
        name="jurisdictionId"
        rules={[{ required: true, message: t('validation.choose', { field: t('programmes.fields.jurisdiction') }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={jurisdictions.isPending}
          options={(jurisdictions.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
        />
      </Form.Item>
      <YearField />
      <TitleField />
      <Form.Item label={t('programmes.fields.parent')} name="parentId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(programmes.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.year}）` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

interface ProgrammeEditValues {
  version: number;
  title: string;
  year: number;
  state: ProgrammeState;
}

const editValues = (p: Programme): ProgrammeEditValues => ({
  version: p.version,
  title: p.title,
  year: p.year,
  state: p.state,
});

/** Edits title, year and state; reloads the current version on a conflict. */
export function EditProgrammeModal({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProgramme();
  return (
    <FormModal<ProgrammeEditValues, Programme>
      name="programme-edit"
      title={t('programmes.edit')}
      initialValues={editValues(programme)}
      fromCurrent={editValues}
      onClose={onClose}
      onSubmit={(values) => update.mutateAsync({ id: programme.id, ...values })}
    >
      <HiddenVersion />
      <TitleField />
      <YearField />
      <Form.Item label={t('programmes.fields.state')} name="state" rules={[{ required: true }]}>
        <Select options={PROGRAMME_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

function TitleField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('programmes.fields.title')}
      name="title"
      rules={[
        {
          required: true,
          whitespace: true,
          message: t('validation.required', { field: t('programmes.fields.title') }),
        },
        { max: 200 },
      ]}
    >
      <Input />
    </Form.Item>
  );
}

function YearField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('programmes.fields.year')}
      name="year"
      rules={[{ required: true, message: t('validation.required', { field: t('programmes.fields.year') }) }]}
    >
      <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
}
