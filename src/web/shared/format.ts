import type { TFunction } from 'i18next';
import type { Deadline } from '../api/types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 19 → 十九, 20 → 二十, 105 → 一百零五; as category numbers are written. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10_000) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  let out = '';
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit > 0) {
      if (pendingZero) out += '零';
      out += `${DIGITS[digit]}${name}`;
      pendingZero = false;
    } else if (out) {
      pendingZero = true;
    }
  }
  if (rest > 0) out += `${pendingZero ? '零' : ''}${DIGITS[rest]}`;
  return out;
}

/** The heading of a category: 三、民生保障 (or just the title when it has no number). */
export function categoryHeading(ordinal: number | null, title: string): string {
  return ordinal === null ? title : `${chineseNumeral(ordinal)}、${title}`;
}

export const PERIODS: readonly string[] = [
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
];

/** Q2 → 二季度, M03 → 3月 (or their English labels). */
export function periodLabel(t: TFunction, period: string): string {
  switch (period) {
    case 'Q1':
    case 'Q2':
    case 'Q3':
    case 'Q4':
      return t(`periods.${period}`);
  }
  const month = /^M(\d{2})$/.exec(period)?.[1];
  return month ? t('periods.month', { month: Number(month) }) : period;
}

export function deadlineLabel(deadline: Deadline | null | undefined): string {
  if (!deadline) return '';
  if (deadline.text && deadline.date) return `${deadline.text}（${deadline.date}）`;
  return deadline.text || deadline.date || '';
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
