import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { items, itemUnits, jurisdictions, programmes, units } from '../schema.js';
import { reports } from '../schema-work.js';

/**
 * What the public report card shows beyond status against plan: the
 * jurisdiction's name, each item's commitment text, its units by name and the
 * progress text of approved reports. Nothing else of a report is read here
 * (problems, next steps, return reasons and drafts stay internal).
 */
export interface PublicFacts {
  programme: {
    id: number;
    title: string;
    year: number;
    state: string;
    jurisdictionId: number;
    jurisdictionName: string;
  };
  items: Array<{ id: number; description: string; target: string; deadlineText: string | null }>;
  units: Array<{ itemId: number; unitId: number; name: string; role: 'lead' | 'co'; position: number }>;
  /** Approved reports with a progress text. */
  progress: Array<{ itemId: number; unitId: number; period: string; progress: string; reviewedAt: string | null }>;
}

export async function loadPublicFacts(db: Db, programmeId: number): Promise<PublicFacts | undefined> {
  const [programme] = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      year: programmes.year,
      state: programmes.state,
      jurisdictionId: programmes.jurisdictionId,
      jurisdictionName: jurisdictions.name,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!programme) return undefined;
  const inProgramme = db.select({ id: items.id }).from(items).where(eq(items.programmeId, programmeId));
  const [itemRows, unitRows, progressRows] = await Promise.all([
    db
      .select({ id: items.id, description: items.description, target: items.target, deadlineText: items.deadlineText })
      .from(items)
      .where(eq(items.programmeId, programmeId)),
    db
      .select({
        itemId: itemUnits.itemId,
        unitId: itemUnits.unitId,
        name: units.name,
        role: itemUnits.role,
        position: itemUnits.position,
      })
      .from(itemUnits)
      .innerJoin(units, eq(units.id, itemUnits.unitId))
      .where(inArray(itemUnits.itemId, inProgramme)),
    db
      .select({
        itemId: reports.itemId,
        unitId: reports.unitId,
        period: reports.period,
        progress: reports.progress,
        reviewedAt: reports.reviewedAt,
      })
      .from(reports)
      .where(and(eq(reports.programmeId, programmeId), eq(reports.state, 'approved'), ne(reports.progress, ''))),
  ]);
  return { programme, items: itemRows, units: unitRows, progress: progressRows };
}
