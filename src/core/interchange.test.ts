import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildProgrammeJsonSchema,
  JSON_SCHEMA_PATH,
  renderProgrammeJsonSchema,
} from '../../scripts/generate-json-schema.js';
import {
  type InterchangeItem,
  itemSchema,
  LIMITS,
  maxDepth,
  PROGRAMME_FORMAT,
  type ProgrammeDocument,
  programmeDocumentSchema,
} from './interchange.js';

const MINIMAL_ITEM: InterchangeItem = {
  number: '1',
  name: '新建一所小学',
  leadUnit: '区教育局',
  coUnits: [],
  persons: ['张三'],
  leaders: ['李四'],
  deadline: { text: '9月底', date: '2026-09-30' },
  milestones: [{ period: 'Q1', text: '完成设计' }],
  indicators: [{ name: '新增学位', unit: '个', target: 900, checkpoints: { Q3: 900, Q4: 900 } }],
};

function minimalDocument(overrides: Partial<ProgrammeDocument> = {}): ProgrammeDocument {
  return {
    format: PROGRAMME_FORMAT,
    title: '某区2026年10项民心工程',
    jurisdiction: '某区',
    year: 2026,
    parent: null,
    categories: [
      {
        ordinal: 1,
        title: '教育',
        items: [MINIMAL_ITEM],
      },
    ],
    ...overrides,
  };
}

function withFirstItem(patch: Partial<InterchangeItem>): unknown {
  return minimalDocument({ categories: [{ ordinal: 1, title: '教育', items: [{ ...MINIMAL_ITEM, ...patch }] }] });
}

function issuePaths(input: unknown): string[] {
  const result = programmeDocumentSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('JSON Schema docs/minxin.programme.v1.schema.json', () => {
  it('is up to date with src/core/interchange.ts (run: node --import tsx scripts/generate-json-schema.ts)', () => {
    // Compared as JSON, not as text, so a formatter run over docs/ does not break it.
    const committed: unknown = JSON.parse(readFileSync(JSON_SCHEMA_PATH, 'utf8'));
    expect(committed).toEqual(buildProgrammeJsonSchema());
  });

  it('describes the recursive item once, under $defs', () => {
    const schema = JSON.parse(renderProgrammeJsonSchema()) as { $defs?: Record<string, unknown> };
    expect(Object.keys(schema.$defs ?? {})).toEqual(['item']);
    expect(renderProgrammeJsonSchema()).toContain('"$ref": "#/$defs/item"');
  });
});

describe('programmeDocumentSchema', () => {
  it('accepts a minimal document', () => {
    expect(programmeDocumentSchema.safeParse(minimalDocument()).success).toBe(true);
  });

  it('rejects a wrong format', () => {
    expect(issuePaths({ ...minimalDocument(), format: 'minxin.programme/v2' })).toEqual(['format']);
    expect(issuePaths({ ...minimalDocument(), format: undefined })).toEqual(['format']);
  });

  it('rejects a period outside Q1–Q4 and M01–M12', () => {
    expect(issuePaths(withFirstItem({ milestones: [{ period: 'Q5', text: '——' }] }))).toEqual([
      'categories.0.items.0.milestones.0.period',
    ]);
    expect(issuePaths(withFirstItem({ milestones: [{ period: 'M13', text: '——' }] }))).toHaveLength(1);
    const badCheckpoint = withFirstItem({
      indicators: [{ name: '学位', unit: '个', target: 1, checkpoints: { Q5: 1 } }],
    });
    expect(issuePaths(badCheckpoint)[0]).toMatch(/^categories\.0\.items\.0\.indicators\.0\.checkpoints/);
  });

  it('accepts months as periods', () => {
    const doc = withFirstItem({ milestones: [{ period: 'M03', text: '完成招标', dueDate: '2026-03-31' }] });
    expect(programmeDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('rejects a date that does not exist', () => {
    expect(issuePaths(withFirstItem({ deadline: { text: '2月底', date: '2026-02-30' } }))).toEqual([
      'categories.0.items.0.deadline.date',
    ]);
    // Not YYYY-MM-DD: refused (zod may report both the pattern and the date check, on the same path).
    expect(new Set(issuePaths(withFirstItem({ deadline: { text: '2月底', date: '2026-2-28' } })))).toEqual(
      new Set(['categories.0.items.0.deadline.date']),
    );
    const leap = withFirstItem({ deadline: { text: '2月底', date: '2028-02-29' } });
    expect(programmeDocumentSchema.safeParse(leap).success).toBe(true);
  });

  it('accepts a deadline without a date and no deadline at all', () => {
    expect(programmeDocumentSchema.safeParse(withFirstItem({ deadline: { text: '年底前', date: null } })).success).toBe(
      true,
    );
    expect(programmeDocumentSchema.safeParse(withFirstItem({ deadline: null })).success).toBe(true);
  });

  it('accepts a list without categories: ordinal null and an empty title', () => {
    const plain = minimalDocument({ categories: [{ ordinal: null, title: '', items: [MINIMAL_ITEM] }] });
    const result = programmeDocumentSchema.safeParse(plain);
    expect(result.success).toBe(true);
    expect(result.data?.categories[0]?.ordinal).toBeNull();
  });

  it('rejects an empty item name and a missing title', () => {
    expect(issuePaths(withFirstItem({ name: '   ' }))).toEqual(['categories.0.items.0.name']);
    expect(issuePaths({ ...minimalDocument(), title: '' })).toEqual(['title']);
  });

  it('trims text', () => {
    const parsed = programmeDocumentSchema.parse(withFirstItem({ name: '  新建一所小学 ' }));
    expect(parsed.categories[0]?.items[0]?.name).toBe('新建一所小学');
  });

  it('validates (1)(2)(3) children with the same item schema', () => {
    const child: InterchangeItem = { number: '(1)', name: '分项', milestones: [{ period: 'Q5', text: 'x' }] };
    expect(issuePaths(withFirstItem({ children: [child] }))).toEqual([
      'categories.0.items.0.children.0.milestones.0.period',
    ]);
    expect(itemSchema.safeParse({ number: '1', name: '项', children: [{ number: '(1)', name: '分项' }] }).success).toBe(
      true,
    );
  });

  it('enforces the limits', () => {
    const tooManyMilestones = Array.from({ length: LIMITS.milestones + 1 }, () => ({ period: 'Q4', text: '——' }));
    expect(issuePaths(withFirstItem({ milestones: tooManyMilestones }))).toHaveLength(1);
    expect(issuePaths({ ...minimalDocument(), title: '题'.repeat(LIMITS.title + 1) })).toEqual(['title']);
  });
});

describe('maxDepth', () => {
  const leaf = (number: string): InterchangeItem => ({ number, name: `项${number}` });
  const nest = (depth: number): InterchangeItem =>
    depth <= 1 ? leaf('1') : { ...leaf(String(depth)), children: [nest(depth - 1)] };

  it('is 0 for no items and 1 for items without children', () => {
    expect(maxDepth([])).toBe(0);
    expect(maxDepth([leaf('1'), leaf('2')])).toBe(1);
  });

  it('counts the deepest (1)(2)(3) nesting', () => {
    expect(maxDepth([leaf('1'), { ...leaf('2'), children: [leaf('(1)'), leaf('(2)')] }])).toBe(2);
    expect(maxDepth([nest(3), leaf('9')])).toBe(3);
    expect(maxDepth([nest(LIMITS.childrenDepth + 1)])).toBeGreaterThan(LIMITS.childrenDepth);
  });

  it('ignores empty children arrays', () => {
    expect(maxDepth([{ ...leaf('1'), children: [] }])).toBe(1);
  });
});
