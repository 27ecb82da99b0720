import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as text from './index.js';

/**
 * Assertions on the real published lists in ../shared/seeds, read at run time
 * (their text is not copied into the repository). Set MINXIN_SEEDS to use
 * another folder; without the folder these tests are skipped.
 */
const SEEDS = process.env.MINXIN_SEEDS ?? fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const HAVE_SEEDS = existsSync(join(SEEDS, 'jinnan-2024-city-tasks.txt'));
if (!HAVE_SEEDS) console.info(`seed documents not found in ${SEEDS}: seed-driven text tests skipped`);

const read = (name: string) => readFileSync(join(SEEDS, name), 'utf8').split(/\r?\n/);

/** A row of the vertical-cells list: the cells after item N up to its deadline, then its unit. */
function jinnanRow(lines: string[], n: number) {
  const at = lines.findIndex((l) => l.startsWith(`\t${n}．`));
  const cells: string[] = [];
  let deadline = '';
  let unit = '';
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\t\d{1,2}月底\s*$/.test(line)) {
      deadline = line;
      unit = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
      break;
    }
    if (line.startsWith('\t')) cells.push(line.slice(1));
    else if (line !== '' && cells.length > 0) cells[cells.length - 1] += `\n${line}`;
  }
  const [target = '', Q1 = '', Q2 = '', Q3 = '', Q4 = ''] = cells.slice(-5);
  return { item: lines[at] ?? '', target, quarters: { Q1, Q2, Q3, Q4 }, deadline, unit };
}

