import { describe, expect, it } from 'vitest';
import { type InterchangeItem, maxDepth, programmeDocumentSchema } from '../../core/interchange.js';
import { comparePeriods, lastDayOfMonth } from '../../core/periods.js';
import { DEMO_LEADER, DEMO_REPORTER_UNIT, demoProgramme } from './demo-programme.js';

/** Every item of the programme, parts included, depth first. */
function allItems(
  items: readonly InterchangeItem[] = demoProgramme.categories.flatMap((c) => c.items),
): InterchangeItem[] {
  return items.flatMap((item) => [item, ...allItems(item.children ?? [])]);
}

const topLevelItems = demoProgramme.categories.flatMap((c) => c.items);

describe('demo programme (fictional 明湖区)', () => {
  it('parses with the interchange schema and is unchanged by parsing', () => {
    const parsed = programmeDocumentSchema.parse(demoProgramme);
    expect(parsed).toEqual(demoProgramme);
    expect(demoProgramme.year).toBe(2026);
    expect(demoProgramme.parent).toBeNull();
  });

  it('has at least 8 categories with increasing ordinals', () => {
    expect(demoProgramme.categories.length).toBeGreaterThanOrEqual(8);
    const ordinals = demoProgramme.categories.map((c) => c.ordinal ?? Number.NaN);
    expect(ordinals[0]).toBe(1);
    expect(ordinals).toEqual([...ordinals].sort((a, b) => a - b));
    expect(new Set(ordinals).size).toBe(ordinals.length);
  });

  it('numbers at least 20 top-level items 1, 2, 3 … continuously across categories', () => {
    expect(topLevelItems.length).toBeGreaterThanOrEqual(20);
    expect(topLevelItems.map((item) => item.number)).toEqual(topLevelItems.map((_, i) => String(i + 1)));
  });

  it('has at least 3 items with (1)(2)(3) parts that carry their own plan', () => {
    const withChildren = topLevelItems.filter((item) => (item.children?.length ?? 0) > 0);
    expect(withChildren.length).toBeGreaterThanOrEqual(3);
    for (const item of withChildren) {
      const children = item.children ?? [];
      expect(children.map((c) => c.number)).toEqual(children.map((_, i) => `(${i + 1})`));
      for (const child of children) {
        expect(child.leadUnit).toBeTruthy();
        expect(child.persons?.length ?? 0).toBeGreaterThan(0);
        expect(child.milestones?.length ?? 0).toBeGreaterThan(0);
      }
    }
    expect(maxDepth(topLevelItems)).toBe(2);
  });

  it('has indicators whose cumulative checkpoints move in their direction and end at the target', () => {
    const indicators = allItems().flatMap((item) => item.indicators ?? []);
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.some((ind) => ind.direction === 'decrease')).toBe(true);
    for (const ind of indicators) {
      const entries = Object.entries(ind.checkpoints ?? {}).sort(([a], [b]) => comparePeriods(a, b));
      expect(entries.length, ind.name).toBeGreaterThan(0);
      const values = entries.map(([, v]) => v);
      const sign = ind.direction === 'decrease' ? -1 : 1;
      values.slice(1).forEach((value, i) => {
        expect(sign * (value - (values[i] ?? value)), `${ind.name} ${entries[i + 1]?.[0]}`).toBeGreaterThanOrEqual(0);
      });
      if (ind.target !== null) {
        if (ind.checkpoints?.Q4 !== undefined) expect(ind.checkpoints.Q4, ind.name).toBe(ind.target);
        expect(values[values.length - 1], ind.name).toBe(ind.target);
      }
    }
  });

  it('names one responsible person per unit, in the order [leadUnit, ...coUnits]', () => {
    for (const item of allItems()) {
      if (item.leadUnit == null) continue;
      expect(item.persons?.length, `item ${item.number} ${item.name}`).toBe(1 + (item.coUnits?.length ?? 0));
    }
  });

  it('gives every item a deadline on the last day of the named month of 2026', () => {
    for (const item of allItems()) {
      const month = Number(/^(\d{1,2})月底$/.exec(item.deadline?.text ?? '')?.[1]);
      expect(month, item.name).toBeGreaterThanOrEqual(1);
      expect(item.deadline?.date, item.name).toBe(lastDayOfMonth(demoProgramme.year, month));
    }
  });

  it('has a demo reporter unit and a demo leader with at least 3 items each', () => {
    const units = (item: InterchangeItem) => [item.leadUnit, ...(item.coUnits ?? [])];
    expect(
      topLevelItems.filter((item) => allItems([item]).some((i) => units(i).includes(DEMO_REPORTER_UNIT))).length,
    ).toBeGreaterThanOrEqual(3);
    expect(topLevelItems.filter((item) => item.leaders?.includes(DEMO_LEADER)).length).toBeGreaterThanOrEqual(3);
  });

  it('copies nothing from the public seed documents', () => {
    const text = JSON.stringify(demoProgramme);
    for (const word of ['西青', '津南', '河东', '天津', '赤龙', '张家窝', '宜业']) {
      expect(text).not.toContain(word);
    }
  });
});
