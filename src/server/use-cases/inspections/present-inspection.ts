import { notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/client.js';
import type { EntityMeta } from '../../../db/crud.js';
import { listAttachments } from '../../../db/repositories/attachments.repository.js';
import { findInspectionView, type InspectionView } from '../../../db/repositories/inspections.repository.js';
import type { inspections } from '../../../db/schema-work.js';
import { type FileOut, presentFile } from '../notices/present-notice.js';

export const INSPECTION = { zh: '实地督查记录', en: 'Inspection' } as const;
export const missingInspection = () => notFound(INSPECTION.zh, INSPECTION.en);

export const inspectionMeta: EntityMeta<typeof inspections> = {
  entityType: 'inspection',
  what: INSPECTION,
  context: (row) => ({ programmeId: row.programmeId, itemId: row.itemId }),
};

/** What of an inspection leaves the server. */
export interface InspectionOut {
  id: number;
  programmeId: number;
  itemId: number;
  itemNumber: string;
  itemName: string;
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
  createdBy: number | null;
  createdAt: string;
  version: number;
  photos: FileOut[];
}

/** Present inspections with their photos (and any other files), in one query for the files. */
export async function presentInspections(db: Db, views: readonly InspectionView[]): Promise<InspectionOut[]> {
  const files = await listAttachments(
    db,
    'inspection',
    views.map((v) => v.id),
  );
  return views.map((view) => ({
    id: view.id,
    programmeId: view.programmeId,
    itemId: view.itemId,
    itemNumber: `${view.parentItemNumber ?? ''}${view.itemNumber}`,
    itemName: view.itemName,
    date: view.date,
    inspectors: view.inspectors,
    findings: view.findings,
    followUp: view.followUp,
    createdBy: view.createdBy,
    createdAt: view.createdAt,
    version: view.version,
    photos: files.filter((f) => f.ownerId === view.id).map(presentFile),
  }));
}

export async function presentInspection(db: Db, id: number): Promise<InspectionOut> {
  const view = await findInspectionView(db, id);
  if (!view) throw missingInspection();
  const [out] = await presentInspections(db, [view]);
  return out as InspectionOut;
}
