/**
 * The importer's throughput: the seed lists and a synthetic list of about
 * 1 MB through importFile (decode, find the layout, interpret, check),
 * against decoding the same bytes alone (readSource), measured in the same
 * run. Prints MB/s (1 MB = 2^20 bytes, as in IMPORT_LIMITS) per input.
 *
 *   node --import tsx bench/import.ts [--size-mb 1 (at most 2)] [--runs 5] [--check]
 *
 * The seeds are read from MINXIN_SEEDS_DIR, else ../shared/seeds beside the
 * repository (as the seed tests do); without them only the synthetic lists run.
 * --check exits non-zero when the synthetic list imports slower than TARGET_MB_S.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ImportResult, importFile } from '../src/core/import/import-document.js';
import { readSource } from '../src/core/import/readers/read-source.js';
import { fmt, hasFlag, machineLine, median, numberFlag, ROOT, rssMb } from './lib.js';

const TARGET_MB_S = 2;
const MB = 1024 * 1024;
const SEEDS_DIR = process.env.MINXIN_SEEDS_DIR ?? path.resolve(ROOT, '../shared/seeds');
const SEEDS = ['jinnan-2024-city-tasks.txt', 'xiqing-2024-district-list.txt', 'hedong-2022-prose-list.txt'];

interface Input {
  label: string;
  fileName: string;
  bytes: Uint8Array;
  synthetic: boolean;
  /** Items the synthetic list was generated with: the import must find them all. */
  items?: number;
}

// --- The synthetic list: fictional items, the same few sentences with different numbers. ---

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–199 in Chinese numerals, as category ordinals are printed: 十二, 二十, 一百零五. */
function chinese(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    if (rest === 0) return `${DIGITS[Math.floor(n / 100)]}百`;
    return `${DIGITS[Math.floor(n / 100)]}百${rest < 10 ? '零' : rest < 20 ? '一' : ''}${chinese(rest)}`;
  }
  if (n < 10) return DIGITS[n] as string;
  return `${n < 20 ? '' : DIGITS[Math.floor(n / 10)]}十${DIGITS[n % 10]}`;
}

const ITEMS_PER_CATEGORY = 30;
const UNITS = ['明湖区住建委', '明湖区民政局', '明湖区教育局', '明湖区卫健委', '明湖区城管委'];
const PERSONS = ['孙立群', '钱海涛', '周文清', '吴明远', '郑明', '史伟杰'];

/** The cells of item n: category, name, task, Q1–Q4, units, persons, leader. */
function itemCells(n: number) {
  const places = (n % 7) + 2;
  const people = n * 10;
  return {
    category: `第${Math.ceil(n / ITEMS_PER_CATEGORY)}类 民心工程`,
    name: `新建第${n}片区社区服务设施`,
    task: `在第${n}片区新建社区服务设施${places}处，配套建设室外活动场地和无障碍设施，服务居民${people}人。`,
    quarters: [
      '完成选址和方案设计。',
      '累计新建社区服务设施1处。',
      `累计新建社区服务设施${places - 1}处，服务居民${people / 2}人。`,
      `累计新建社区服务设施${places}处，服务居民${people}人。`,
    ],
    units: `${UNITS[n % UNITS.length]} ${UNITS[(n + 2) % UNITS.length]}`,
    persons: `${PERSONS[n % PERSONS.length]} ${PERSONS[(n + 1) % PERSONS.length]}`,
    leader: PERSONS[(n + 3) % PERSONS.length] as string,
  };
}

/** Items are added until the text reaches `size` bytes (UTF-8). */
function generate(size: number, header: string[], rowsOf: (n: number) => string): { text: string; items: number } {
  const parts = [...header];
  let bytes = Buffer.byteLength(parts.join('\n'));
  let n = 0;
  while (bytes < size) {
    n++;
    const rows = rowsOf(n);
    parts.push(rows);
    bytes += Buffer.byteLength(rows) + 1;
  }
  return { text: parts.join('\n'), items: n };
}

/**
 * "Wide rows", the genre of the Xiqing list: a table copied out of Word or a
 * PDF, one tab-separated line per row. (Not "vertical cells": that genre
 * numbers items "1．…" inside the name, and 1–999 is all a list may use.)
 */
function wideRows(size: number): { text: string; items: number } {
  const T = '\t';
  const header = [
    '关于印发明湖区 2030 年民心工程进度和责任清单的通知',
    '',
    '各街道，区政府各委、办、局：现将清单印发给你们，请认真贯彻执行。',
    '',
    '明湖区 2030 年民心工程进度和责任清单',
    [
      '大项',
      '序号',
      '项目名称',
      '任务明细',
      '实施单位（首位牵头）',
      '责任人',
      '时间节点计划',
      '',
      '',
      '',
      '分管 区领导',
    ].join(T),
    ['', '', '', '', '', '', '第一季度', '第二季度', '第三季度', '第四季度', ''].join(T),
  ];
  return generate(size, header, (n) => {
    const c = itemCells(n);
    const category =
      n % ITEMS_PER_CATEGORY === 1 ? `${chinese(Math.ceil(n / ITEMS_PER_CATEGORY))}、 ${c.category}` : '';
    return [category, String(n), c.name, c.task, c.units, c.persons, ...c.quarters, c.leader].join(T);
  });
}

// --- Timing ---

interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

/**
 * Warm up for at least 3 calls and `warmMs`, then time single calls until
 * there are `runs` samples and `measureMs` has passed. Small inputs thus get
 * many samples, the 1 MB one a handful.
 */
