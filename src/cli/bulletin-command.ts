import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderBulletinDocx } from '../core/publish/bulletin-docx.js';
import { draftBulletin } from '../core/publish/bulletin-draft.js';
import { renderBulletinHtmlDocument, renderBulletinMarkdown } from '../core/publish/bulletin-render.js';
import { isIsoDate, shanghaiToday } from '../core/work/calendar.js';
import { openDatabase } from '../db/client.js';
import { listProgrammeViews } from '../db/repositories/tree.repository.js';
import { loadConfig } from '../server/config.js';
import { loadBulletinData } from '../server/use-cases/publish/draft-bulletin-data.js';
import type { CommandIO } from './import-command.js';

/**
 * `minxin bulletin PROGRAMME --date YYYY-MM-DD --format docx|md|html --out FILE`:
 * drafts the bulletin (进展情况通报 / 成绩单) of a programme at a cut-off from
 * the configured database, as the system (any programme, published or not),
 * and writes it without storing anything. PROGRAMME is an id or an exact
 * title. Exit 0 on success, 1 when the programme is not found, 2 on wrong
 * usage; nothing is written on error.
 */

export const BULLETIN_USAGE = `用法 (usage): minxin bulletin PROGRAMME --date YYYY-MM-DD --format docx|md|html --out FILE

  按截止日期起草民心工程进展情况通报（成绩单），不保存到数据库。
  Drafts the bulletin of a programme at a cut-off date; nothing is stored.
  PROGRAMME             民心工程编号或完整标题 (a programme id or its exact title)
  --date YYYY-MM-DD     数据截止日期，默认今天 (the cut-off; default today, Asia/Shanghai)
  --format docx|md|html 输出格式，默认按 --out 的扩展名，否则 md (default from --out's extension, else md)
  --out FILE            写入文件；md 和 html 可省略而输出到标准输出 (write to FILE; md and html may go to stdout)
  --genre district|city 体裁，默认有区级汇总时为 city (default city when districts serve the programme)`;

export const BULLETIN_FORMATS = ['docx', 'md', 'html'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface BulletinArgs {
  programme: string;
  date: string;
  format: BulletinFormat;
  out: string | undefined;
  genre: 'district' | 'city' | undefined;
}

class UsageError extends Error {}

const isFormat = (value: string): value is BulletinFormat => (BULLETIN_FORMATS as readonly string[]).includes(value);

function parseBulletinArgs(args: string[]): BulletinArgs | 'help' {
  const { values, positionals } = parseArgs({
    args,
    options: {
      date: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      genre: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  const [programme, ...extra] = positionals;
  if (!programme?.trim()) throw new UsageError('需要民心工程编号或标题 (a programme id or title is required)');
  if (extra.length > 0) throw new UsageError(`多余的参数 (unexpected arguments): ${extra.join(' ')}`);
  // MINXIN_TODAY pins the business date of a training installation, as the server does.
  const date = values.date ?? process.env.MINXIN_TODAY ?? shanghaiToday();
  if (!isIsoDate(date))
    throw new UsageError(`日期“${date}”无效，请使用 YYYY-MM-DD，例如 2026-06-30 (invalid date; use YYYY-MM-DD)`);
  const fromExtension = values.out?.toLowerCase().match(/\.(docx|md|html)$/)?.[1];
  const format = values.format ?? fromExtension ?? 'md';
  if (!isFormat(format))
    throw new UsageError(`未知格式“${format}”，可用 docx、md、html (unknown format; use docx, md or html)`);
  if (format === 'docx' && !values.out && process.stdout.isTTY)
    throw new UsageError('docx 是二进制文件，请用 --out 指定文件名 (docx is binary: use --out FILE)');
  const genre = values.genre;
  if (genre !== undefined && genre !== 'district' && genre !== 'city')
    throw new UsageError(`未知体裁“${genre}”，可用 district 或 city (unknown genre; use district or city)`);
  return { programme: programme.trim(), date, format, out: values.out, genre };
}

async function render(format: BulletinFormat, bulletin: Parameters<typeof renderBulletinMarkdown>[0]) {
  if (format === 'docx') return renderBulletinDocx(bulletin);
  const text = format === 'md' ? renderBulletinMarkdown(bulletin) : renderBulletinHtmlDocument(bulletin);
  return new TextEncoder().encode(text);
}

export async function bulletinCommand(args: string[], io: CommandIO = processIO): Promise<number> {
  let parsed: BulletinArgs | 'help';
  try {
    parsed = parseBulletinArgs(args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // node:util's own messages are English only.
    const text = error instanceof UsageError ? message : `参数有误 (invalid arguments): ${message}`;
    io.stderr(`${text}\n\n${BULLETIN_USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout(`${BULLETIN_USAGE}\n`);
    return 0;
  }
  const { programme, date, format, out, genre } = parsed;

  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.MINXIN_DATA_DIR, poolSize: 2 });
  let bytes: Uint8Array;
  let title: string;
  try {
    await database.migrate();
    const views = await listProgrammeViews(database.db);
    const matches = /^\d+$/.test(programme)
      ? views.filter((v) => v.id === Number(programme))
      : views.filter((v) => v.title === programme);
    const [view] = matches;
    if (!view) {
      io.stderr(
        `未找到民心工程“${programme}”，请检查编号或完整标题。 Programme not found: check its id or exact title.\n`,
      );
      return 1;
    }
    if (matches.length > 1) {
      io.stderr(
        `有${matches.length}个民心工程的标题都是“${programme}”，请改用编号：${matches.map((m) => m.id).join('、')}。 Several programmes have this title: use an id.\n`,
      );
      return 2;
    }
    if (Number(date.slice(0, 4)) < view.year) {
      io.stderr(
        `截止日期 ${date} 早于民心工程的年度 ${view.year} 年，请选择该年度内的日期。 The cut-off is before the programme's year.\n`,
      );
      return 2;
    }
    const data = await loadBulletinData(database.db, view.id, date);
    if (!data) {
      io.stderr(`未找到民心工程“${programme}”。 Programme not found.\n`);
      return 1;
    }
    const draft = draftBulletin(data, genre ? { genre } : {});
    title = draft.title;
    bytes = await render(format, { ...draft, cutoff: date, publishedAt: null });
  } finally {
    await database.close();
  }
  if (out) {
    writeFileSync(out, bytes);
    io.stderr(`已生成 (written) ${out}：${title}\n`);
  } else if (format === 'docx') process.stdout.write(bytes);
  else io.stdout(new TextDecoder().decode(bytes));
  return 0;
}
