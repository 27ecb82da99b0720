import type { ImportWarning } from '../interchange.js';

/** A warning as the interchange format holds it: Chinese first, then English, both cut to the format's limits. */
export function warning(where: string, zh: string, en: string): ImportWarning {
  return { where: where.slice(0, 200), message: `${zh} ${en}`.trim().slice(0, 2000) };
}

/** A short quotation of source text for a message. */
export function quote(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
