import { formatChineseNumeral } from '../export/numerals.js';
import type {
  BulletinBody,
  BulletinCitySum,
  BulletinData,
  BulletinParagraph,
  BulletinSection,
} from './bulletin-types.js';
import { cutoffPhrase, periodWord } from './period-words.js';
import { formatQuantity, formatRate } from './quantity-format.js';
import type { CardIndicator, CardItem, ReportCard } from './report-card.js';

/**
 * The first draft of a bulletin (进展情况通报 / 成绩单) from the frozen facts, in
 * the genre of the published ones (docs/design/publish-plan.md §1). Pure. The
 * office edits the draft before publishing it.
 *
 * - district genre (区级“成绩单”): title 津南区2025年民心工程上半年“成绩单”; the
 *   lede counts top-level items (子项); sections 01, 02… by category; one
 *   paragraph per item: its commitment, then 目前，… or 该项目已完成。…, then
 *   its running totals and completion rates; parts are clauses of it.
 * - city genre (市级进展情况): title 2026年20项民心工程一季度进展情况; the lede
 *   names up to three done items in quotes; sections 一、二、…; each item also
 *   carries its districts' numbers summed (各区已…), flagged when a district
 *   did not report: a partial sum is never printed as the total.
 */

export type BulletinGenre = BulletinBody['genre'];

export interface DraftOptions {
  /** Default: city when the data has city sums, else district. */
  genre?: BulletinGenre;
  /** 发布单位; default the jurisdiction's 民心工程督查室. */
  source?: string;
}

export interface BulletinDraft {
  title: string;
  period: string;
  body: BulletinBody;
}

/** How many quoted names the city lede prints before it counts instead. */
const MAX_NAMED_DONE = 3;

const END = /[。！？!?][”’"]?$/;
const TRAILING = /[\s。；;，,、：:！!]+$/;

/** A piece of text as a clause to join with ；: trimmed, lines joined, no closing punctuation. */
export function asClause(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(TRAILING, ''))
    .filter((line) => line !== '')
    .join('；')
    .replace(TRAILING, '');
}

/** A piece of text as a full sentence, ending with 。 unless it already ends a sentence. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (END.test(trimmed) && !trimmed.includes('\n')) return trimmed;
  const clause = asClause(trimmed);
  return clause === '' ? '' : `${clause}。`;
}

export const defaultSource = (jurisdictionName: string): string => `${jurisdictionName}民心工程督查室`;

export function defaultClosing(jurisdictionName: string, genre: BulletinGenre): string {
  return genre === 'city'
    ? `下一步，${jurisdictionName}将紧盯全年目标任务，督促各区、各部门加快推进民心工程各项目落地实施，确保按期保质完成，让人民群众切实感受到为民办实事的成效。`
    : `下一步，${jurisdictionName}将紧盯全年目标任务，加快推进各项民心工程落地见效，让民生温度直抵人心。`;
}

export function bulletinTitle(card: ReportCard, genre: BulletinGenre, period: string): string {
  const { jurisdictionName, year } = card.programme;
  return genre === 'city'
    ? `${year}年${card.headline.total}项民心工程${period}进展情况`
    : `${jurisdictionName}${year}年民心工程${period}“成绩单”`;
}

/** 截至2025年6月底，4个子项已完成，其余22个子项正在加快推进。 Top-level items only. */
export function bulletinLede(card: ReportCard, genre: BulletinGenre): string {
  const phrase = cutoffPhrase(card.asOf, { withYear: genre === 'district' });
  const { done, rest, total } = card.headline;
  if (total === 0) return `${phrase}，尚无列入计划的子项。`;
  if (done === total) return `${phrase}，全部${total}个子项均已完成。`;
  if (done === 0) return `${phrase}，${total}个子项正在加快推进。`;
  const doneItems = card.categories.flatMap((c) => c.items).filter((i) => i.status === 'done');
  const doneText =
    genre === 'city' && doneItems.length <= MAX_NAMED_DONE
      ? `${doneItems.map((i) => `“${i.name.trim()}”`).join('')}已完成`
      : `${done}个子项已完成`;
  return `${phrase}，${doneText}，其余${rest}个子项正在加快推进。`;
}

/** 01, 02… (district) or 一、二、… (city). */
export const sectionNumber = (index: number, genre: BulletinGenre): string =>
  genre === 'city' ? `${formatChineseNumeral(index + 1)}、` : String(index + 1).padStart(2, '0');

/**
 * 累计新增充电接口5119个，完成率85% for each indicator with a reported value,
 * except those the progress text (`alreadySaid`) already names with the same number.
 */
