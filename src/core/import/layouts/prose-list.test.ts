import { describe, expect, it } from 'vitest';
import { importPastedText } from '../import-document.js';
import type { SourceParagraph } from '../model.js';
import { PROSE_LIST } from '../testing/fixtures.js';
import { categoryViews, item } from '../testing/view.js';
import { decodeProseList, looksLikeProseList } from './prose-list.js';

const lines = (text: string): SourceParagraph[] =>
  text.split('\n').map((t, i) => ({ text: t, place: `line ${i + 1}` }));

describe('prose list', () => {
  it('takes numbered paragraphs as items and leaves the preamble and signature out', () => {
    const decoded = decodeProseList(lines(PROSE_LIST));
    expect(decoded.items.map((i) => [i.number, i.name, i.description])).toEqual([
      ['1', '改善饮水条件', '新建供水管网5公里。'],
      ['2', '建设文化广场', '在镇区新建文化广场1处。\n配套建设健身器材。'],
      ['3', '开展义诊活动', '全年开展义诊12场次。'],
    ]);
    expect(decoded.before.map((p) => p.place)).toEqual(['line 2', 'line 4']);
    expect(decoded.after.map((p) => p.text)).toEqual(['青石镇人民政府', '2025年1月10日']);
    expect(decoded.warnings.map((w) => w.where)).toEqual(['line 8']);
  });

  it('warns when the numbers skip', () => {
    const decoded = decodeProseList(lines('一、甲项。内容。\n二、乙项。\n四、丁项。'));
    expect(decoded.items.map((i) => i.number)).toEqual(['1', '2', '4']);
    expect(decoded.warnings[0]?.message).toMatch(/^序号不连续/);
  });

  it('needs a 一、 followed by a 二、', () => {
    expect(looksLikeProseList(lines('一、只有一项。'))).toBe(false);
    expect(looksLikeProseList(lines(PROSE_LIST))).toBe(true);
  });

  it('imports a fictional list into one untitled category', () => {
    const result = importPastedText(PROSE_LIST);
    expect(result.layout).toBe('prose-list');
    expect([result.document.title, result.document.jurisdiction, result.document.year]).toEqual([
      '青石镇2025年民心工程',
      '青石镇',
      2025,
    ]);
    const views = categoryViews(result.document);
    expect(views.map((c) => [c.ordinal, c.title])).toEqual([[null, '']]);
    expect(views[0]?.items).toEqual([
      item('1', '改善饮水条件', { indicators: ['供水管网 5公里'] }),
      item('2', '建设文化广场', { indicators: ['文化广场 1处'] }),
      item('3', '开展义诊活动'),
    ]);
  });
});
