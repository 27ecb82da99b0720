import type { Id, Programme } from '../../../api/types.js';

/**
 * The programme a page shows: the one named in the address if it is in the
 * list, else the newest published one, else the newest.
 */
export function chooseProgramme(programmes: readonly Programme[], requested: Id | undefined): Id | undefined {
  if (requested !== undefined && programmes.some((p) => p.id === requested)) return requested;
  const newest = [...programmes].sort((a, b) => b.year - a.year || b.id - a.id);
  return (newest.find((p) => p.state === 'published') ?? newest[0])?.id;
}

/** A positive integer from the address, or undefined. */
export function idParam(value: string | null): Id | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}
