import type { Actor } from '../../../core/actor.js';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import type {
  BulletinCutoff,
  BulletinMatchResult,
  MatchProgramme,
  ReadBulletin,
} from '../../../core/import/bulletin/types.js';
import { decodeText } from '../../../core/import/readers/read-text.js';
import { canReadProgramme } from '../../../core/policies.js';
import type { TreeRows } from '../../../core/tree.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';
import { BULLETIN_MAX_BYTES } from '../../schemas/bulletin-import.js';
import { importPool } from '../../workers/shared-pool.js';

/**
 * What preview and apply share: who may import a bulletin into a programme,
 * the text (pasted, or a .txt file in UTF-8 or GBK), and the bulletin read
 * and matched against the programme as it is now.
 */

const missing = () => notFound('民心工程', 'Programme');

export interface BulletinSource {
  text?: string | undefined;
  fileName?: string | undefined;
  contentBase64?: string | undefined;
}

export interface ImportItem {
  id: number;
  number: string;
  name: string;
  categoryTitle: string;
  /** The item's lead unit, or its parent's for a part without one. */
  leadUnit: { id: number; name: string } | null;
  indicators: Map<number, { name: string; unit: string }>;
}

export interface MatchedBulletin {
  programmeId: number;
  year: number;
  read: ReadBulletin;
  result: BulletinMatchResult;
  items: Map<number, ImportItem>;
}

/** The office of the programme's jurisdiction only: others who may read it get 403, the rest 404. */
export async function authorizeBulletinImport(db: Db, actor: Actor, programmeId: number): Promise<void> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw missing();
  if (!canReviewReports(actor, access.jurisdictionId)) throw forbidden();
}

/** The text of the bulletin: exactly one of pasted text or a file, not empty, at most 200 KB. */
export function bulletinText(source: BulletinSource): string {
  const hasText = source.text !== undefined;
  const hasFile = source.contentBase64 !== undefined;
  if (hasText && hasFile) {
    throw new AppError(
      'VALIDATION',
      '请只提供一种来源：粘贴的文字或上传的文件。 Give either pasted text or a file, not both.',
    );
  }
  let text = source.text ?? '';
  if (hasFile) {
    const bytes = Buffer.from(source.contentBase64 ?? '', 'base64');
    if (bytes.byteLength > BULLETIN_MAX_BYTES) throw tooLong();
    text = bytes.byteLength === 0 ? '' : decodeText(new Uint8Array(bytes)).text;
  }
  if (text.trim() === '') {
    throw new AppError(
      'VALIDATION',
      '通报文字为空：请粘贴通报正文，或上传 .txt 文件（UTF-8 或 GBK）。 The bulletin is empty; paste its text or upload a .txt file (UTF-8 or GBK).',
    );
  }
  if (Buffer.byteLength(text, 'utf8') > BULLETIN_MAX_BYTES) throw tooLong();
  return text;
}

const tooLong = () =>
  new AppError(
    'VALIDATION',
    '通报文字超过 200 KB：请只粘贴通报正文，去掉网页上的其他内容。 The bulletin is longer than 200 KB; paste only its text.',
    { maxBytes: BULLETIN_MAX_BYTES },
  );

/** Read the bulletin and match it against the programme's items, on the import pool's worker threads. */
export async function readAndMatch(db: Db, programmeId: number, text: string): Promise<MatchedBulletin> {
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) throw missing();
  const { programme, items } = toMatchProgramme(rows);
  const { read, result } = await importPool().readBulletin(text, programme);
  return { programmeId, year: rows.programme.year, read, result, items };
}

function toMatchProgramme(rows: TreeRows): { programme: MatchProgramme; items: Map<number, ImportItem> } {
  const titleOf = new Map(rows.categories.map((c) => [c.id, c.title]));
  const leadOf = new Map<number, { id: number; name: string }>();
  for (const link of rows.units)
    if (link.role === 'lead') leadOf.set(link.itemId, { id: link.unitId, name: link.name });
  const items = new Map<number, ImportItem>();
  const programme: MatchProgramme = {
    categories: rows.categories.map((c) => ({ id: c.id, title: c.title })),
    items: rows.items.map((item) => {
      const indicators = rows.indicators
        .filter((i) => i.itemId === item.id)
        .sort((a, b) => a.position - b.position || a.id - b.id);
      const lead = leadOf.get(item.id) ?? (item.parentItemId === null ? undefined : leadOf.get(item.parentItemId));
      items.set(item.id, {
        id: item.id,
        number: item.number,
        name: item.name,
        categoryTitle: titleOf.get(item.categoryId) ?? '',
        leadUnit: lead ?? null,
        indicators: new Map(indicators.map((i) => [i.id, { name: i.name, unit: i.unit }])),
      });
      return {
        id: item.id,
        categoryId: item.categoryId,
        parentId: item.parentItemId,
        number: item.number,
        name: item.name,
        target: item.target,
        description: item.description,
        indicators: indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit })),
      };
    }),
  };
  return { programme, items };
}

/**
 * The reporting period of a cut-off: its month for a monthly plan, the
 * quarter holding it for a quarterly one; none when the bulletin is of
 * another year than the programme.
 */
export function periodOfCutoff(
  cutoff: BulletinCutoff | undefined,
  frequency: 'monthly' | 'quarterly',
  year: number,
): string | null {
  if (!cutoff || (cutoff.year !== undefined && cutoff.year !== year)) return null;
  return frequency === 'monthly' ? `M${String(cutoff.month).padStart(2, '0')}` : `Q${Math.ceil(cutoff.month / 3)}`;
}