describe.skipIf(!HAVE_SEEDS)(`seed: jinnan-2024-city-tasks (vertical cells; skipped without ${SEEDS})`, () => {
  const lines = HAVE_SEEDS ? read('jinnan-2024-city-tasks.txt') : [];

  it('reads the employment item: target and every quarter’s cumulative checkpoint', () => {
    const row = jinnanRow(lines, 1);
    expect(text.parseItemNumber(row.item)).toEqual({ number: '1', rest: '促进高质量充分就业' });
    const indicators = text.extractIndicators(row.target);
    expect(indicators).toEqual([{ name: '城镇新增就业', unit: '人', target: 20000 }]);
    expect(text.extractCheckpoints(row.quarters, indicators)).toEqual({
      checkpoints: [{ Q1: 5000, Q2: 10000, Q3: 15000, Q4: 20000 }],
      warnings: [],
    });
    expect(text.parseDeadline(row.deadline, 2024)).toEqual({ text: '12月底', date: '2024-12-31' });
    expect(text.splitUnits(row.unit)).toEqual(['区人社局']);
  });

  it('reads the indicators and checkpoints the other items commit to', () => {
    const expectations: [number, object[], Record<string, number>[]][] = [
      [9, [{ name: '查体', unit: '人', target: 1600, approx: 'at_least' }], [{ Q2: 1600 }]],
      [12, [{ name: '保障性租赁住房', unit: '套（间）', target: 700 }], [{ Q4: 700 }]],
      [13, [{ name: '改造', unit: '户', target: 5 }], [{ Q4: 5 }]],
      [14, [{ name: '停车泊位', unit: '个', target: 420 }], [{}]],
      [16, [{ name: '改造燃气管道', unit: '公里', target: 8.5 }], [{}]],
      [17, [{ name: '改造供热管道', unit: '公里', target: 8.46 }], [{}]],
      [20, [{ name: '口袋公园提升建设', unit: '个', target: 3 }], [{ Q3: 3 }]],
      [21, [{ name: '提升改造农村公路', unit: '公里', target: 13 }], [{ Q2: 2.499, Q3: 4.332 }]],
      [
        10,
        [
          { name: '机构老年人认知障碍照护专区', unit: '个', target: 1 },
          { name: '智慧化养老服务综合体', unit: '家', target: 1 },
        ],
        [{}, {}],
      ],
      [
        23,
        [
          { name: '足篮排多功能运动场', unit: '处', target: 3 },
          { name: '户外微场地', unit: '处', target: 4 },
          { name: '室外智能健身房', unit: '处', target: 1 },
        ],
        [{}, {}, {}],
      ],
      [3, [], []],
      [8, [], []],
    ];
    for (const [n, indicators, checkpoints] of expectations) {
      const row = jinnanRow(lines, n);
      const found = text.extractIndicators(row.target);
      expect(found, `item ${n}`).toEqual(indicators);
      expect(text.extractCheckpoints(row.quarters, found).checkpoints, `item ${n}`).toEqual(checkpoints);
    }
  });

  it('warns about quarter numbers that match no indicator, naming the quarter', () => {
    const school = jinnanRow(lines, 2);
    const { warnings } = text.extractCheckpoints(school.quarters, text.extractIndicators(school.target));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^四季度：数量“3360个”未对应任何量化指标/);
    const road = jinnanRow(lines, 21);
    const roadWarnings = text.extractCheckpoints(road.quarters, text.extractIndicators(road.target)).warnings;
    expect(roadWarnings.map((w) => w.slice(0, 3))).toEqual(['一季度', '三季度']);
    const market = jinnanRow(lines, 15);
    const marketIndicators = text.extractIndicators(market.target);
    expect(marketIndicators).toEqual([{ name: '公建配套菜市场', unit: '处', target: 2 }]);
    // "将2处…移交" hands the markets over; it is not a checkpoint of their building
    expect(text.extractCheckpoints(market.quarters, marketIndicators).checkpoints).toEqual([{}]);
  });

  it('reads every deadline and lead unit', () => {
    const deadlines = [
      12, 9, 12, 12, 3, 12, 12, 11, 7, 12, 12, 12, 12, 12, 12, 12, 9, 9, 10, 10, 12, 12, 12, 12, 10, 11,
    ];
    const units = [
      '区人社局',
      '区教育局',
      '区卫生健康委',
      '区红十字会',
      '区医疗保障局',
      '区总工会',
      '区总工会',
      '区民政局',
    ];
    deadlines.forEach((month, i) => {
      const row = jinnanRow(lines, i + 1);
      expect(text.parseItemNumber(row.item)?.number).toBe(String(i + 1));
      const expected = `2024-${String(month).padStart(2, '0')}-${month === 9 || month === 11 ? 30 : 31}`;
      expect(text.parseDeadline(row.deadline, 2024)?.date, `item ${i + 1}`).toBe(expected);
      const unit = units[i];
      if (unit) expect(text.splitUnits(row.unit)).toEqual([unit]);
    });
  });

  it('reads the category headings through bookmarks and stray line breaks', () => {
    const headings = lines
      .map((line, i) => (line.trim() === '。' ? `${lines[i - 1]}\n。` : line))
      .map((line) => text.parseOrdinal(line))
      .filter((h) => h !== null);
    expect(headings).toContainEqual({ ordinal: 10, rest: '商业便民工程' });
    expect(headings).toContainEqual({ ordinal: 8, rest: '惠民安居工程' });
    expect(headings).toContainEqual({ ordinal: 12, rest: '燃气供热工程' });
    expect(headings).toContainEqual({ ordinal: 1, rest: '就业保障工程' });
    const quarters = lines.map((l) => text.quarterOfHeader(l)).filter((q) => q !== null);
    expect(quarters).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
  });
});

