import { isPeriod, periodEndDate } from '../../../core/periods.js';
import type { CardCategory, CardIndicator, CardItem, ReportCard } from '../../../core/publish/report-card.js';
import { formatNumber } from '../../../core/work/status.js';
import { escapeHtml } from '../layout.js';

/** Small pieces every public page uses. All text is escaped here; callers pass plain strings. */

const QUARTER_WORDS = ['一', '二', '三', '四'];

/** Q2 → 二季度, M06 → 6月. */
export function periodWord(period: string): string {
  if (!isPeriod(period)) return period;
  if (period.startsWith('Q')) return `${QUARTER_WORDS[Number(period.slice(1)) - 1]}季度`;
  return `${Number(period.slice(1))}月`;
}

/** 2026-07-15 → 7月15日 */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 2026-12-31 → 2026年12月31日 */
export function fullDate(date: string): string {
  return `${date.slice(0, 4)}年${monthDay(date)}`;
}

/** The end date of a milestone: its due date, else the end of its period. */
export function milestoneDate(year: number, milestone: { period: string; dueDate: string | null }): string | null {
  if (milestone.dueDate) return milestone.dueDate;
  return isPeriod(milestone.period) ? periodEndDate(year, milestone.period) : null;
}

/** 截至7月15日，3个子项已完成，其余5个子项正在加快推进 (top-level items only). */
export function headlineText(card: ReportCard): string {
  const { done, rest, total } = card.headline;
  const cutoff = `截至${monthDay(card.asOf)}`;
  if (total === 0) return `${cutoff}，暂无公开的子项`;
  if (rest === 0) return `${cutoff}，全部${total}个子项均已完成`;
  if (done === 0) return `${cutoff}，${rest}个子项正在加快推进`;
  return `${cutoff}，${done}个子项已完成，其余${rest}个子项正在加快推进`;
}

/** The item's deadline as the list words it (12月底), else its date. */
export function deadlineText(item: Pick<CardItem, 'deadline' | 'deadlineText'>): string | null {
  if (item.deadlineText?.trim()) return item.deadlineText.trim();
  return item.deadline ? fullDate(item.deadline) : null;
}

/** A labelled progress bar with its percentage in words (a native <progress>, so it needs no script). */
export function meter(id: string, label: string, percent: number): string {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return `<div class="meter"><label for="${escapeHtml(id)}">${escapeHtml(label)}</label><progress id="${escapeHtml(id)}" max="100" value="${value}">${value}%</progress><span class="pct">${value}%</span></div>`;
}

export function statusBadge(item: Pick<CardItem, 'status' | 'statusLabel'>): string {
  return `<span class="status s-${escapeHtml(item.status)}">${escapeHtml(item.statusLabel)}</span>`;
}

/** 朗读本节: hidden until public.js finds the Web Speech API. */
export function speakButton(targetId: string, what = '本节'): string {
  return `<button type="button" class="speak" data-target="${escapeHtml(targetId)}" hidden>朗读${escapeHtml(what)}</button>`;
}

export const number = (value: number): string => formatNumber(value);

/** 已完成3处 / 目标3处（完成率100%） */
export function indicatorText(indicator: CardIndicator): string {
  const unit = indicator.unit;
  const actual = indicator.actual === null ? '尚无审核通过的数据' : `已完成${number(indicator.actual)}${unit}`;
  const target = indicator.target === null ? '' : `，目标${number(indicator.target)}${unit}`;
  const rate = indicator.rate === null ? '' : `，完成率${Math.round(indicator.rate * 100)}%`;
  return `${indicator.name}：${actual}${target}${rate}`;
}

export function indicatorList(indicators: readonly CardIndicator[]): string {
  if (indicators.length === 0) return '';
  return `<ul class="numbers">${indicators.map((i) => `<li>${escapeHtml(indicatorText(i))}</li>`).join('')}</ul>`;
}

/** Breadcrumbs: the last entry is the current page. */
export function crumbs(trail: ReadonlyArray<{ href?: string; text: string }>): string {
  const items = trail.map((entry, i) =>
    entry.href && i < trail.length - 1
      ? `<li><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.text)}</a></li>`
      : `<li><span aria-current="page">${escapeHtml(entry.text)}</span></li>`,
  );
  return `<nav class="crumbs" aria-label="当前位置"><ol>${items.join('')}</ol></nav>`;
}

/** The units line: 牵头 and 配合. */
export function unitFacts(item: Pick<CardItem, 'leadUnit' | 'coUnits'>): string {
  let out = '';
  if (item.leadUnit) out += `<dt>牵头单位</dt><dd>${escapeHtml(item.leadUnit)}</dd>`;
  if (item.coUnits.length > 0)
    out += `<dt class="secondary">配合单位</dt><dd class="secondary">${escapeHtml(item.coUnits.join('、'))}</dd>`;
  return out;
}

/** 最新进展（二季度）：… or nothing. */
export function progressText(item: Pick<CardItem, 'progress' | 'progressPeriod'>): string {
  if (!item.progress) return '<p class="progress-text">暂无审核通过的进展。</p>';
  const when = item.progressPeriod ? `（${periodWord(item.progressPeriod)}）` : '';
  return `<p class="progress-text"><span class="label">最新进展${escapeHtml(when)}：</span>${escapeHtml(item.progress)}</p>`;
}

/** An item or part of a card by id, with its parent item and its category. */
export function findCardItem(
  card: ReportCard,
  itemId: number,
): { item: CardItem; parent: CardItem | null; category: CardCategory } | null {
  for (const category of card.categories)
    for (const item of category.items) {
      if (item.id === itemId) return { item, parent: null, category };
      const part = findPart(item, itemId);
      if (part) return { ...part, category };
    }
  return null;
}

function findPart(parent: CardItem, itemId: number): { item: CardItem; parent: CardItem } | null {
  for (const part of parent.parts) {
    if (part.id === itemId) return { item: part, parent };
    const deeper = findPart(part, itemId);
    if (deeper) return deeper;
  }
  return null;
}

/** The two-digit category number of the seed report card (01, 02, …), by position. */
export const categoryNumber = (index: number): string => String(index + 1).padStart(2, '0');

/** Item label: "3. 新建幼儿园" or "(1) 改造东片小区". */
export function itemLabel(item: Pick<CardItem, 'number' | 'name'>): string {
  const n = item.number.trim();
  if (!n) return item.name;
  return /^[(（]/.test(n) ? `${n} ${item.name}` : `${n}. ${item.name}`;
}
