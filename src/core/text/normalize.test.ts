import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, foldWidth, MAX_INPUT, normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it('folds full-width digits, letters and marks, keeping Chinese brackets and commas', () => {
    expect(normalizeText('１．５万人')).toBe('1.5万人');
    expect(normalizeText('完成率８０％')).toBe('完成率80%');
    expect(normalizeText('ＡＥＤ训练机')).toBe('AED训练机');
    expect(normalizeText('保障房７００套（间）')).toBe('保障房700套（间）');
    expect(normalizeText('甲，乙：丙；丁！')).toBe('甲，乙：丙；丁！');
  });

  it('drops thousands separators but no other comma', () => {
    expect(normalizeText('投入10,000万元')).toBe('投入10000万元');
    expect(normalizeText('投入１，２５０，０００元')).toBe('投入1250000元');
    expect(normalizeText('招生 18 个班,810 名学生')).toBe('招生 18 个班,810 名学生');
    expect(normalizeText('第1,2批')).toBe('第1,2批');
  });

  it('removes spaces that PDF extraction put inside words', () => {
    expect(normalizeText('提升教 育教学 环境')).toBe('提升教育教学环境');
    expect(normalizeText('赵 林')).toBe('赵林');
    expect(normalizeText('一、 增加 教育 资源 配置')).toBe('一、增加教育资源配置');
    expect(normalizeText('进场作业, 完成管网铺设工 作。')).toBe('进场作业,完成管网铺设工作。');
  });

  it('keeps single spaces between numbers, Latin letters and units', () => {
    expect(normalizeText('面积   1.8153 万平米')).toBe('面积 1.8153 万平米');
    expect(normalizeText('(1) 实现新增就业  23000  人。  (2) 开展培训')).toBe(
      '(1) 实现新增就业 23000 人。 (2) 开展培训',
    );
    expect(normalizeText('西青区 2024 年 20 项民心工程')).toBe('西青区 2024 年 20 项民心工程');
  });

  it('removes bookmarks, zero-width characters and pinyin annotations', () => {
    expect(normalizeText('[bookmark: _GoBack]十、便民服务工程。')).toBe('十、便民服务工程。');
    expect(normalizeText('\uFEFF民\u200B心')).toBe('民心');
    expect(normalizeText('第一項(xiàng)已完成，進(jìn)度良好')).toBe('第一項已完成，進度良好');
    expect(normalizeText('应用(app)下载')).toBe('应用(app)下载');
  });

  it('removes line breaks before closing punctuation and folds the others', () => {
    expect(normalizeText('八、安居保障工程\n。')).toBe('八、安居保障工程。');
    expect(normalizeText('办结\n期限')).toBe('办结期限');
    expect(normalizeText('  a\t\tb \r\n c  ')).toBe('a b c');
  });

  it('keeps paragraphs apart on request', () => {
    expect(normalizeText('1．召开会议。\r\n\r\n  2．摸排需求。 \n', { keepLineBreaks: true })).toBe(
      '1.召开会议。\n2.摸排需求。',
    );
  });

  it('is idempotent and never grows the text beyond its bound', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 500 },
    );
  });

  it('truncates input over MAX_INPUT and treats non-strings as empty', () => {
    expect(clip('字'.repeat(MAX_INPUT + 10)).length).toBe(MAX_INPUT);
    expect(normalizeText(undefined as unknown as string)).toBe('');
    expect(normalizeText('  ')).toBe('');
  });
});

describe('foldWidth', () => {
  it('folds widths but keeps the spaces that separate names', () => {
    expect(foldWidth('区教育局\u3000区财政局')).toBe('区教育局 区财政局');
    expect(foldWidth('赵 林')).toBe('赵 林');
  });
});
