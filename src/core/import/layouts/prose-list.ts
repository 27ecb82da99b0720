import type { ImportWarning, InterchangeItem } from '../../interchange.js';
import { extractIndicators, normalizeText, parseOrdinal } from '../../text/index.js';
import type { SourceParagraph } from '../model.js';
import { isDistributionLine } from '../noise.js';
import { firstSentence } from '../parts.js';
import { quote, warning } from '../warnings.js';
import { nonBlank } from './text-table.js';

/**
 * "Prose list": the programme as numbered paragraphs, "一、完善社区养老服务。
 * 建设…". No table, no categories: every paragraph is an item numbered "1",
 * "2", …, its first sentence the name and the rest what will be done. The
 * preamble above and the signature below (issuing bodies, date) are not items.
 */

export interface DecodedProse {
  items: InterchangeItem[];
  before: SourceParagraph[];
  after: SourceParagraph[];
  warnings: ImportWarning[];
}

interface Numbered {
  index: number;
  ordinal: number;
  rest: string;
}

function numbered(paragraphs: readonly SourceParagraph[]): Numbered[] {
  const out: Numbered[] = [];
  paragraphs.forEach((p, index) => {
    const parsed = parseOrdinal(normalizeText(p.text));
    if (parsed && parsed.rest.trim() !== '') out.push({ index, ordinal: parsed.ordinal, rest: parsed.rest.trim() });
  });
  return out;
}

/** The first 一、 of the list: a paragraph numbered 1 that a paragraph numbered 2 follows. */
function listStart(found: readonly Numbered[]): number {
  for (let i = 0; i < found.length; i++) {
    if (found[i]?.ordinal === 1 && found.slice(i + 1, i + 4).some((n) => n.ordinal === 2)) return i;
  }
  return found.length >= 2 ? 0 : -1;
}

export function looksLikeProseList(paragraphs: readonly SourceParagraph[]): boolean {
  return listStart(numbered(paragraphs)) >= 0;
}

/** Who signs and when: 中共天津市河东区委员会, 天津市河东区人民政府, 2022年2月26日, and the like. */
export function isSignature(text: string): boolean {
  return (
    /^(中共)?[\u4e00-\u9fff（）()]{2,40}(委员会|人民政府|办公室|政府|委|局|办)$/.test(text) ||
    /^\d{4}年\d{1,2}月\d{1,2}日$/.test(text) ||
    /^[（(]此件[^）)]*[）)]$/.test(text) ||
    isDistributionLine(text)
  );
}

export function decodeProseList(paragraphs: readonly SourceParagraph[]): DecodedProse {
  const warnings: ImportWarning[] = [];
  const found = numbered(paragraphs);
  const start = listStart(found);
  const first = found[start];
  if (!first) return { items: [], before: nonBlank(paragraphs), after: [], warnings };

  const items: InterchangeItem[] = [];
  const byIndex = new Map(found.map((n) => [n.index, n]));
  let current: { item: InterchangeItem; text: string[] } | null = null;
  let expected = 1;
  let end = paragraphs.length;
  const close = () => {
    if (!current) return;
    const description = current.text.join('\n').trim();
    if (description !== '') current.item.description = description;
    const indicators = extractIndicators(description || current.item.name);
    if (indicators.length > 0) current.item.indicators = indicators.map((i) => ({ ...i }));
    items.push(current.item);
  };
  for (let i = first.index; i < paragraphs.length; i++) {
    const p = paragraphs[i] as SourceParagraph;
    const text = normalizeText(p.text);
    if (text === '') continue;
    const n = byIndex.get(i);
    if (n) {
      close();
      if (n.ordinal !== expected) {
        warnings.push(
          warning(
            p.place,
            `序号不连续：此处应为第 ${expected} 项，实为第 ${n.ordinal} 项，已按原序号导入。`,
            `Numbers skip: item ${expected} was expected here, the paragraph says ${n.ordinal}.`,
          ),
        );
      }
      expected = n.ordinal + 1;
      const { sentence, rest } = firstSentence(n.rest);
      current = { item: { number: String(n.ordinal), name: sentence.slice(0, 500) }, text: rest ? [rest] : [] };
      continue;
    }
    if (isSignature(text) || /^PAGE\b/.test(text)) {
      end = i;
      break;
    }
    if (current) {
      current.text.push(text);
      warnings.push(
        warning(
          p.place,
          `此段没有序号（“${quote(text)}”），已并入第 ${current.item.number} 项的内容，请核对。`,
          `This paragraph has no number; it was added to item ${current.item.number}.`,
        ),
      );
    }
  }
  close();
  return {
    items,
    before: nonBlank(paragraphs.slice(0, first.index)),
    after: nonBlank(paragraphs.slice(end)),
    warnings,
  };
}
