import type { Actor } from '../../../core/actor.js';
import { canReadProgramme } from '../../../core/policies.js';
import type { ProgrammeState, ProgrammeView } from '../../../core/tree.js';
import type { Db } from '../../../db/client.js';
import { programmeIdsWithActorLinks } from '../../../db/repositories/access.repository.js';
import { listProgrammeViews } from '../../../db/repositories/tree.repository.js';

export interface ProgrammeFilter {
  year?: number | undefined;
  state?: ProgrammeState | undefined;
  jurisdictionId?: number | undefined;
}

/** The programmes the actor may read, filtered; `publicOnly` for the public site. */
export async function listProgrammes(db: Db, actor: Actor | null, filter: ProgrammeFilter): Promise<ProgrammeView[]> {
  const all = await listProgrammeViews(db);
  const matching = all.filter(
    (p) =>
      (filter.year === undefined || p.year === filter.year) &&
      (filter.state === undefined || p.state === filter.state) &&
      (filter.jurisdictionId === undefined || p.jurisdictionId === filter.jurisdictionId),
  );
  if (actor === null) return matching.filter((p) => p.state === 'published');
  const links = await programmeIdsWithActorLinks(db, actor);
  return matching.filter((p) =>
    canReadProgramme(actor, {
      jurisdictionId: p.jurisdictionId,
      state: p.state,
      hasActorUnit: links.units.has(p.id),
      hasActorLeader: links.leaders.has(p.id),
    }),
  );
}
