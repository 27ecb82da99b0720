const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const POWERS = ['', '十', '百', '千'] as const;

/** 0–9999 in the usual reading: 十 (not 一十) at the start, one 零 for any run of zeros. */
function belowTenThousand(n: number, leading: boolean): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const power = 3 - index;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    const isLeadingTen = leading && out === '' && power === 1 && digit === 1;
    out += `${isLeadingTen ? '' : DIGITS[digit]}${POWERS[power]}`;
  });
  return out;
}

/**
 * A non-negative integer in Chinese numerals, as category numbers are printed:
 * 1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 99 → 九十九, 101 → 一百零一, 110 → 一百一十,
 * 10000 → 一万. Refuses what is not an integer from 0 to 99 999 999.
 */
export function formatChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) throw new RangeError(`not a supported numeral: ${n}`);
  if (n === 0) return '零';
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return belowTenThousand(low, true);
  const head = `${belowTenThousand(high, true)}万`;
  if (low === 0) return head;
  // 10 0500 → 十万零五百: a zero is read when the lower group does not fill its thousands.
  return `${head}${low < 1000 ? '零' : ''}${belowTenThousand(low, false)}`;
}
