import { describe, expect, it } from 'vitest';
import type { CardItem, ReportCard } from '../publish/report-card.js';
import { indicatorText, reportCardToCsv, STATUS_CSV_HEADERS, statusFileName } from './status-csv.js';

const item = (overrides: Partial<CardItem>): CardItem => ({
  id: 1,
  number: '1',
  name: '新建公办幼儿园',
  commitment: '新建公办幼儿园3所。',
  status: 'on_track',
  statusLabel: '正常推进',
  deadline: '2026-12-31',
  deadlineText: '12月底',
  leadUnit: '区教育局',
  coUnits: ['区住建委'],
  progress: '2所主体完工，1所完成招标。',
  progressPeriod: 'M06',
  percent: 67,
  indicators: [{ indicatorId: 9, name: '新增学位', unit: '个', target: 1620, actual: 800, rate: 800 / 1620 }],
  milestones: [{ period: 'Q2', text: '开工建设', dueDate: null }],
  parts: [],
  ...overrides,
});

const card: ReportCard = {
  programme: { id: 4, title: '明湖区2026年民心工程', year: 2026, jurisdictionId: 2, jurisdictionName: '明湖区' },
  asOf: '2026-07-10',
  headline: { done: 1, rest: 1, total: 2, percent: 84 },
  categories: [
    {
      id: 1,
      ordinal: 3,
      title: '教育',
      percent: 84,
      done: 1,
      total: 2,
      items: [
        item({}),
        item({
          id: 2,
          number: '2',
          name: '改造学校操场, "塑胶"跑道',
          status: 'done',
          statusLabel: '已完成',
          percent: 100,
          progress: '=SUM(A1) 已全部完工',
          progressPeriod: 'Q2',
          indicators: [{ indicatorId: 10, name: '操场', unit: '处', target: 5, actual: null, rate: null }],
          parts: [
            item({
              id: 3,
              number: '(1)',
              name: '东校区',
              leadUnit: null,
              deadline: null,
              deadlineText: null,
              progress: null,
              progressPeriod: null,
              indicators: [],
            }),
          ],
        }),
      ],
    },
    { id: 2, ordinal: null, title: '其他', percent: 0, done: 0, total: 0, items: [] },
  ],
};

/** A small RFC 4180 reader: enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('reportCardToCsv', () => {
  const bytes = reportCardToCsv(card);
  const text = bytes.toString('utf8');

  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('writes one row per item and part with the public fields', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...STATUS_CSV_HEADERS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '三、教育',
      '1',
      '',
      '新建公办幼儿园',
      '正常推进',
      '12月底',
      '区教育局',
      '67',
      '2所主体完工，1所完成招标。',
      '2026年6月',
      '新增学位：800/1620个',
    ]);
    expect(rows[2]?.slice(0, 5)).toEqual(['三、教育', '2', '', '改造学校操场, "塑胶"跑道', '已完成']);
    expect(rows[2]?.[9]).toBe('2026年二季度');
    expect(rows[2]?.[10]).toBe('操场：未报送/5处');
    expect(rows[3]?.slice(0, 4)).toEqual(['三、教育', '2', '(1)', '东校区']);
    expect(rows[3]?.[5]).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[2]?.[8]).toBe("'=SUM(A1) 已全部完工");
  });

  it('leaves out what the public must not see', () => {
    expect(text).not.toContain('区住建委'); // co-units are on the card, not in this table
    expect(text).not.toContain('开工建设');
  });
});

describe('indicatorText and statusFileName', () => {
  it('prints numbers without float noise', () => {
    expect(
      indicatorText({ indicatorId: 1, name: '里程', unit: '公里', target: 1.2, actual: 0.1 + 0.2, rate: null }),
    ).toBe('里程：0.3/1.2公里');
  });

  it('names the file by the title and the date', () => {
    expect(statusFileName(card, 'csv')).toBe('明湖区2026年民心工程进展情况（截至2026-07-10）.csv');
    expect(statusFileName({ ...card, programme: { ...card.programme, title: 'a/b' } }, 'json')).toBe(
      'a_b进展情况（截至2026-07-10）.json',
    );
  });
});
