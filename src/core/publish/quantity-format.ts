/**
 * Numbers as bulletins print them: 6007套（间）, 27.91万人次, 1.16亿元, 完成率72%.
 * Pure. (src/core/text/quantity.ts reads such numbers; this writes them.)
 */

/** Up to `digits` decimals, trailing zeros trimmed: 1.50 → 1.5, 2.00 → 2. */
function trimmed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

const roundTo = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** A magnitude without its unit: 6007, 1.8万, 1.16亿. */
function magnitude(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs >= 1e8 || roundTo(abs / 1e4, 2) >= 1e4) return `${sign}${trimmed(abs / 1e8, 2)}亿`;
  if (abs >= 1e4) return `${sign}${trimmed(abs / 1e4, 2)}万`;
  return `${sign}${trimmed(abs, 2)}`;
}

/**
 * A quantity in the genre's way: integers without separators below 10,000,
 * N.NN万 from 10,000 and N.NN亿 from 100,000,000 (trailing zeros trimmed). A
 * unit that already counts in 万 (万元, 万人次) moves to 亿 from 10,000 of it:
 * 12000万元 → 1.2亿元; below that it is printed as it is (3822万元, 1000.13万元).
 */
export function formatQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return `${value}${unit}`;
  if (unit.startsWith('万')) {
    const abs = Math.abs(value);
    if (roundTo(abs, 2) >= 1e4) return `${value < 0 ? '-' : ''}${trimmed(abs / 1e4, 2)}亿${unit.slice(1)}`;
    return `${trimmed(value, 2)}${unit}`;
  }
  return `${magnitude(value)}${unit}`;
}

/**
 * A completion rate (actual ÷ target) in percent: 72%, 118%, one decimal below
 * 10% (8.5%). Below 1 it never reads 100%: 0.996 prints 99%.
 */
export function formatRate(rate: number): string {
  const percent = rate * 100;
  if (Math.abs(percent) < 10) {
    const text = trimmed(percent, 1);
    return `${text === '-0' ? '0' : text}%`;
  }
  let rounded = Math.round(percent);
  if (rate < 1 && rounded >= 100) rounded = 99;
  return `${rounded}%`;
}
