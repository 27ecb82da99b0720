import type { Actor } from './actor.js';
import {
  canManageProgramme,
  canManageReferenceData,
  canReadItem,
  canReadProgramme,
  type ItemFacts,
  isAdmin,
  type ProgrammeFacts,
} from './policies.js';

/**
 * Who may do what in the year's work: reporting, review, notices,
 * inspections, reminders and assessment. Pure rules over facts the caller
 * looks up, like policies.ts.
 */

export interface ReportFacts extends ItemFacts {
  /** The unit the report speaks for. */
  reportUnitId: number;
  /** The item's lead unit (of the item itself, or of its parent item for a part). */
  leadUnitId: number | null;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
}

/** Write a report for a unit: a reporter of that unit, or the office on its behalf. */
export function canWriteReport(actor: Actor, item: ItemFacts, unitId: number): boolean {
  if (!item.unitIds.includes(unitId)) return false;
  if (canManageProgramme(actor, item.jurisdictionId)) return true;
  return actor.kind === 'user' && actor.role === 'reporter' && actor.unitId === unitId;
}

/**
 * Read a report. Drafts stay with their unit and the office; the lead unit
 * sees its co-units' submitted shares; everyone who may read the item sees
 * submitted and reviewed reports.
 */
export function canReadReport(actor: Actor, report: ReportFacts): boolean {
  if (!canReadItem(actor, report)) return false;
  if (canManageProgramme(actor, report.jurisdictionId)) return true;
  if (actor.kind !== 'user') return false;
  const ownUnit = actor.role === 'reporter' && actor.unitId === report.reportUnitId;
  if (ownUnit) return true;
  if (report.state === 'draft') return false;
  if (actor.role === 'reporter') return actor.unitId !== null && actor.unitId === report.leadUnitId;
  return true;
}

/** Approve, return and lock reports: the office of the programme's jurisdiction. */
export function canReviewReports(actor: Actor, jurisdictionId: number): boolean {
  return canManageProgramme(actor, jurisdictionId);
}

/** Issue, close and escalate supervision notices; record inspections; adjust scores. */
export function canSupervise(actor: Actor, jurisdictionId: number): boolean {
  return canManageProgramme(actor, jurisdictionId);
}

/** Approve or reject residents' comments (群众留言): the office of the programme's jurisdiction. */
export function canModerateFeedback(actor: Actor, jurisdictionId: number): boolean {
  return canManageProgramme(actor, jurisdictionId);
}

/** Residents' satisfaction by item and by unit: whoever sees every unit's row of the assessment table. */
export function canReadSatisfaction(actor: Actor, jurisdictionId: number): boolean {
  return assessmentScope(actor, jurisdictionId) === 'all';
}

/** Reply to a notice: the reporters of the unit it was sent to. */
export function canReplyNotice(actor: Actor, noticeUnitId: number): boolean {
  return actor.kind === 'user' && actor.role === 'reporter' && actor.unitId === noticeUnitId;
}

/** Read a notice: the office, the unit it was sent to, and whoever may read the item except other units. */
export function canReadNotice(actor: Actor, item: ItemFacts, noticeUnitId: number): boolean {
  if (!canReadItem(actor, item)) return false;
  if (actor.kind === 'user' && actor.role === 'reporter') return actor.unitId === noticeUnitId;
  return true;
}

/** The holiday calendar is national data: admins and supervisors keep it. */
export function canManageCalendar(actor: Actor): boolean {
  return isAdmin(actor) || (actor.kind === 'user' && actor.role === 'supervisor');
}

/** Reminder channels (robots, e-mail) of a jurisdiction; null is every jurisdiction (admin only). */
export function canManageChannels(actor: Actor, jurisdictionId: number | null): boolean {
  if (isAdmin(actor)) return true;
  return jurisdictionId !== null && canManageReferenceData(actor, jurisdictionId);
}

/**
 * The assessment table: the office, leaders and viewers of the programme's
 * jurisdiction see every unit; a reporter sees only their own unit's row.
 */
export function assessmentScope(actor: Actor, jurisdictionId: number): 'all' | 'own-unit' | 'none' {
  if (canManageProgramme(actor, jurisdictionId)) return 'all';
  if (actor.kind !== 'user') return 'none';
  if (actor.role === 'reporter') return actor.unitId === null ? 'none' : 'own-unit';
  if (actor.role === 'leader') return 'all';
  if (actor.role === 'viewer')
    return actor.jurisdictionId === null || actor.jurisdictionScope.includes(jurisdictionId) ? 'all' : 'none';
  return 'none';
}

/**
 * Bulletins (进展情况通报): the office of the programme's jurisdiction drafts,
 * edits and publishes them and sees the drafts; whoever may read the programme
 * reads the published ones (they are public on /p/ anyway).
 */
export function canReadBulletin(actor: Actor, programme: ProgrammeFacts, state: 'draft' | 'published'): boolean {
  if (!canReadProgramme(actor, programme)) return false;
  return state === 'published' || canManageProgramme(actor, programme.jurisdictionId);
}

/** Draft, edit, publish and delete a programme's bulletins: the office of its jurisdiction. */
export function canEditBulletins(actor: Actor, jurisdictionId: number): boolean {
  return canManageProgramme(actor, jurisdictionId);
}
