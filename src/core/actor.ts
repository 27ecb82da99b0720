/** Who is acting: a signed-in user, or the system itself (demo loader, CLI). */
export const ROLES = ['admin', 'supervisor', 'reporter', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface UserActor {
  kind: 'user';
  id: number;
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: number | null;
  /** The user's jurisdiction and every jurisdiction under it. */
  jurisdictionScope: readonly number[];
  unitId: number | null;
  personId: number | null;
}

export interface SystemActor {
  kind: 'system';
  /** What acted: `demo`, `cli`, `migration`… */
  name: string;
}

export type Actor = UserActor | SystemActor;

export const actorName = (actor: Actor): string => (actor.kind === 'system' ? `system:${actor.name}` : actor.username);

export const actorId = (actor: Actor): number | null => (actor.kind === 'user' ? actor.id : null);

/** What each role needs to be attached to: a supervisor's jurisdiction, a reporter's unit, a leader's person record. */
export function roleAttachmentProblem(
  role: Role,
  links: { jurisdictionId: number | null; unitId: number | null; personId: number | null },
): string | null {
  if (role === 'supervisor' && links.jurisdictionId === null)
    return '督查室账号须指定所属行政区。 A supervisor needs a jurisdiction.';
  if (role === 'reporter' && links.unitId === null) return '填报账号须指定所属单位。 A reporter needs a unit.';
  if (role === 'leader' && links.personId === null) return '领导账号须关联人员。 A leader needs a person record.';
  return null;
}
