/**
 * Lines that text copied out of Word or PDF carries around a list and that
 * belong to no cell: the distribution list under a notice (抄送…), page
 * numbers. The text module's normalizeText does bookmarks, stray breaks and
 * spaces inside cells.
 */

const DISTRIBUTION =
  /^[\s\u3000]*(抄送|主送|印发|分送|发送)[：:]|印发[\s\u3000]*$|^[\s\u3000]*(PAGE|第\s*\d+\s*页|-\s*\d+\s*-)[\s\u3000]*$/;

export function isDistributionLine(text: string): boolean {
  return DISTRIBUTION.test(text);
}

/** A paragraph indented with spaces: in a text export of a table only text outside the table starts so. */
export function startsIndented(text: string): boolean {
  return /^[ \u3000\u00a0]/.test(text);
}
