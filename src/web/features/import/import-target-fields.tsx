import { Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '../../api/jurisdictions.js';
import { useProgrammes } from '../../api/programmes.js';
import { useCurrentUser } from '../../api/session.js';
import type { Programme } from '../../api/types.js';
import { canManageDirectory, canWriteProgramme } from '../../shared/policy.js';
import type { ImportMode } from './source-step.js';

/** New programme or revision of one the person may write; lives inside the source step's form. */
export function ImportTargetFields({
  mode,
  onProgrammeChosen,
}: {
  mode: ImportMode;
  onProgrammeChosen: (programme: Programme) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const jurisdictions = useJurisdictions(canManageDirectory(user));
  const writable = (programmes.data ?? []).filter((p) => canWriteProgramme(user, p.jurisdictionId, jurisdictions.data));

  return (
    <>
      <Form.Item label={t('import.source.mode')} name="mode">
        <Radio.Group
          options={(['new', 'revise'] as const).map((value) => ({ value, label: t(`import.source.modes.${value}`) }))}
        />
      </Form.Item>
      {mode === 'revise' && (
        <Form.Item
          label={t('import.source.programme')}
          name="programmeId"
          rules={[{ required: true, message: t('validation.choose', { field: t('import.source.programme') }) }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={programmes.isPending}
            style={{ maxWidth: 480 }}
            options={writable.map((p) => ({
              value: p.id,
              label: t('import.source.programmeOption', {
                title: p.title,
                year: p.year,
                state: t(`states.${p.state}`),
              }),
            }))}
            onChange={(id: number) => {
              const chosen = writable.find((p) => p.id === id);
              if (chosen) onProgrammeChosen(chosen);
            }}
          />
        </Form.Item>
      )}
    </>
  );
}
