/** One field of a history entry: its value before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping that changes with every write and says nothing to a reader.
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'programmeId', 'itemId']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

function asRecord(value: unknown): Record<string, unknown> {
  if (isRecord(value)) return value;
  return isBlank(value) ? {} : { value };
}

/** Stable comparison: key order inside nested objects does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The fields that differ between a record's before and after images, in the
 * order the record lists them. A create lists every field it set (but its
 * links to other records); a delete every field it removed.
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const creating = isBlank(before);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED.has(field)) continue;
    const old = a[field];
    const now = b[field];
    if (isBlank(old) && isBlank(now)) continue;
    // A new record's links and place in its list are not what a reader needs to see.
    if (creating && (field.endsWith('Id') || field === 'position')) continue;
    if (canonical(old) === canonical(now)) continue;
    changes.push({ field, before: old, after: now });
  }
  return changes;
}
