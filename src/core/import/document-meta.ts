import { normalizeText } from '../text/index.js';
import type { SourceParagraph } from './model.js';

/**
 * What a list says about itself in its title line: "西青区 2024 年 20 项民心工程
 * 进度和责任清单" → 西青区, 2024; "天津市2024年20项民心工程涉及津南区任务清单" →
 * 津南区, 2024, carrying out 天津市2024年20项民心工程.
 */
export interface DocumentMeta {
  title?: string;
  year?: number;
  jurisdiction?: string;
  parent?: string;
  /** Where the title was read. */
  place?: string;
}

const MAX_TITLE = 80;

function compact(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/** How much a line looks like the list's own title; null when it cannot be one. */
function titleScore(text: string): number | null {
  if (!text.includes('民心工程') || text.length > MAX_TITLE) return null;
  if (/[：:，,。《]/.test(text) || /^(为|关于|根据|按照)/.test(text)) return null;
  let score = 0;
  if (/(清单|民心工程)$/.test(text)) score += 3;
  if (/(19|20)\d{2}年/.test(text)) score += 2;
  if (/关于|通知|印发|意见|方案的/.test(text)) score -= 5;
  return score;
}

/** Administrative names end so; the last of them in "天津市西青区" is the one that owns the list. */
const ADMIN = /[\u4e00-\u9fff]{1,12}?(?:自治州|自治县|街道|新区|省|市|区|县|旗|镇|乡|州|盟)/g;

function lastAdministrativeName(prefix: string): string | undefined {
  const cleaned = prefix.replace(/^.*(关于印发|关于)/, '').replace(/(人民政府|办公室|委员会)/g, '');
  const names = cleaned.match(ADMIN);
  return names?.[names.length - 1];
}

export function readMeta(paragraphs: readonly SourceParagraph[]): DocumentMeta {
  let best: { text: string; place: string; score: number } | null = null;
  for (const p of paragraphs) {
    const text = compact(p.text);
    const score = titleScore(text);
    if (score === null) continue;
    // On a tie the later line wins: the list's own title stands right above the list.
    if (!best || score >= best.score) best = { text, place: p.place, score };
  }
  if (!best) return {};
  // Only the notice names the list: "…关于印发西青区2024年20项民心工程进度和责任清单的通知" → the list's title.
  const notice = /关于印发《?(.+?)》?的通知$/.exec(best.text);
  const meta: DocumentMeta = { title: notice?.[1] ?? best.text, place: best.place };
  const year = /((?:19|20)\d{2})年/.exec(best.text);
  if (year) {
    const value = Number(year[1]);
    if (value >= 2000 && value <= 2100) meta.year = value;
  }
  const carriedOut = /^(.*?\d{4}年.*?民心工程)涉及(.+?)(?:的)?(?:具体)?(?:工作)?任务(?:清单)?$/.exec(meta.title ?? '');
  if (carriedOut?.[1] && carriedOut[2]) {
    meta.parent = carriedOut[1];
    meta.jurisdiction = carriedOut[2];
    return meta;
  }
  const title = meta.title ?? '';
  const prefix = year ? best.text.slice(0, year.index) : title.slice(0, title.indexOf('民心工程'));
  const jurisdiction = lastAdministrativeName(prefix);
  if (jurisdiction) meta.jurisdiction = jurisdiction;
  return meta;
}
