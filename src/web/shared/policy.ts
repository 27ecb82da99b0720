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

// Settings of the year's work (calendar, reminder channels, delivery log): the office.
/** The working-day calendar is national data: admins and supervisors keep it; everyone reads it. */
export const canManageCalendar = canManageDirectory;
/** Reminder channels and their delivery log: admins, and supervisors for their jurisdiction. */
export const canManageChannels = canManageDirectory;

// Supervision (督查): notices, inspections, assessment adjustments.
/** Issue, close and escalate notices, record inspections, adjust scores: the office of the programme's jurisdiction. */
export const canSupervise = canWriteProgramme;
/** Reply to a notice: the reporters of the unit it was sent to. */
export const canReplyNotice = (user: SessionUser, noticeUnitId: Id): boolean =>
  user.role === 'reporter' && user.unitId === noticeUnitId;

// Reports (进展报告): my work for reporters, the review queue for the office.
/** 我的任务 is the reporter's start page and first menu entry. */
export const canReportWork = (user: SessionUser): boolean => user.role === 'reporter';
/** Approve, return and lock reports: the office (the server checks the programme's jurisdiction). */
export const canReviewReports = canManageDirectory;
