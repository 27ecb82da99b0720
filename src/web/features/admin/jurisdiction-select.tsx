import { Form, Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '../../api/jurisdictions.js';
import type { Id } from '../../api/types.js';

/** A searchable choice of jurisdiction; pass through Form.Item's value and onChange. */
export function JurisdictionSelect(props: Omit<SelectProps<Id>, 'options'>) {
  const list = useJurisdictions();
  return (
    <Select<Id>
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      options={(list.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
      {...props}
    />
  );
}

/** Narrows a list to one jurisdiction; cleared, it shows them all. */
export function JurisdictionFilter({
  name,
  label,
  onChange,
}: {
  /** The filter form's name, a prefix for its field ids. */
  name: string;
  label: string;
  onChange: (jurisdictionId: Id | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form name={name} layout="inline" style={{ marginBottom: 16 }}>
      <Form.Item label={label} name="jurisdictionId">
        <JurisdictionSelect
          allowClear
          placeholder={t('common.all')}
          style={{ width: 220 }}
          onChange={(value) => onChange(value ?? null)}
        />
      </Form.Item>
    </Form>
  );
}

export function useJurisdictionNames(): Map<Id, string> {
  const list = useJurisdictions();
  return new Map((list.data ?? []).map((j) => [j.id, j.name]));
}
