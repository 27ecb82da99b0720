import type { Id, Jurisdiction, SessionUser } from '../api/types.js';

/**
 * What the interface offers to whom. The server enforces the same rules;
 * these only decide which buttons to show.
 */
export const canManageDirectory = (user: SessionUser): boolean => user.role === 'admin' || user.role === 'supervisor';

// Supervisors keep the reference data of their own jurisdiction and those below it; the server checks the scope.
export const canManageJurisdictions = canManageDirectory;

export const canManageUsers = (user: SessionUser): boolean => user.role === 'admin';

export const canCreateProgramme = canManageDirectory;

/** The whole list leaves the system only for those who see every item of it: not reporters or leaders. */
export const canExportProgramme = (user: SessionUser): boolean => user.role !== 'reporter' && user.role !== 'leader';

/** Admins write every programme; a supervisor writes those of their jurisdiction and the ones below it. */
export function canWriteProgramme(
  user: SessionUser,
  programmeJurisdictionId: Id,
  jurisdictions: readonly Jurisdiction[] = [],
): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'supervisor' || user.jurisdictionId === null) return false;
  const parents = new Map(jurisdictions.map((j) => [j.id, j.parentId]));
  const seen = new Set<Id>();
  let current: Id | null | undefined = programmeJurisdictionId;
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (current === user.jurisdictionId) return true;
    seen.add(current);
    current = parents.get(current);
  }
  return false;
}
