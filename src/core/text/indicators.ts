import { scanCandidates } from './clauses.js';
import { splitParts } from './markers.js';
import { normalizeText } from './normalize.js';
import type { Approx } from './quantity.js';

export interface ExtractedIndicator {
  name: string;
  unit: string;
  target: number;
  /** 以上 / 不少于 → at_least; 以下 / 不超过 → at_most. Absent when exact. */
  approx?: Approx;
}

/**
 * The numbers a target text commits to, each with the name of what it counts:
 * "(1) 实现新增就业 23000 人。 (2) 开展职业技能培训 10000 人次。" →
 * 新增就业 23000 人, 职业技能培训 10000 人次; "全年新增就业1.65万人以上" →
 * 新增就业 16500 人 (at_least).
 *
 * Conservative by design — no indicator rather than a wrong one:
 * - only Arabic numbers with a counting unit; Chinese numerals in running
 *   text are ordinals and idioms (一线, 一户一策, 一老一小);
 * - never years, months, days, ages, ordinals (第5次), addresses (8号),
 *   ranges (0.3至5万元, 18至60岁), 个百分点, or estimates (约30亩, 90余间);
 * - "name N unit" (新建社区食堂6个) names what precedes the number;
 *   "verb N unit thing" (建成4个社区图书室) is taken only after a work verb
 *   (建设, 完成, 新增, 惠及…) or 至少/不少于, so locatives (在16个社区,
 *   涉及…7所学校, 对9个小区) are not targets;
 * - descriptions are skipped: a bare area (建筑面积 3200 平方米), what a
 *   project is or does once built (位于, 占地, 建成后可招生12个班),
 *   dimensions (长420米), changes and comparisons (提高2000元, 由3000元,
 *   报销比例分别为60%), amounts qualifying a noun (超过2万元的会员);
 * - a percentage is a target only as a rate (开工率达到80%, 覆盖率95%) or
 *   after 实现/达到/完成 (实现100%村卫生室标准化);
 * - names lose framing verbs (实现, 完成, 累计, 全年, 预计, 开展, 建设, 新建,
 *   筹集…) but keep the kind of work (改造雨污管网, 提升改造背街小巷); 新增
 *   stays when it is the name (新增就业), goes before a noun (新增普惠托位 →
 *   普惠托位); bracketed asides go (社区食堂(含助餐点) → 社区食堂).
 * The same (name, unit, target) is listed once.
 */
export function extractIndicators(text: string): ExtractedIndicator[] {
  const t = normalizeText(text);
  const seen = new Set<string>();
  const out: ExtractedIndicator[] = [];
  for (const c of scanCandidates(t, 'target')) {
    const key = `${c.name}\u0000${c.unit}\u0000${c.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: c.name, unit: c.unit, target: c.value, ...(c.approx ? { approx: c.approx } : {}) });
  }
  return out;
}

/**
 * extractIndicators for each numbered part of a text ("(1) … (2) …"), each
 * indicator labelled with its part ("(1)"); a text without parts gives part
 * ''. extractCheckpoints uses the labels to look in the matching part of each
 * quarter's text.
 */
export function extractIndicatorsByPart(text: string): (ExtractedIndicator & { part: string })[] {
  const parts = splitParts(text);
  if (parts.length === 0) return extractIndicators(text).map((i) => ({ ...i, part: '' }));
  return parts.flatMap((p) => extractIndicators(p.text).map((i) => ({ ...i, part: p.number })));
}