describe.skipIf(!HAVE_SEEDS)(`seed: xiqing-2024-district-list (wide rows; skipped without ${SEEDS})`, () => {
  const rows = HAVE_SEEDS
    ? read('xiqing-2024-district-list.txt')
        .filter((l) => l.includes('\t'))
        .map((l) => l.split('\t'))
    : [];
  const row = (n: string) => rows.find((r) => r[1] === n) ?? [];
  const rowHolding = (cell: string) => rows.find((r) => r.includes(cell)) ?? [];
  const quarters = (r: string[], from = 6) => ({
    Q1: r[from] ?? '',
    Q2: r[from + 1] ?? '',
    Q3: r[from + 2] ?? '',
    Q4: r[from + 3] ?? '',
  });

  it('reads the headers and the twenty categories, spaces removed', () => {
    expect(rows[1]?.slice(6, 10).map((h) => text.quarterOfHeader(h))).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    const categories = rows.map((r) => text.parseOrdinal(r[0] ?? '')).filter((c) => c !== null);
    expect(new Set(categories.map((c) => c.ordinal))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1)));
    expect(categories[0]).toEqual({ ordinal: 1, rest: '增加教育资源配置' });
    expect(categories).toContainEqual({ ordinal: 15, rest: '助力实现双碳目标' });
    expect(categories.at(-1)).toEqual({ ordinal: 20, rest: '支持群众健身运动' });
  });

  it('joins words that PDF extraction split', () => {
    expect(text.normalizeText(row('4')[2] ?? '')).toBe('提升教育教学环境');
    expect(text.normalizeText(row('6')[2] ?? '')).toBe('实施老旧小区改造工程');
  });

  it('splits units and people and aligns them', () => {
    expect(text.splitUnits(row('2')[4] ?? '')).toEqual(['张家窝镇', '区教育局']);
    expect(text.splitPersons(row('2')[5] ?? '')).toEqual(['赵林', '李伟志']);
    expect(text.splitPersons(row('34')[5] ?? '')).toEqual(['潘崢']);
    const lighting = rowHolding('区住建委 区城管委 杨柳青镇 中北镇 张家窝镇 李七庄街');
    const at = lighting.indexOf('区住建委 区城管委 杨柳青镇 中北镇 张家窝镇 李七庄街');
    const units = text.splitUnits(lighting[at] ?? '');
    const persons = text.splitPersons(lighting[at + 1] ?? '');
    expect(persons).toEqual(['赵雪原', '李德成', '高庆锡', '杨静', '赵林', '王超']);
    expect(text.alignPersons(units, persons).warnings).toEqual([]);
    const roads = row('25');
    const aligned = text.alignPersons(text.splitUnits(roads[4] ?? ''), text.splitPersons(roads[5] ?? ''));
    expect(aligned.persons).toEqual(['赵雪原', '高庆锡']);
    expect(aligned.warnings[0]).toMatch(/^责任人2名、实施单位4个，以下单位未写责任人：精武镇、大寺镇/);
    expect(text.alignPersons(text.splitUnits(row('31')[4] ?? ''), ['杨万松']).warnings).toEqual([]);
  });

  it('reads the employment and training item, quarter by quarter', () => {
    const r = row('13');
    const indicators = text.extractIndicators(r[3] ?? '');
    expect(indicators).toEqual([
      { name: '新增就业', unit: '人', target: 23000 },
      { name: '职业技能培训', unit: '人次', target: 10000 },
    ]);
    expect(text.extractCheckpoints(quarters(r), indicators)).toEqual({
      checkpoints: [
        { Q1: 4600, Q2: 11000, Q3: 16000, Q4: 23000 },
        { Q1: 800, Q2: 5000, Q3: 7500, Q4: 10000 },
      ],
      warnings: [],
    });
  });

  it('reads percentage targets, estimates and descriptions as the rules say', () => {
    const tcm = row('8');
    const indicators = text.extractIndicators(tcm[3] ?? '');
    expect(indicators.map((i) => [i.unit, i.target, i.approx])).toEqual([
      ['%', 100, undefined],
      ['%', 50, 'at_least'],
    ]);
    expect(text.extractCheckpoints(quarters(tcm), indicators).checkpoints).toEqual([
      { Q2: 50, Q3: 75, Q4: 100 },
      { Q2: 25, Q3: 40, Q4: 50 },
    ]);
    expect(text.extractIndicators(row('1')[3] ?? '')).toEqual([]);
    expect(text.extractIndicators(row('5')[3] ?? '')).toEqual([
      { name: '床位', unit: '张', target: 150, approx: 'at_least' },
    ]);
    const shows = row('31');
    const showIndicators = text.extractIndicators(shows[3] ?? '');
    expect(showIndicators).toEqual([{ name: '演出', unit: '场', target: 100 }]);
    expect(text.extractCheckpoints(quarters(shows), showIndicators).checkpoints).toEqual([{ Q2: 20, Q3: 60 }]);
  });

  it('reads an item written in parts part by part', () => {
    const r = row('27');
    const indicators = text.extractIndicatorsByPart(r[3] ?? '');
    expect(indicators.map((i) => `${i.part}${i.name}${i.target}${i.unit}`)).toEqual([
      '(1)新能源汽车充电桩30个',
      '(1)电动自行车充电位350个',
      '(1)充电柜2台',
      '(2)电动自行车充电车位110个',
      '(2)充电柜33台',
      '(3)电动自行车充电车位464个',
    ]);
    const { checkpoints, warnings } = text.extractCheckpoints(quarters(r), indicators);
    expect(checkpoints[4]).toEqual({ Q2: 11, Q3: 22, Q4: 33 });
    // 65, 22, 22, 22 neither accumulates nor sums to 110: not used, and said so
    expect(checkpoints[3]).toEqual({});
    expect(warnings.some((w) => w.includes('65、22、22、22'))).toBe(true);
  });

  it('knows the no-work cells', () => {
    expect(text.isNoWork(row('1')[9] ?? '')).toBe(true);
    expect(text.isNoWork(row('4')[9] ?? '')).toBe(true);
    expect(text.isNoWork(row('1')[8] ?? '')).toBe(false);
  });
});

