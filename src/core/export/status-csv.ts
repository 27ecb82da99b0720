import type { CardIndicator, CardItem, ReportCard } from '../publish/report-card.js';
import { periodLabel } from '../work/reminders.js';
import { exportFileName } from './export-file.js';
import { field } from './programme-csv.js';
import { categoryLabel } from './programme-table.js';

/**
 * The public status of a programme at a date as CSV, from its report card
 * (public fields only): one row per item and per part, the category and the
 * item's number on every row as in programme-csv.ts, UTF-8 with a byte-order
 * mark so Excel and WPS read Chinese, CRLF line ends.
 */

export const STATUS_CSV_HEADERS = [
  '大项',
  '序号',
  '分项',
  '项目名称',
  '状态',
  '完成时限',
  '牵头单位',
  '进度（%）',
  '最新进展',
  '进展期次',
  '量化指标（实际/目标）',
] as const;

const number = (value: number | null): string => (value === null ? '' : String(Number(value.toFixed(4))));

/** "新增学位：800/1620个"; an indicator nobody reported yet reads "未报送/1620个". */
export function indicatorText(indicator: CardIndicator): string {
  const actual = indicator.actual === null ? '未报送' : number(indicator.actual);
  const target = indicator.target === null ? '—' : number(indicator.target);
  return `${indicator.name}：${actual}/${target}${indicator.unit}`;
}

function row(year: number, category: string, itemNumber: string, partNumber: string, item: CardItem): string[] {
  return [
    category,
    itemNumber,
    partNumber,
    item.name,
    item.statusLabel,
    item.deadlineText ?? item.deadline ?? '',
    item.leadUnit ?? '',
    String(item.percent),
    item.progress ?? '',
    item.progressPeriod ? periodLabel(year, item.progressPeriod) : '',
    item.indicators.map(indicatorText).join('；'),
  ];
}

export function reportCardToCsv(card: ReportCard): Buffer {
  const lines: string[][] = [[...STATUS_CSV_HEADERS]];
  const { year } = card.programme;
  const walk = (category: string, itemNumber: string, parts: string[], item: CardItem) => {
    lines.push(row(year, category, itemNumber, parts.join(' '), item));
    for (const part of item.parts) walk(category, itemNumber, [...parts, part.number], part);
  };
  for (const category of card.categories) {
    const label = categoryLabel(category);
    for (const item of category.items) walk(label, item.number, [], item);
  }
  const text = lines.map((cells) => cells.map(field).join(',')).join('\r\n');
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}

/** "<title>进展情况（截至2026-07-10）.csv": the file name the public site offers. */
export function statusFileName(card: ReportCard, format: 'csv' | 'json'): string {
  return exportFileName(`${card.programme.title}进展情况（截至${card.asOf}）`, format);
}
