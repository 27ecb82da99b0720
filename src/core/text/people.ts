import { foldWidth } from './normalize.js';

/**
 * Units and responsible persons as the lists write them: several in one
 * cell, separated by spaces, 、，; or line breaks, with spaces that PDF
 * extraction put inside a name ("区 教育局", "赵 林"). Both functions take the
 * raw cell (not normalizeText's output, which would glue the names together).
 */

/** Endings of a unit's name, longest first. */
const UNIT_ENDINGS = [
  '办公室',
  '指挥部',
  '管委会',
  '委员会',
  '人民政府',
  '政府',
  '中心',
  '公司',
  '集团',
  '街道',
  '单位',
  '部门',
  '银行',
  '局',
  '委',
  '办',
  '院',
  '镇',
  '街',
  '乡',
  '村',
  '处',
  '所',
  '站',
  '队',
  '会',
  '部',
  '厅',
  '室',
  '联',
  '协',
  '社',
  '馆',
  '园',
  '区',
  '组',
  '校',
  '台',
  '团',
  '司',
  '署',
  '行',
];

/** Collective units that name no one: 各街镇, 各镇街, 各有关单位… */
export function isCollectiveUnit(name: string): boolean {
  return name.startsWith('各') || name.startsWith('相关') || name.startsWith('有关');
}

/** Whether a piece can stand as a unit's whole name. */
export function isPlausibleUnit(piece: string): boolean {
  const t = piece.trim();
  if (t.length < 2) return false;
  if (isCollectiveUnit(t)) return true;
  return UNIT_ENDINGS.some((e) => t.endsWith(e) && t.length > e.length);
}

const SEPARATORS = /[\s、，,;；/／|]+/;

function pieces(cell: string): string[] {
  return foldWidth(cell)
    .replace(/[（(](?:牵头|牵头单位|配合|配合单位)[）)]/g, ' ')
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !/^[-—–―/]+$/.test(p))
    .slice(0, 500);
}

/**
 * "区教育局 区财政局", "区住建委、各街镇" → the units in order. A piece that
 * cannot be a unit on its own (no unit ending: "区", "区文化和") is joined to
 * the pieces after it until it can ("区 教育局" → "区教育局"); what remains
 * at the end is kept as it is, never dropped. "（牵头）" marks go.
 */
export function splitUnits(cell: string): string[] {
  const list = pieces(cell);
  const out: string[] = [];
  let buffer = '';
  for (const piece of list) {
    buffer += piece;
    if (isPlausibleUnit(buffer) || buffer.length > 100) {
      out.push(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') out.push(buffer);
  return out;
}

/**
 * "李伟志 王某某", "张三、李四" → the persons in order. A one-character piece
 * joins the piece after it ("赵 林" → "赵林", "孙 明 赵 林" → "孙明",
 * "赵林"; "钱 小东" → "钱小东"), or, when it is last, the one before it if
 * that one has at most two characters ("欧阳 修" → "欧阳修").
 */
export function splitPersons(cell: string): string[] {
  const list = pieces(cell);
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const piece = list[i] ?? '';
    const next = list[i + 1];
    if (Array.from(piece).length === 1 && next !== undefined) {
      out.push(piece + next);
      i++;
    } else if (Array.from(piece).length === 1 && out.length > 0 && Array.from(out[out.length - 1] ?? '').length <= 2) {
      out[out.length - 1] += piece;
    } else {
      out.push(piece);
    }
  }
  return out;
}

/**
 * The lists name persons in the order of the units. When the counts differ
 * the names are kept, in order, and a warning (Chinese first) says which
 * units have no person or which persons have no unit. Collective units
 * (各街镇) name no one and are not counted.
 */
export function alignPersons(units: string[], persons: string[]): { persons: string[]; warnings: string[] } {
  const unitList = Array.isArray(units) ? units.filter((u) => typeof u === 'string') : [];
  const personList = Array.isArray(persons) ? persons.filter((p) => typeof p === 'string') : [];
  const named = unitList.filter((u) => !isCollectiveUnit(u));
  const warnings: string[] = [];
  if (personList.length < named.length) {
    const missing = named.slice(personList.length);
    warnings.push(
      `责任人${personList.length}名、实施单位${named.length}个，以下单位未写责任人：${missing.join('、')} ` +
        `(${personList.length} persons for ${named.length} units; no person named for ${missing.join(', ')})`,
    );
  } else if (personList.length > named.length) {
    const extra = personList.slice(named.length);
    warnings.push(
      `责任人${personList.length}名、实施单位${named.length}个，以下责任人没有对应单位：${extra.join('、')} ` +
        `(${personList.length} persons for ${named.length} units; no unit for ${extra.join(', ')})`,
    );
  }
  return { persons: personList, warnings };
}
