import { describe, expect, it } from 'vitest';
import { detectScript, stripPinyin, toSimplified } from './script.js';

describe('stripPinyin', () => {
  it('removes toned pinyin after a character, in ASCII or full-width brackets', () => {
    expect(stripPinyin('今年20項(xiàng)民心工程')).toBe('今年20項民心工程');
    expect(stripPinyin('進（jìn）展')).toBe('進展');
    expect(stripPinyin('你好(nǐ hǎo)，朋友')).toBe('你好，朋友');
    expect(stripPinyin('綠(LǛ)色')).toBe('綠色');
  });

  it('removes a neutral-tone syllable only when it reads the character before it', () => {
    expect(stripPinyin('我的(de)家')).toBe('我的家');
    expect(stripPinyin('走了(le)')).toBe('走了');
    expect(stripPinyin('他們(men)說')).toBe('他們說');
    // A toneless word that is not the character's reading is the text's own.
    expect(stripPinyin('使用(app)办理')).toBe('使用(app)办理');
    expect(stripPinyin('家(de)')).toBe('家(de)');
  });

  it('keeps brackets that are part of the text', () => {
    for (const kept of ['门(急)诊报销', '改造(1)东片', '医药费(含自费)', '昌盛路(甲路-乙路)', '套（间）', 'App(de)']) {
      expect(stripPinyin(kept)).toBe(kept);
    }
  });

  it('drops a toned syllable whose opening bracket a bad copy lost', () => {
    expect(stripPinyin('燃?xì)管網')).toBe('燃?管網');
  });
});

describe('toSimplified', () => {
  it('converts character by character, tw then hk', () => {
    expect(toSimplified('著力推進項目')).toBe('着力推进项目');
    expect(toSimplified('著名')).toBe('著名');
    expect(toSimplified('衞生院')).toBe('卫生院');
    expect(toSimplified('臺賬彙編')).toBe('台账汇编');
  });

  it('never rewrites words (no twp)', () => {
    expect(toSimplified('軟體')).toBe('软体');
    expect(toSimplified('計程車')).toBe('计程车');
  });
});

describe('detectScript', () => {
  it('tells traditional from simplified by the characters that change', () => {
    expect(detectScript('民心工程一季度進展情況公布')).toBe('hant');
    expect(detectScript('民心工程一季度进展情况公布')).toBe('hans');
    expect(detectScript('')).toBe('hans');
  });
});
