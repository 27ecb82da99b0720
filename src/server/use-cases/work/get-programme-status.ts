import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canExportProgramme, canReadItem, canReadProgramme } from '../../../core/policies.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import { countStatuses, rollUp } from '../../../core/work/rollup.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { evaluateProgrammeStatus, type ProgrammeStatus } from './evaluate-programme-status.js';

const missing = () => notFound('民心工程', 'Programme');

/**
 * Status against plan as this actor may see it: the office, viewers and
 * admins the whole programme; reporters and leaders only their own items
 * (with the parents needed to reach them), categories rolled up from those.
 */
export async function getProgrammeStatus(
  db: Db,
  actor: Actor,
  programmeId: number,
  asOf: string = shanghaiToday(),
): Promise<ProgrammeStatus> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw missing();
  const status = await evaluateProgrammeStatus(db, programmeId, asOf);
  if (!status) throw missing();
  if (canExportProgramme(actor, access)) return status;
  const items = status.items.filter((entry) => canReadItem(actor, entry.access));
  const categories = status.categories.flatMap((category) => {
    const top = items.filter((e) => e.categoryId === category.id && e.parentId === null);
    if (top.length === 0) return [];
    return [{ id: category.id, title: category.title, ordinal: category.ordinal, ...rollUp(top, { noun: '项目' }) }];
  });
  return {
    ...status,
    items,
    categories,
    counts: countStatuses(items.map((e) => e.status)),
  };
}
