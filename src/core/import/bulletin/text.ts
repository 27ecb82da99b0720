import { normalizeText } from '../../text/normalize.js';

/** Small text helpers shared by the bulletin reader and matcher. */

/**
 * What two phrasings are compared on: normalized (width folded, pinyin and
 * stray spaces gone), then only letters, digits and Han characters, lower
 * case. `套（间）`, `套(间)` and `套间` compare equal; so do `“三微四景”连心工程`
 * and `三微四景连心工程`.
 */
export function compareKey(text: string): string {
  return normalizeText(text)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/** Sentence-final marks: a line ending in one is a whole paragraph. */
export const SENTENCE_END = /[。！？!?]$/;

/** Where the progress part of an item paragraph starts (after the restated commitment). */
const PROGRESS_START =
  /目前[，,：:]|该项目已完成|截至[^，,。]{0,12}[，,]|\d{1,2}\s*[—–\-－~至到]\s*\d{1,2}\s*月份?[，,]|\d{1,2}月份?以来[，,]/u;

/**
 * Split an item paragraph of the district genre into the commitment it
 * restates (its first sentence, before `目前` / `该项目已完成` / `1—6月份，`)
 * and the progress that follows. A paragraph without such a break is all
 * commitment when it is one sentence, else its first sentence is.
 */
export function splitCommitment(text: string): { commitment: string; progress: string } {
  const marker = PROGRESS_START.exec(text);
  const stop = text.indexOf('。');
  let cut: number;
  if (marker && (stop < 0 || marker.index <= stop + 1)) cut = marker.index;
  else if (stop >= 0) cut = stop + 1;
  else return { commitment: text.trim(), progress: '' };
  return { commitment: text.slice(0, cut).trim(), progress: text.slice(cut).trim() };
}

/** The text before the first `。`, or all of it. */
export function firstSentence(text: string): string {
  const stop = text.indexOf('。');
  return (stop < 0 ? text : text.slice(0, stop)).trim();
}
