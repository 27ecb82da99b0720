import type { ReportCard } from './report-card.js';

/**
 * A bulletin (进展情况通报 / 成绩单) has two JSON parts, both stored on the
 * `bulletins` row (src/db/schema-publish.ts):
 *
 * - `data`: the facts it was drawn from at its cut-off, frozen on publishing
 *   (a later change of reports never changes a published bulletin). The
 *   public "what changed since the previous bulletin" compares two `data`.
 * - `body`: the text, drafted from `data` in the genre of the seeds and then
 *   edited by the office. Renderers (md, html, docx) read only `body` (and
 *   the title/period/cutoff of the row).
 */

/** A city item's districts' numbers summed in one unit (the Tianjin bulletin's "…21个、6007套（间）"). */
export interface BulletinCitySum {
  cityItemId: number;
  indicatorName: string;
  unit: string;
  /** Sum of the reported actuals; partial when some districts did not report (never print it as the total then). */
  actualSum: number | null;
  targetSum: number | null;
  reportedDistricts: number;
  /** Districts that serve the item but reported no actual in this unit. */
  missingDistricts: string[];
}

export interface BulletinData {
  /** The report card at the cut-off (src/core/publish/report-card.ts). */
  card: ReportCard;
  /** For a city programme whose items districts serve; empty otherwise. */
  citySums: BulletinCitySum[];
}

export interface BulletinParagraph {
  /** The item the paragraph is about (null for the office's free paragraphs). */
  itemId: number | null;
  text: string;
}

export interface BulletinSection {
  /** The category (null for a section the office added). */
  categoryId: number | null;
  /** 01, 02… in the district genre; 一、二、… in the city genre. */
  number: string;
  heading: string;
  paragraphs: BulletinParagraph[];
}

export interface BulletinBody {
  genre: 'district' | 'city';
  /** 截至6月底，4个子项已完成，其余22个子项正在加快推进。 */
  lede: string;
  sections: BulletinSection[];
  closing: string;
  /** 发布单位 (the office or the programme's jurisdiction). */
  source: string;
}

/** A bulletin as the API and the renderers see it. */
export interface BulletinRecord {
  id: number;
  programmeId: number;
  seq: number | null;
  cutoff: string;
  period: string;
  title: string;
  state: 'draft' | 'published';
  body: BulletinBody;
  data: BulletinData;
  prevHash: string | null;
  hash: string | null;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
