import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { programmeDocumentSchema } from '../interchange.js';
import { documentProblems } from '../validate-document.js';
import { importPastedText, importSource } from './import-document.js';
import type { SourceDocument } from './model.js';
import { PROSE_LIST, VERTICAL_CELLS, WIDE_ROWS } from './testing/fixtures.js';
import { SEEDS_DIR } from './testing/view.js';

/**
 * Mutations of the seed lists and the fictional fixtures: lines dropped,
 * doubled, swapped or cut, tabs and list marks put in or taken out. Whatever
 * comes in, the importer returns a programme that passes the format and its
 * rules, or refuses with an AppError that says why; and it never takes more
 * than a second on one input (this is about hangs, not speed).
 */

/** More runs for a deeper search: MINXIN_FUZZ_RUNS=2000 npx vitest run src/core/import/fuzz. */
const RUNS = Number(process.env.MINXIN_FUZZ_RUNS ?? 60);
const TIMEOUT = Math.max(30_000, RUNS * 200);
const SEEDS = ['jinnan-2024-city-tasks.txt', 'xiqing-2024-district-list.txt', 'hedong-2022-prose-list.txt'];
const seeds = SEEDS.map((name) => path.join(SEEDS_DIR, name))
  .filter((file) => existsSync(file))
  .map((file) => [path.basename(file), readFileSync(file, 'utf8')] as const);
const sources: (readonly [string, string])[] = [
  ['vertical cells fixture', VERTICAL_CELLS],
  ['wide rows fixture', WIDE_ROWS],
  ['prose fixture', PROSE_LIST],
  ...seeds,
];

const MARKS = [
  '\t',
  '\n',
  '\t\t\t',
  '一、',
  '十二、',
  '(1)',
  '（2）',
  '1．',
  '——',
  '---',
  '。',
  '年',
  '2024年',
  '民心工程',
  '12月底',
  ' ',
  '\u3000',
  '[bookmark: x]',
  '序号',
  '责任单位',
  '第一季度',
  '区教育局 张三',
  '\ufeff',
  '9'.repeat(30),
  '抄送：',
];

type Mutation =
  | { kind: 'drop' | 'double' | 'cut'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('drop' as const, 'double' as const, 'cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...MARKS), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'double') lines.splice(i, 0, lines[i] ?? '');
    else if (m.kind === 'cut') lines = lines.slice(0, i + 1);
    else if (m.kind === 'swap') {
      const j = lines.length === 0 ? 0 : m.with % lines.length;
      const a = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = a;
    } else {
      const joined = lines.join('\n');
      const at = joined.length === 0 ? 0 : m.at % joined.length;
      lines = (
        m.kind === 'insert'
          ? joined.slice(0, at) + m.text + joined.slice(at)
          : joined.slice(0, at) + joined.slice(at + (m.kind === 'delete' ? m.length : 0))
      ).split('\n');
    }
  }
  return lines.join('\n');
}

/** One import, timed: a programme that passes, or a refusal that explains. */
function check(run: () => unknown): void {
  const started = performance.now();
  let outcome: unknown;
  try {
    outcome = run();
  } catch (error) {
    outcome = error;
  }
  const elapsed = performance.now() - started;
  expect(elapsed, 'one import took more than a second').toBeLessThan(1000);
  if (outcome instanceof AppError) {
    expect(outcome.code, outcome.message).not.toBe('INTERNAL');
    expect(outcome.message).toMatch(/[\u4e00-\u9fff]/);
    return;
  }
  if (outcome instanceof Error) throw outcome;
  const { document, warnings } = outcome as ReturnType<typeof importPastedText>;
  expect(programmeDocumentSchema.safeParse(document).success).toBe(true);
  expect(documentProblems(document)).toEqual([]);
  expect(document.warnings).toEqual(warnings);
}

describe('the importer under mutation', () => {
  for (const [name, text] of sources) {
    it(
      `never throws anything but AppError, never hangs, on mutations of the ${name}`,
      () => {
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
            check(() => importPastedText(mutate(text, mutations)));
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  }

  it(
    'does the same on arbitrary tables, as .docx and .xlsx readers give them',
    () => {
      const words = fc.constantFrom(
        '大项',
        '序号',
        '项目名称',
        '任务明细',
        '责任单位',
        '责任人',
        '一季度',
        '第四季度',
        '完成时间',
        '分管区领导',
        '一、安居工程',
        '1',
        '(1) 甲',
        '(1) 甲。 (2) 乙。',
        '区教育局 区民政局',
        '张三 李四',
        '——',
        '12月底',
        '完成改造3个。',
        '',
      );
      const cell = fc.oneof(words, fc.constant(null), fc.string({ maxLength: 12 }));
      const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 12 }), { minLength: 0, maxLength: 25 });
      fc.assert(
        fc.property(
          fc.array(table, { minLength: 1, maxLength: 3 }),
          fc.constantFrom('a.xlsx', 'a.docx'),
          (tables, fileName) => {
            const doc: SourceDocument = {
              fileName,
              paragraphs: [{ text: '某区2026年民心工程', place: 'paragraph 1' }],
              tables: tables.map((rows, t) => ({
                name: `table ${t + 1}`,
                rows,
                places: rows.map((r, i) => r.map((_, c) => `table ${t + 1}, row ${i + 1}, column ${c + 1}`)),
              })),
              warnings: [],
            };
            check(() => importSource(doc));
          },
        ),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );
});
