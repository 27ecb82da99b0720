import { Select, type SelectProps } from 'antd';
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

export function useJurisdictionNames(): Map<Id, string> {
  const list = useJurisdictions();
  return new Map((list.data ?? []).map((j) => [j.id, j.name]));
}
