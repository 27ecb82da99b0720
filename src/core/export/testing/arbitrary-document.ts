import fc from 'fast-check';
import type {
  InterchangeCategory,
  InterchangeIndicator,
  InterchangeItem,
  InterchangeMilestone,
  ProgrammeDocument,
} from '../../interchange.js';
import { LIMITS, PROGRAMME_FORMAT } from '../../interchange.js';
import { lastDayOfMonth } from '../../periods.js';

/**
 * Random valid programmes for property tests: Chinese text with the
 * punctuation, digits and oddities real lists carry (full-width forms, quotes,
 * commas, line breaks, "——", an astral character), parts up to the nesting
 * limit, indicators with checkpoints, ordinals null or 1–30.
 */

const CHARS = [
  ...'民心工程教育医疗养老就业道路改造提升建设完成实施区街镇局委办社区学校幼儿园公里个人次万元套间',
  ...'0123456789abcXYZ',
  ...'，。、；：（）“”《》%.,;:()"\'-—·',
  '１',
  '．',
  '\u3000',
  ' ',
  '\n',
  '𠀀',
];

const text = (max: number, min = 0) =>
  fc
    .array(fc.constantFrom(...CHARS), { minLength: min, maxLength: max })
    .map((chars) => chars.join('').trim())
    .filter((s) => s.length >= min);

const name = (max: number) => text(max, 1).map((s) => s.replace(/\n/g, ''));

const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M03', 'M05', 'M07', 'M09', 'M12'] as const;
const periods = (max: number) => fc.uniqueArray(fc.constantFrom(...PERIODS), { maxLength: max });

const number = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  // -0 would come back from JSON as 0.
  fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .map((n) => n + 0),
);

const date = (year: number) => fc.integer({ min: 1, max: 12 }).map((month) => lastDayOfMonth(year, month));

const milestones = (year: number): fc.Arbitrary<InterchangeMilestone[]> =>
  periods(5).chain((ps) =>
    fc.tuple(
      ...ps.map((period) =>
        fc.record({
          period: fc.constant(period),
          text: fc.oneof(text(60), fc.constant('——')),
          dueDate: fc.option(date(year), { nil: undefined }),
        }),
      ),
    ),
  );

const indicator: fc.Arbitrary<InterchangeIndicator> = fc.record(
  {
    name: name(20),
    unit: fc.constantFrom('人', '人次', '个', '公里', '套（间）', '万元', '%', ''),
    target: fc.option(number, { nil: null }),
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
    checkpoints: periods(4).chain((ps) =>
      fc.tuple(...ps.map((p) => number.map((n) => [p, n] as const))).map((pairs) => Object.fromEntries(pairs)),
    ),
  },
  { requiredKeys: ['name', 'unit', 'target'] },
);

const people = (max: number) => fc.uniqueArray(name(6), { maxLength: max });

function item(year: number, depth: number, numberText: fc.Arbitrary<string>): fc.Arbitrary<InterchangeItem> {
  const children: fc.Arbitrary<InterchangeItem[]> =
    depth >= LIMITS.childrenDepth
      ? fc.constant([])
      : fc
          .integer({ min: 0, max: depth === 1 ? 3 : 2 })
          .chain((n) =>
            n === 0
              ? fc.constant([])
              : fc.tuple(...Array.from({ length: n }, (_, i) => item(year, depth + 1, fc.constant(`(${i + 1})`)))),
          );
  return fc
    .record(
      {
        number: numberText,
        name: name(30),
        description: text(120),
        target: text(30),
        units: fc.uniqueArray(name(12), { maxLength: 4 }),
        leadless: fc.boolean(),
        persons: people(5),
        leaders: people(2),
        deadline: fc.option(
          fc.oneof(
            date(year).map((d) => ({ text: `${Number(d.slice(5, 7))}月底`, date: d })),
            fc.constant({ text: '年底前', date: null }),
          ),
          { nil: null },
        ),
        milestones: milestones(year),
        indicators: fc.array(indicator, { maxLength: 2 }),
        children,
      },
      { requiredKeys: ['number', 'name', 'units', 'leadless', 'children'] },
    )
    .map(({ units, leadless, ...rest }) => ({
      ...rest,
      leadUnit: leadless ? null : (units[0] ?? null),
      coUnits: leadless ? units : units.slice(1),
    }));
}

export function arbitraryDocument(): fc.Arbitrary<ProgrammeDocument> {
  return fc.integer({ min: 2000, max: 2100 }).chain((year) =>
    fc.record({
      format: fc.constant(PROGRAMME_FORMAT),
      title: name(40),
      jurisdiction: name(10),
      year: fc.constant(year),
      parent: fc.option(name(40), { nil: null }),
      categories: fc
        .array(
          fc.record({
            ordinal: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
            title: text(20).map((s) => s.replace(/\n/g, '')),
            count: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        )
        .chain((shapes) => {
          let next = 0;
          return fc.tuple(
            ...shapes.map(({ count, ...category }) =>
              fc
                .tuple(...Array.from({ length: count }, () => item(year, 1, fc.constant(String(++next)))))
                .map((items): InterchangeCategory => ({ ...category, items })),
            ),
          );
        }),
    }),
  );
}
