import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/types.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { deadlineLabel, periodLabel } from '../../shared/format.js';
import { diffRecords } from './diff.js';

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

// The audit log may name things in snake_case (item_unit, due_date); the labels are camelCase.
const camel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function fieldLabel(t: TFunction, field: string, entityType?: string): string {
  // A person's title is the post they hold, not a heading.
  if (entityType === 'person' && field === 'title') return t('people.position');
  const key = camel(field);
  return has(zhCN.fields, key) ? t(`fields.${key}`) : field;
}

export function actionLabel(t: TFunction, action: string): string {
  const key = camel(action);
  return has(zhCN.history.actions, key) ? t(`history.actions.${key}`) : action;
}

export function entityLabel(t: TFunction, entityType: string): string {
  const key = camel(entityType);
  return has(zhCN.history.entities, key) ? t(`history.entities.${key}`) : entityType;
}

/** The name or title the record had, to tell entries of the same kind apart. */
export function entityName(entry: Pick<HistoryEntry, 'before' | 'after'>): string | null {
  for (const image of [entry.after, entry.before]) {
    if (typeof image !== 'object' || image === null) continue;
    const record = image as Record<string, unknown>;
    for (const field of ['title', 'name', 'username']) {
      const value = record[field];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}

/** A stored value as a person reads it: enums in words, deadlines as written, blanks as —. */
export function formatValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field === 'state' && has(zhCN.states, value)) return t(`states.${value}`);
    if (field === 'level' && has(zhCN.levels, value)) return t(`levels.${value}`);
    if (field === 'direction' && has(zhCN.indicators.directions, value)) return t(`indicators.directions.${value}`);
    if (field === 'role' && has(zhCN.itemUnits.roles, value)) return t(`itemUnits.roles.${value}`);
    if (field === 'role' && has(zhCN.roles, value)) return t(`roles.${value}`);
    if (field === 'period') return periodLabel(t, value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (field === 'deadline' && typeof value === 'object' && 'text' in value) {
    return deadlineLabel(value as { text: string; date: string | null }) || t('common.none');
  }
  return JSON.stringify(value);
}

/** What one history entry changed, one line per field: 字段：旧 → 新. */
export function HistoryChanges({
  entry,
}: {
  entry: Pick<HistoryEntry, 'before' | 'after'> & Partial<Pick<HistoryEntry, 'entityType'>>;
}) {
  const { t } = useTranslation();
  const changes = diffRecords(entry.before, entry.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t('history.noChanges')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {changes.map((change) => (
        <li key={change.field}>
          {t('history.changeLabel', {
            field: fieldLabel(t, change.field, entry.entityType),
            before: formatValue(t, change.field, change.before),
            after: formatValue(t, change.field, change.after),
          })}
        </li>
      ))}
    </ul>
  );
}
