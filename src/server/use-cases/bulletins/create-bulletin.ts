import { actorId } from '../../../core/actor.js';
import { AppError } from '../../../core/errors.js';
import { draftBulletin } from '../../../core/publish/bulletin-draft.js';
import type { BulletinRecord } from '../../../core/publish/bulletin-types.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { insertBulletin } from '../../../db/repositories/bulletins.repository.js';
import { loadBulletinData } from '../publish/draft-bulletin-data.js';
import { auditSnapshot } from './audit-snapshot.js';
import { editableProgramme, presentBulletin } from './bulletin-access.js';

export interface CreateBulletinInput {
  /** YYYY-MM-DD: a day of the programme's year, not after today. */
  cutoff: string;
  genre?: 'district' | 'city' | undefined;
}

/** The cut-off must fall in the programme's year and not in the future: the facts are what was approved by then. */
export function checkCutoff(cutoff: string, year: number, today: string): void {
  if (cutoff.slice(0, 4) !== String(year))
    throw new AppError(
      'VALIDATION',
      `截止日期须在清单所属的${year}年内（${year}-01-01 至 ${year}-12-31），请重新选择。 The cut-off must be a day of ${year}.`,
    );
  if (cutoff > today)
    throw new AppError(
      'VALIDATION',
      `截止日期不能晚于今天（${today}）：通报只写已经审核的进展，请选择今天或更早的日期。 The cut-off cannot be after today (${today}).`,
    );
}

/**
 * The office drafts a bulletin for a cut-off: the facts at that date (the
 * report card and, for a city programme, the districts' sums) and a text in
 * the genre of the seeds, which the office then edits.
 */
export async function createBulletin(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  input: CreateBulletinInput,
): Promise<BulletinRecord> {
  const { programme } = await editableProgramme(db, ctx.actor, programmeId);
  checkCutoff(input.cutoff, programme.year, shanghaiToday());
  const data = await loadBulletinData(db, programmeId, input.cutoff);
  if (!data) throw new AppError('NOT_FOUND', '民心工程不存在或您无权查看。 Programme not found or not visible to you.');
  const draft = draftBulletin(data, input.genre ? { genre: input.genre } : {});
  return db.transaction(async (tx) => {
    const row = await insertBulletin(tx, {
      programmeId,
      cutoff: input.cutoff,
      period: draft.period,
      title: draft.title,
      body: draft.body,
      data,
      createdBy: actorId(ctx.actor),
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'bulletin',
      entityId: row.id,
      programmeId,
      after: auditSnapshot(row),
    });
    return presentBulletin(row);
  });
}