describe.skipIf(!HAVE_SEEDS)(`seed: hedong-2022-prose-list (prose; skipped without ${SEEDS})`, () => {
  const lines = HAVE_SEEDS ? read('hedong-2022-prose-list.txt') : [];
  const items = lines.map((l) => text.parseOrdinal(l)).filter((i) => i !== null);
  const item = (n: number) => items.find((i) => i.ordinal === n)?.rest ?? '';

  it('finds twenty items and not the preamble or the signature', () => {
    expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(items[0]?.rest.startsWith('完善社区养老服务。')).toBe(true);
    const rest = lines.filter((l) => l.trim() !== '' && text.parseOrdinal(l) === null);
    expect(rest.every((l) => text.parseItemNumber(l) === null)).toBe(true);
  });

  it('reads the indicators of the prose items', () => {
    expect(text.extractIndicators(item(1))).toEqual([
      { name: '养老服务综合体', unit: '个', target: 8 },
      { name: '家庭养老床位', unit: '张', target: 200 },
      { name: '示范基层慢病管理中心', unit: '家', target: 1 },
    ]);
    expect(text.extractIndicators(item(5))).toEqual([
      { name: '新增就业', unit: '人', target: 16500, approx: 'at_least' },
    ]);
    expect(text.extractIndicators(item(7))).toEqual([{ name: '入户医疗护理服务', unit: '人次', target: 12000 }]);
    expect(text.extractIndicators(item(10))).toEqual([{ name: '残疾人家庭', unit: '户', target: 240 }]);
    expect(text.extractIndicators(item(17)).map((i) => i.name)).toEqual(['社区体育园', '健身步道', '笼式足球场']);
    // rates, a range (0.3至5万元) and a qualifying amount (超过3万元的) are not targets
    expect(text.extractIndicators(item(6))).toEqual([]);
    expect(text.extractIndicators(item(11))).toEqual([]);
    expect(text.extractIndicators(item(3))).toEqual([]);
  });
});

describe.skipIf(!HAVE_SEEDS)(
  `seed: tianjin-2022-q1-bulletin (traditional with pinyin; skipped without ${SEEDS})`,
  () => {
    it('drops the pinyin annotations', () => {
      const raw = read('tianjin-2022-q1-bulletin-traditional-pinyin.txt').join('\n');
      expect(raw).toMatch(/\(xiàng\)/);
      expect(text.normalizeText(raw.slice(0, 5000))).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/);
    });
  },
);
