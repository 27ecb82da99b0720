import type { Actor } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { assessmentTitle, assessmentToXlsx, XLSX_CONTENT_TYPE } from '../../../core/export/assessment-xlsx.js';
import { contentDisposition } from '../../../core/export/export-file.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { assessmentAccess } from './assessment-access.js';
import { computeAssessment } from './get-assessment.js';

export interface AssessmentFile {
  bytes: Buffer;
  contentType: string;
  contentDisposition: string;
}

/** The ranking table as .xlsx: it lists every unit, so only those who may see every unit get it. */
export async function exportAssessment(
  db: Db,
  actor: Actor,
  programmeId: number,
  asOf: string = shanghaiToday(),
): Promise<AssessmentFile> {
  const { scope } = await assessmentAccess(db, actor, programmeId);
  if (scope !== 'all') throw forbidden();
  const assessment = await computeAssessment(db, programmeId, asOf);
  const title = assessmentTitle(assessment.jurisdictionName, assessment.year);
  return {
    bytes: await assessmentToXlsx({ ...assessment, title }),
    contentType: XLSX_CONTENT_TYPE,
    contentDisposition: contentDisposition(`${title}.xlsx`, `assessment-${programmeId}.xlsx`),
  };
}
