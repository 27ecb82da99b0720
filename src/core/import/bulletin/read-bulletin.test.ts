import { describe, expect, it } from 'vitest';
import { readBulletin } from './read-bulletin.js';

const TONE_LETTER = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

// A city bulletin reposted in traditional characters with pinyin, typed for the test.
const CITY_HANT = [
  '北海市：今年3項(xiàng)民心工程二季度進(jìn)展情況公布',
  '7月10日，市民心工程辦公室通報(bào)進(jìn)展。截至6月底，“新建社區(qū)食堂”工作已完成，其餘項目正在持續推進中。',
  '據介紹，上半年各區積極推進。在改善居民生活方面，一是提升養(yǎng)老服務。新建社區食堂5處；改造老舊小區12個。二是方便群眾出行。新增公交線路3條，方便群眾的(de)出行。',
  '在加強衞生健康方面，一是建設基層門(急)診。已建成門(急)診2個（含改擴建1個）。（記者 張三）',
  '版權聲明：凡注明來源的作品，版權歸原作者所有。',
  '- 另一條新聞的鏈接',
].join('\n');

// A district report card typed for the test: headings `NN  title`, one paragraph per item.
const DISTRICT = [
  '适老版 关爱版',
  '',
  '明湖区上半年民心工程“成绩单”出炉！',
  '',
  '来源：明湖发布 发布时间：2030-07-10 09:00',
  '',
  '截至2030年6月底，1个子项已完成，其余2个子项正在加快推进！',
  '',
  '01  养老服务暖心工程',
  '',
  '新建社区食堂3处。目前，已建成社区食堂2处，累计服务老人1200人次。',
  '',
  '改造老旧小区12个。该项目已完成。12个小区全部完工。',
  '',
  '02\u00a0 出行便利工程',
  '',
  '新增公交线路3条。目前，已开通公交线路2条，第3条正在',
  '试运行。',
  '',
  '明湖区将持续为百姓办实事！',
  '',
  '分享到：',
  '返回顶部',
].join('\n');

describe('readBulletin on a traditional city bulletin with pinyin', () => {
  const read = readBulletin(CITY_HANT);

  it('finds script, genre, headline and cut-off', () => {
    expect(read.script).toBe('hant');
    expect(read.genre).toBe('city');
    expect(read.title).toBe('北海市：今年3项民心工程二季度进展情况公布');
    expect(read.cutoff).toEqual({ month: 6 });
  });

  it('strips pinyin (toned and neutral) and converts to simplified, keeping 门(急)诊 and (含…)', () => {
    const all = [read.title ?? '', ...read.paragraphs.map((p) => p.text)].join('\n');
    expect(all).not.toMatch(TONE_LETTER);
    expect(all).not.toContain('(de)');
    expect(all).not.toMatch(/[項進況區養衞診]/);
    expect(all).toContain('门(急)诊');
    expect(all).toContain('（含改扩建1个）');
    expect(all).toContain('群众的出行');
  });

  it('splits the themes at 一是/二是, then at ；, each fact one paragraph with its theme', () => {
    expect(read.paragraphs.map((p) => [p.position, p.category ?? null, p.text])).toEqual([
      [0, null, '7月10日，市民心工程办公室通报进展。截至6月底，“新建社区食堂”工作已完成，其余项目正在持续推进中。'],
      [1, null, '据介绍，上半年各区积极推进。'],
      [2, '改善居民生活', '新建社区食堂5处。'],
      [3, '改善居民生活', '改造老旧小区12个。'],
      [4, '改善居民生活', '新增公交线路3条，方便群众的出行。'],
      [5, '加强卫生健康', '已建成门(急)诊2个（含改扩建1个）。'],
    ]);
  });

  it('stops at the byline and lists what it dropped', () => {
    expect(read.dropped).toEqual([
      '（记者张三）',
      '版权声明：凡注明来源的作品，版权归原作者所有。',
      '- 另一条新闻的链接',
    ]);
  });
});

describe('readBulletin on a district report card', () => {
  const read = readBulletin(DISTRICT);

  it('finds genre, headline and a cut-off with its year', () => {
    expect(read.script).toBe('hans');
    expect(read.genre).toBe('district');
    expect(read.title).toBe('明湖区上半年民心工程“成绩单”出炉！');
    expect(read.cutoff).toEqual({ year: 2030, month: 6 });
  });

  it('gives one paragraph per item under its heading, joining a line broken mid-sentence', () => {
    expect(read.paragraphs.map((p) => [p.category ?? null, p.text])).toEqual([
      [null, '截至2030年6月底，1个子项已完成，其余2个子项正在加快推进！'],
      ['养老服务暖心工程', '新建社区食堂3处。目前，已建成社区食堂2处，累计服务老人1200人次。'],
      ['养老服务暖心工程', '改造老旧小区12个。该项目已完成。12个小区全部完工。'],
      ['出行便利工程', '新增公交线路3条。目前，已开通公交线路2条，第3条正在试运行。'],
      ['出行便利工程', '明湖区将持续为百姓办实事！'],
    ]);
    expect(read.paragraphs.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops page furniture', () => {
    expect(read.dropped).toEqual(['适老版关爱版', '来源：明湖发布发布时间：2030-07-10 09:00', '分享到：', '返回顶部']);
  });
});

describe('readBulletin edge cases', () => {
  it('reads a cut-off given as a day', () => {
    expect(readBulletin('截至3月31日，全部开工。').cutoff).toEqual({ month: 3, day: 31 });
    expect(readBulletin('截止三月底，全部开工。').cutoff).toEqual({ month: 3 });
    expect(readBulletin('全部开工。').cutoff).toBeUndefined();
  });

  it('accepts anything without throwing', () => {
    expect(readBulletin('')).toEqual({ script: 'hans', genre: 'city', paragraphs: [], dropped: [] });
    expect(readBulletin(undefined as unknown as string).paragraphs).toEqual([]);
    expect(readBulletin('一是。二是；三是').paragraphs).toEqual([]);
    expect(readBulletin('01  \n\n02  ').genre).toBe('city');
  });
});
