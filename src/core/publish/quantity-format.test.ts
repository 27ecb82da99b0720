import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../text/quantity.js';
import { formatQuantity, formatRate } from './quantity-format.js';

describe('formatQuantity', () => {
  it('writes integers below 10,000 without separators', () => {
    expect(formatQuantity(6007, '套（间）')).toBe('6007套（间）');
    expect(formatQuantity(21, '个')).toBe('21个');
    expect(formatQuantity(0, '户')).toBe('0户');
    expect(formatQuantity(9999, '人')).toBe('9999人');
  });

  it('writes N.NN万 from 10,000 and N.NN亿 from 100,000,000, trailing zeros trimmed', () => {
    expect(formatQuantity(10_000, '人')).toBe('1万人');
    expect(formatQuantity(71_700, '个')).toBe('7.17万个');
    expect(formatQuantity(279_100, '人次')).toBe('27.91万人次');
    expect(formatQuantity(18_000, '辆')).toBe('1.8万辆');
    expect(formatQuantity(116_000_000, '元')).toBe('1.16亿元');
    expect(formatQuantity(250_000_000, '元')).toBe('2.5亿元');
    // Rounding up to 10000万 is 1亿, never 10000万.
    expect(formatQuantity(99_999_999, '元')).toBe('1亿元');
    expect(formatQuantity(99_999, '人')).toBe('10万人');
  });

  it('keeps decimals below 10,000 to two places', () => {
    expect(formatQuantity(19.6, '公里')).toBe('19.6公里');
    expect(formatQuantity(2.345, '公里')).toBe('2.35公里');
    expect(formatQuantity(3.5, '万平方米')).toBe('3.5万平方米');
  });

  it('moves money already in 万元 to 亿元 from 10,000 万元', () => {
    expect(formatQuantity(3822, '万元')).toBe('3822万元');
    expect(formatQuantity(1000.13, '万元')).toBe('1000.13万元');
    expect(formatQuantity(11_600, '万元')).toBe('1.16亿元');
    expect(formatQuantity(10_000, '万元')).toBe('1亿元');
    expect(formatQuantity(27.91, '万人次')).toBe('27.91万人次');
  });

  it('reads back as the same quantity within its rounding (the importers read what this writes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (value) => {
        const text = formatQuantity(value, '人');
        expect(text).not.toMatch(/[,，\s]/);
        const read = parseQuantity(text);
        expect(read?.unit).toBe('人');
        const error = Math.abs((read?.value ?? Number.NaN) - value);
        expect(error).toBeLessThanOrEqual(Math.max(0.5, value * 0.0005 + 1e-6));
      }),
    );
  });
});

describe('formatRate', () => {
  it('writes whole percent, one decimal below 10%', () => {
    expect(formatRate(0.72)).toBe('72%');
    expect(formatRate(5119 / 6000)).toBe('85%');
    expect(formatRate(1.18)).toBe('118%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.085)).toBe('8.5%');
    expect(formatRate(0.05)).toBe('5%');
    expect(formatRate(0)).toBe('0%');
  });

  it('never reads 100% before the target is reached', () => {
    expect(formatRate(0.996)).toBe('99%');
    expect(formatRate(0.9949)).toBe('99%');
  });
});