export function indicatorClauses(indicators: readonly CardIndicator[], alreadySaid = ''): string[] {
  const said = alreadySaid.replace(/\s+/g, '');
  return indicators
    .filter((i): i is CardIndicator & { actual: number } => i.actual !== null)
    .filter((i) => {
      const unit = i.unit.trim();
      const named = said.includes(i.name.trim().replace(/^累计/, '').replace(/\s+/g, ''));
      return !(named && (said.includes(formatQuantity(i.actual, unit)) || said.includes(`${i.actual}${unit}`)));
    })
    .map((i) => {
      const name = i.name.trim().replace(/^累计/, '');
      const rate = i.rate === null ? '' : `，完成率${formatRate(i.rate)}`;
      return `累计${name}${formatQuantity(i.actual, i.unit.trim())}${rate}`;
    });
}

/** The progress text without a lead-in the draft writes itself (目前，/ 该项目已完成。). */
function ownProgress(item: CardItem): string {
  if (!item.progress) return '';
  return asClause(item.progress.trim().replace(/^(目前[，,]?|该项目已完成[。，,]?)/, ''));
}

function partClause(part: CardItem): string {
  const name = asClause(part.name);
  // A clause inside the parent's sentence: the part's own full stops become commas.
  const progress = ownProgress(part).replace(/。/g, '，');
  let clause: string;
  if (part.status === 'done') clause = progress ? `${name}已完成，${progress}` : `${name}已完成`;
  else clause = progress ? `${name}，${progress}` : `${name}正在加快推进`;
  return [clause, ...indicatorClauses(part.indicators, progress)].join('，');
}

/** 各区已筹集认定保障性租赁住房6007套（间）（2个区未报送：甲区、乙区）. */
export function citySumClause(sum: BulletinCitySum): string {
  const name = sum.indicatorName.trim();
  if (sum.actualSum === null) return `各区尚未报送${name}数据`;
  const quantity = formatQuantity(sum.actualSum, sum.unit);
  if (sum.missingDistricts.length > 0)
    return `各区已${name}${quantity}（${sum.missingDistricts.length}个区未报送：${sum.missingDistricts.join('、')}）`;
  const rate =
    sum.targetSum !== null && sum.targetSum > 0 ? `，完成全年任务的${formatRate(sum.actualSum / sum.targetSum)}` : '';
  return `各区已${name}${quantity}${rate}`;
}

const DATED = /^(截至|截止|到)\S{0,12}[，,]|^\d{1,2}\s*[—–-]\s*\d{1,2}月份?[，,]/;

/** One item's paragraph (see the module comment). */
export function itemParagraph(item: CardItem, citySums: readonly BulletinCitySum[] = []): string {
  const lead = asSentence(item.commitment) || asSentence(item.name);
  const clauses = [ownProgress(item), ...item.parts.map(partClause)].filter((c) => c !== '');
  let text = lead;
  if (item.status === 'done') text += `该项目已完成。${clauses.length > 0 ? `${clauses.join('；')}。` : ''}`;
  else if (clauses.length === 0) text += '目前，正在加快推进。';
  // A text that dates itself (截至9月底，… / 1—6月份，…) needs no 目前.
  else text += `${DATED.test(clauses[0] ?? '') ? '' : '目前，'}${clauses.join('；')}。`;
  const numbers = indicatorClauses(item.indicators, clauses.join('；'));
  if (numbers.length > 0) text += `${numbers.join('；')}。`;
  const ids = new Set([item.id, ...item.parts.map((p) => p.id)]);
  const sums = citySums.filter((s) => ids.has(s.cityItemId)).map(citySumClause);
  if (sums.length > 0) text += `${sums.join('；')}。`;
  return text;
}

export function draftBulletin(data: BulletinData, options: DraftOptions = {}): BulletinDraft {
  const { card } = data;
  const genre: BulletinGenre = options.genre ?? (data.citySums.length > 0 ? 'city' : 'district');
  const period = periodWord(card.asOf, card.programme.year);
  const citySums = genre === 'city' ? data.citySums : [];
  const sections: BulletinSection[] = card.categories
    .filter((category) => category.items.length > 0)
    .map((category, index) => ({
      categoryId: category.id,
      number: sectionNumber(index, genre),
      heading: category.title.trim(),
      paragraphs: category.items.map(
        (item): BulletinParagraph => ({ itemId: item.id, text: itemParagraph(item, citySums) }),
      ),
    }));
  const jurisdiction = card.programme.jurisdictionName;
  return {
    title: bulletinTitle(card, genre, period),
    period,
    body: {
      genre,
      lede: bulletinLede(card, genre),
      sections,
      closing: defaultClosing(jurisdiction, genre),
      source: options.source?.trim() || defaultSource(jurisdiction),
    },
  };
}
