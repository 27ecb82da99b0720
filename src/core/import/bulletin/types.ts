/**
 * The contract of reading a published bulletin (进展情况通报 / 成绩单) back
 * into a programme's history: what the reader finds in the text, and what
 * the matcher makes of it against a programme. Pure data, no behaviour.
 */

export type BulletinScript = 'hans' | 'hant';
/** district: `01  大项` headings, one paragraph per item; city: `在…方面，一是…二是…` themes. */
export type BulletinGenre = 'district' | 'city';

/** `截至6月底` → {month: 6}; `截至2025年3月31日` → {year: 2025, month: 3, day: 31}. */
export interface BulletinCutoff {
  year?: number;
  month: number;
  day?: number;
}

export interface BulletinParagraph {
  /** The heading of its section (district) or the theme (`在…方面`, city), as printed. */
  category?: string;
  /** Simplified, normalized text. */
  text: string;
  /** 0-based order of the paragraph in the bulletin. */
  position: number;
}

export interface ReadBulletin {
  script: BulletinScript;
  genre: BulletinGenre;
  /** The headline, when the text starts with one. */
  title?: string;
  cutoff?: BulletinCutoff;
  paragraphs: BulletinParagraph[];
  /** Lines left out: page furniture, the byline and everything after it. */
  dropped: string[];
}

/** The part of a programme the matcher reads. */
export interface MatchProgramme {
  categories: Array<{ id: number; title: string }>;
  items: MatchItem[];
}

export interface MatchItem {
  id: number;
  categoryId: number;
  parentId: number | null;
  number: string;
  name: string;
  target: string;
  description: string;
  indicators: Array<{ id: number; name: string; unit: string }>;
}

/** An indicator's value read from the paragraph, with the words it was read from. */
export interface MatchedValue {
  indicatorId: number;
  value: number;
  text: string;
}

export interface BulletinMatch {
  paragraph: BulletinParagraph;
  itemId: number;
  /** Why this item, in words (Chinese). */
  evidence: string;
  /** The paragraph says `该项目已完成`, or the lede names the item as done. */
  claimedDone: boolean;
  values: MatchedValue[];
}

/** none: no evidence; tie: several items fit equally; duplicate: another paragraph claims the same item. */
export type UnmatchedKind = 'none' | 'tie' | 'duplicate';

export interface BulletinUnmatched {
  paragraph: BulletinParagraph;
  kind: UnmatchedKind;
  /** Why, in words (Chinese). */
  reason: string;
  /** The items that tied, or the item claimed twice. */
  candidates: number[];
}

export interface BulletinMatchResult {
  matches: BulletinMatch[];
  unmatched: BulletinUnmatched[];
}
