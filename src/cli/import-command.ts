import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.js';
import { type ImportOptions, importFile } from '../core/import/import-document.js';
import { IMPORT_LIMITS } from '../core/import/model.js';
import type { InterchangeItem } from '../core/interchange.js';

/**
 * `minxin import FILE [--year N] [--jurisdiction NAME] [--title TEXT] [--out FILE]`:
 * reads a published list (.docx, .xlsx, .txt) and prints it as
 * minxin.programme/v1. Warnings go to stderr, one per line. Exit 0 on
 * success, 1 when the file cannot be read as a list, 2 on wrong usage.
 */

export const IMPORT_USAGE = `用法 (usage): minxin import FILE [--year N] [--jurisdiction NAME] [--title TEXT] [--out FILE]

  读取民心工程清单（.docx、.xlsx、.txt），输出 minxin.programme/v1 JSON。
  Reads a published list and prints it as minxin.programme/v1 JSON.
  --year N              年度，覆盖文件中的年度 (the year; overrides the file)
  --jurisdiction NAME   所属行政区 (the jurisdiction; overrides the file)
  --title TEXT          标题 (the title; overrides the file)
  --out FILE            写入文件而不是标准输出 (write to FILE instead of stdout)`;

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function countItems(items: readonly InterchangeItem[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children ?? []), 0);
}

function usage(io: CommandIO, message: string): number {
  io.stderr(`${message}\n\n${IMPORT_USAGE}\n`);
  return 2;
}

export async function importCommand(args: string[], io: CommandIO = processIO): Promise<number> {
  let parsed: ReturnType<typeof parseImportArgs>;
  try {
    parsed = parseImportArgs(args);
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (parsed.help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  const { file, options, out } = parsed;
  if (!file) return usage(io, '需要清单文件 (a list file is required)');
  if (options.year !== undefined && (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100)) {
    return usage(io, '--year 应为 2000–2100 之间的年份 (--year must be a year from 2000 to 2100)');
  }

  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > IMPORT_LIMITS.fileBytes) {
      io.stderr(
        `文件超过 ${IMPORT_LIMITS.fileBytes / (1024 * 1024)} MB 的上限，不像一份清单: ${file} (the file is too large for a list)\n`,
      );
      return 1;
    }
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 (no such file)' : String(error);
    io.stderr(`无法读取文件 (cannot read the file) ${file}: ${reason}\n`);
    return 1;
  }

  try {
    const result = await importFile(bytes, basename(file), options);
    const json = `${JSON.stringify(result.document, null, 2)}\n`;
    if (out) writeFileSync(out, json);
    else io.stdout(json);
    for (const w of result.warnings) io.stderr(`${w.where}: ${w.message}\n`);
    const categories = result.document.categories.length;
    const items = result.document.categories.reduce((n, c) => n + c.items.length, 0);
    const parts = result.document.categories.reduce((n, c) => n + countItems(c.items), 0) - items;
    io.stderr(
      `已读取 (read) ${basename(file)} [${result.layout}]：${categories} 个大项 categories，${items} 个子项 items，` +
        `${parts} 个分项 parts，` +
        `${result.warnings.length} 条提示 warnings${out ? `，已写入 written to ${out}` : ''}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function parseImportArgs(args: string[]): { file?: string; options: ImportOptions; out?: string; help: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      jurisdiction: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error(`只能导入一个文件 (one file at a time): ${positionals.join(' ')}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    throw new Error(`--year 应为四位年份 (--year must be a four-digit year): ${values.year}`);
  }
  return {
    ...(positionals[0] ? { file: positionals[0] } : {}),
    options: {
      year: values.year === undefined ? undefined : Number(values.year),
      jurisdiction: values.jurisdiction,
      title: values.title,
    },
    ...(values.out ? { out: values.out } : {}),
    help: values.help === true,
  };
}
