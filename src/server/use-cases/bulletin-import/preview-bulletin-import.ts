import type { Actor } from '../../../core/actor.js';
import type { BulletinParagraph } from '../../../core/import/bulletin/types.js';
import type { Db } from '../../../db/client.js';
import { getReportingPlan } from '../../../db/repositories/reporting-plan.repository.js';
import { listReports } from '../../../db/repositories/reports.repository.js';
import type { BulletinPreviewInput, BulletinPreviewOut } from '../../schemas/bulletin-import.js';
import {
  authorizeBulletinImport,
  bulletinText,
  type ImportItem,
  type MatchedBulletin,
  periodOfCutoff,
  readAndMatch,
} from './bulletin-source.js';

type Match = BulletinPreviewOut['matches'][number];
type Unmatched = BulletinPreviewOut['unmatched'][number];

/**
 * Read a published bulletin and show how its paragraphs match the
 * programme's items, with the values read and the period the reports would
 * be written for. Writes nothing.
 */
export async function previewBulletinImport(
  db: Db,
  actor: Actor,
  programmeId: number,
  input: BulletinPreviewInput,
): Promise<BulletinPreviewOut> {
  await authorizeBulletinImport(db, actor, programmeId);
  const text = bulletinText(input);
  const matched = await readAndMatch(db, programmeId, text);
  const plan = await getReportingPlan(db, programmeId);
  const period = input.period ?? periodOfCutoff(matched.read.cutoff, plan.frequency, matched.year);
  const existing = new Map<string, number>();
  if (period !== null) {
    for (const report of await listReports(db, { programmeId, period })) {
      existing.set(`${report.itemId}:${report.unitId}`, report.id);
    }
  }
  const { matches, unmatched } = presentMatches(matched, (item) =>
    item.leadUnit ? (existing.get(`${item.id}:${item.leadUnit.id}`) ?? null) : null,
  );
  const { read } = matched;
  return {
    script: read.script,
    genre: read.genre,
    title: read.title ?? null,
    cutoff: read.cutoff ?? null,
    period,
    matches,
    unmatched,
    dropped: read.dropped,
  };
}

/**
 * The matches as the office sees them, with names beside the ids. A match
 * on an item without a lead unit cannot become a report: it is listed as
 * unmatched, with the reason.
 */
export function presentMatches(
  matched: MatchedBulletin,
  existingReportOf: (item: ImportItem) => number | null,
): { matches: Match[]; unmatched: Unmatched[] } {
  const matches: Match[] = [];
  const unmatched: Unmatched[] = [];
  for (const match of matched.result.matches) {
    const item = matched.items.get(match.itemId);
    if (!item) continue;
    if (!item.leadUnit) {
      unmatched.push({
        paragraph: paragraphOut(match.paragraph),
        kind: 'no-lead-unit',
        reason: `对应子项（${label(item)}）没有牵头单位，无法生成报告；请先在清单中指定牵头单位。`,
        candidates: [candidate(item)],
      });
      continue;
    }
    matches.push({
      paragraph: paragraphOut(match.paragraph),
      itemId: item.id,
      itemNumber: item.number,
      itemName: item.name,
      categoryTitle: item.categoryTitle,
      leadUnitName: item.leadUnit.name,
      evidence: match.evidence,
      claimedDone: match.claimedDone,
      values: match.values.map((v) => {
        const indicator = item.indicators.get(v.indicatorId);
        return { ...v, indicatorName: indicator?.name ?? '', unit: indicator?.unit ?? '' };
      }),
      existingReportId: existingReportOf(item),
    });
  }
  for (const entry of matched.result.unmatched) {
    unmatched.push({
      paragraph: paragraphOut(entry.paragraph),
      kind: entry.kind,
      reason: entry.reason,
      candidates: entry.candidates.flatMap((id) => {
        const item = matched.items.get(id);
        return item ? [candidate(item)] : [];
      }),
    });
  }
  unmatched.sort((a, b) => a.paragraph.position - b.paragraph.position);
  return { matches, unmatched };
}

const label = (item: ImportItem) => `${item.number ? `${item.number} ` : ''}${item.name}`;
const candidate = (item: ImportItem) => ({ itemId: item.id, number: item.number, name: item.name });

function paragraphOut(p: BulletinParagraph): Match['paragraph'] {
  return { ...(p.category === undefined ? {} : { category: p.category }), text: p.text, position: p.position };
}
