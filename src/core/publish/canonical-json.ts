/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, recursively), no
 * whitespace, arrays in order, numbers and strings as JSON.stringify writes
 * them. Two values equal as JSON give the same text whatever their key order,
 * which is what a hash over a jsonb column read back from PostgreSQL needs.
 * Like JSON.stringify, `undefined` and functions are left out of objects and
 * become null in arrays; non-finite numbers become null; toJSON is honoured.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value);
  return text ?? 'null';
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return encode((value as { toJSON: () => unknown }).toJSON());
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: a bigint has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (Array.isArray(value)) return `[${value.map((v) => encode(v) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const encoded = encode(record[key]);
    if (encoded !== undefined) fields.push(`${JSON.stringify(key)}:${encoded}`);
  }
  return `{${fields.join(',')}}`;
}