async function time(run: () => Promise<unknown>, runs: number, warmMs = 1_000, measureMs = 4_000): Promise<Timing> {
  let started = performance.now();
  for (let n = 0; n < 3 || performance.now() - started < warmMs; n++) await run();
  const samples: number[] = [];
  started = performance.now();
  while (samples.length < runs || performance.now() - started < measureMs) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return {
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samples: samples.length,
  };
}

const mbPerSecond = (bytes: number, ms: number) => bytes / MB / (ms / 1000);

function inputs(sizeBytes: number): Input[] {
  const out: Input[] = [];
  if (!existsSync(SEEDS_DIR)) {
    console.log(`  seeds: ${SEEDS_DIR} is missing (set MINXIN_SEEDS_DIR); the seed lists are skipped.`);
  } else {
    for (const name of SEEDS) {
      const file = path.join(SEEDS_DIR, name);
      if (!existsSync(file)) {
        console.log(`  seeds: ${file} is missing; skipped.`);
        continue;
      }
      out.push({ label: name, fileName: name, bytes: readFileSync(file), synthetic: false });
    }
  }
  const encoder = new TextEncoder();
  const wide = wideRows(sizeBytes);
  out.push({
    label: 'synthetic wide rows',
    fileName: 'synthetic-wide-rows.txt',
    bytes: encoder.encode(wide.text),
    synthetic: true,
    items: wide.items,
  });
  return out;
}

function itemCount(result: ImportResult): number {
  return result.document.categories.reduce((n, c) => n + c.items.length, 0);
}

interface Measured {
  input: Input;
  importMbS: number;
  decodeMbS: number;
}

async function runImportBench(): Promise<Measured[]> {
  const runs = numberFlag('runs', 5);
  const sizeMb = numberFlag('size-mb', 1);
  // 30 items a category: past 2 MB the list would have more categories than the format allows (200).
  if (sizeMb > 2) throw new Error(`--size-mb is at most 2, got ${sizeMb}`);
  const sizeBytes = Math.round(sizeMb * MB);
  console.log('import: importFile (decode + layout + interpret + check) against readSource (decode only), same bytes');
  console.log(`  ${machineLine()}`);
  console.log(
    `  each input: warm-up ≥ 3 calls and ≥ 1 s, then ≥ ${runs} timed calls and ≥ 4 s; median; 1 MB = 2^20 bytes`,
  );
  const list = inputs(sizeBytes);
  const measured: Measured[] = [];
  console.log(
    `  ${'input'.padEnd(30)} ${'size'.padStart(9)}  ${'layout'.padEnd(14)} ${'items'.padStart(5)} ${'warn'.padStart(4)}` +
      `  ${'import MB/s'.padStart(11)} ${'(min–max)'.padStart(13)} ${'first call'.padStart(10)}  ${'decode MB/s'.padStart(11)}  decode share`,
  );
  for (const input of list) {
    // The first call is timed alone: a server imports a list once, JIT-cold for the seeds
    // (the first seed is the first list this process reads).
    const firstStarted = performance.now();
    const result = await importFile(input.bytes, input.fileName);
    const firstMs = performance.now() - firstStarted;
    const items = itemCount(result);
    if (input.items !== undefined && (items !== input.items || result.warnings.length > 0)) {
      throw new Error(
        `${input.label}: generated ${input.items} items, imported ${items} with ${result.warnings.length} warnings ` +
          `(first: ${result.warnings[0]?.message ?? 'none'})`,
      );
    }
    const imported = await time(() => importFile(input.bytes, input.fileName), runs);
    const decoded = await time(() => readSource(input.bytes, input.fileName), runs);
    const size = input.bytes.length;
    const importMbS = mbPerSecond(size, imported.medianMs);
    const decodeMbS = mbPerSecond(size, decoded.medianMs);
    measured.push({ input, importMbS, decodeMbS });
    console.log(
      `  ${input.label.padEnd(30)} ${`${fmt(size / 1024, 1)} KB`.padStart(9)}  ${result.layout.padEnd(14)} ` +
        `${String(items).padStart(5)} ${String(result.warnings.length).padStart(4)}  ${fmt(importMbS, 2).padStart(11)} ` +
        `${`(${fmt(mbPerSecond(size, imported.maxMs), 2)}–${fmt(mbPerSecond(size, imported.minMs), 2)})`.padStart(13)} ` +
        `${`${fmt(firstMs, 0)} ms`.padStart(10)}  ${fmt(decodeMbS, 1).padStart(11)}  ` +
        `${fmt((100 * decoded.medianMs) / imported.medianMs, 1)}% (${imported.samples} calls, ${fmt(imported.medianMs, 1)} ms each)`,
    );
  }
  for (const m of measured.filter((x) => x.input.synthetic)) {
    const met = m.importMbS >= TARGET_MB_S;
    console.log(
      `  ${m.input.label}: ${fmt(m.importMbS, 2)} MB/s (target ≥ ${TARGET_MB_S} MB/s${met ? ', met' : ', MISSED'}); ` +
        `decode share ${fmt((100 * m.importMbS) / m.decodeMbS, 1)}%`,
    );
  }
  console.log(`  bench process RSS after the run: ${fmt(rssMb(process.pid))} MB`);
  return measured;
}

const measured = await runImportBench();
const slow = measured.filter((m) => m.input.synthetic && m.importMbS < TARGET_MB_S);
if (hasFlag('check') && slow.length > 0) {
  for (const m of slow) console.error(`${m.input.label}: ${fmt(m.importMbS, 2)} MB/s is below ${TARGET_MB_S} MB/s`);
  process.exitCode = 1;
}
