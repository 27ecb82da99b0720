import type { InterchangeIndicator, InterchangeItem } from '../../api/interchange.js';
import type { Direction } from '../../api/types.js';
import { keepUnchanged } from './document-edit.js';

/** The editor's form values for one previewed item. */
export interface ItemValues {
  number: string;
  name: string;
  leadUnit: string;
  coUnits: string[];
  persons: string[];
  leaders: string[];
  deadlineText: string;
  deadlineDate: string;
  indicators: IndicatorValues[];
}

export interface IndicatorValues {
  name: string;
  unit: string;
  target: number | null;
  /** Not shown; carried so applying the editor keeps it. */
  direction?: Direction;
  /** Q1–Q4 are shown; monthly checkpoints are carried along unseen. */
  checkpoints: Partial<Record<string, number | null>>;
}

export const blankIndicator = (): IndicatorValues => ({ name: '', unit: '', target: null, checkpoints: {} });

export function toValues(item: InterchangeItem): ItemValues {
  return {
    number: item.number,
    name: item.name,
    leadUnit: item.leadUnit ?? '',
    coUnits: item.coUnits ?? [],
    persons: item.persons ?? [],
    leaders: item.leaders ?? [],
    deadlineText: item.deadline?.text ?? '',
    deadlineDate: item.deadline?.date ?? '',
    indicators: (item.indicators ?? []).map((indicator) => ({
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      ...(indicator.direction ? { direction: indicator.direction } : {}),
      checkpoints: { ...indicator.checkpoints },
    })),
  };
}

const names = (values: readonly string[] | undefined): string[] =>
  (values ?? []).map((value) => value.trim()).filter((value) => value.length > 0);

function toIndicator(values: IndicatorValues): InterchangeIndicator {
  const checkpoints: Record<string, number> = {};
  for (const [period, value] of Object.entries(values.checkpoints ?? {})) {
    if (typeof value === 'number' && Number.isFinite(value)) checkpoints[period] = value;
  }
  return {
    name: values.name.trim(),
    unit: values.unit?.trim() ?? '',
    target: typeof values.target === 'number' ? values.target : null,
    ...(values.direction ? { direction: values.direction } : {}),
    ...(Object.keys(checkpoints).length > 0 ? { checkpoints } : {}),
  };
}

/** The item with the editor's values; what the editor does not show (description, milestones, parts) stays. */
export function applyValues(original: InterchangeItem, values: ItemValues): InterchangeItem {
  const deadlineText = values.deadlineText?.trim() ?? '';
  const deadlineDate = values.deadlineDate || null;
  return keepUnchanged(original, {
    ...original,
    number: values.number?.trim() ?? '',
    name: values.name.trim(),
    leadUnit: values.leadUnit?.trim() || null,
    coUnits: names(values.coUnits),
    persons: names(values.persons),
    leaders: names(values.leaders),
    deadline: deadlineText || deadlineDate ? { text: deadlineText, date: deadlineDate } : null,
    indicators: (values.indicators ?? []).map(toIndicator),
  });
}
