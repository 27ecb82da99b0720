import type { Actor } from './actor.js';

/**
 * Named authorization rules. Each use case begins with one of these; the
 * facts they need (a programme's jurisdiction, an item's units) are looked up
 * by the caller, so the rules stay pure and are tested as a table.
 */

export interface ProgrammeFacts {
  jurisdictionId: number;
  state: 'draft' | 'published' | 'archived';
  /** The actor's unit is lead or co-unit of at least one item. */
  hasActorUnit: boolean;
  /** The actor supervises at least one item. */
  hasActorLeader: boolean;
}

export interface ItemFacts {
  jurisdictionId: number;
  /** Units of the item, its parent item and its parts. */
  unitIds: readonly number[];
  /** Supervising leaders of the item and its parent item. */
  leaderPersonIds: readonly number[];
  /** The state of the item's programme: reporters and leaders see no drafts. */
  programmeState?: 'draft' | 'published' | 'archived';
}

const inScope = (actor: Actor, jurisdictionId: number): boolean =>
  actor.kind === 'system' || actor.role === 'admin' || actor.jurisdictionScope.includes(jurisdictionId);

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || actor.role === 'admin';
}

/** Create, edit and delete a jurisdiction's programmes and their structure. */
export function canManageProgramme(actor: Actor, jurisdictionId: number): boolean {
  if (isAdmin(actor)) return true;
  return actor.kind === 'user' && actor.role === 'supervisor' && inScope(actor, jurisdictionId);
}

export function canReadProgramme(actor: Actor, programme: ProgrammeFacts): boolean {
  if (isAdmin(actor) || actor.kind === 'system') return true;
  switch (actor.role) {
    case 'supervisor':
      return inScope(actor, programme.jurisdictionId);
    case 'viewer':
      return actor.jurisdictionId === null || inScope(actor, programme.jurisdictionId);
    // A draft is the office's work in progress: units and leaders see a list once it is published.
    case 'reporter':
      return programme.state !== 'draft' && programme.hasActorUnit;
    case 'leader':
      return programme.state !== 'draft' && programme.hasActorLeader;
    default:
      return false;
  }
}

/** Reporters see items their unit works on; leaders the items they supervise. */
export function canReadItem(actor: Actor, item: ItemFacts): boolean {
  if (isAdmin(actor) || actor.kind === 'system') return true;
  switch (actor.role) {
    case 'supervisor':
      return inScope(actor, item.jurisdictionId);
    case 'viewer':
      return actor.jurisdictionId === null || inScope(actor, item.jurisdictionId);
    case 'reporter':
      return item.programmeState !== 'draft' && actor.unitId !== null && item.unitIds.includes(actor.unitId);
    case 'leader':
      return (
        item.programmeState !== 'draft' && actor.personId !== null && item.leaderPersonIds.includes(actor.personId)
      );
    default:
      return false;
  }
}

/** Jurisdictions, units and people: the office keeps its own reference data. */
export function canManageReferenceData(actor: Actor, jurisdictionId: number | null): boolean {
  if (isAdmin(actor)) return true;
  if (actor.kind !== 'user' || actor.role !== 'supervisor') return false;
  return jurisdictionId !== null && inScope(actor, jurisdictionId);
}

export function canReadReferenceData(actor: Actor): boolean {
  return actor.kind === 'system' || actor.role !== undefined;
}

export function canManageUsers(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Creating a programme from a document: the actor must manage the target jurisdiction (or be admin). */
export function canImportProgramme(actor: Actor, jurisdictionId: number | null): boolean {
  if (isAdmin(actor)) return true;
  return jurisdictionId !== null && canManageProgramme(actor, jurisdictionId);
}

/** The whole list leaves the system only for those who may see every item of it. */
export function canExportProgramme(actor: Actor, programme: ProgrammeFacts): boolean {
  if (actor.kind === 'user' && (actor.role === 'reporter' || actor.role === 'leader')) return false;
  return canReadProgramme(actor, programme);
}

/** Reading a list into a preview: the office's tool (it writes nothing). */
export function canPreviewImport(actor: Actor): boolean {
  return isAdmin(actor) || (actor.kind === 'user' && actor.role === 'supervisor');
}
