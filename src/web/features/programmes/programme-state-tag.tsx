import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgrammeState } from '../../api/types.js';

const COLORS: Record<ProgrammeState, string> = { draft: 'default', published: 'green', archived: 'purple' };

export function ProgrammeStateTag({ state }: { state: ProgrammeState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`states.${state}`)}</Tag>;
}
