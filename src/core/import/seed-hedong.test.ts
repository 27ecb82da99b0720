import { beforeAll, describe, expect, it } from 'vitest';
import { programmeDocumentSchema } from '../interchange.js';
import { documentProblems } from '../validate-document.js';
import { type ImportResult, importFile } from './import-document.js';
import { categoryViews, hasSeeds, item, SEEDS_DIR, seedBytes } from './testing/view.js';

/**
 * 河东区2022年20项民心工程, a "prose list": twenty paragraphs 一、…二十、 under a
 * preamble and over a signature. Written from reading the seed: no
 * categories, so one category with ordinal null and an empty title; no
 * units, people, leaders, deadlines or quarters; the numbers each paragraph
 * commits to as indicators.
 */

const FILE = 'hedong-2022-prose-list.txt';

describe.skipIf(!hasSeeds)(`the Hedong 2022 list (${SEEDS_DIR} missing: seed tests skipped)`, () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importFile(seedBytes(FILE), FILE);
  });

  it('is read as a prose list with title, jurisdiction and year', () => {
    expect(result.layout).toBe('prose-list');
    const doc = result.document;
    expect(doc.title).toBe('河东区2022年20项民心工程');
    expect(doc.jurisdiction).toBe('河东区');
    expect(doc.year).toBe(2022);
    expect(doc.parent ?? null).toBeNull();
    expect(programmeDocumentSchema.safeParse(doc).success).toBe(true);
    expect(documentProblems(doc)).toEqual([]);
  });

  it('has the twenty items in one untitled category; the preamble and signature are no items', () => {
    const categories = categoryViews(result.document);
    expect(categories.map((c) => [c.ordinal, c.title])).toEqual([[null, '']]);
    expect(categories[0]?.items).toEqual([
      item('1', '完善社区养老服务', {
        indicators: ['养老服务综合体 8个', '家庭养老床位 200张', '示范基层慢病管理中心 1家'],
      }),
      item('2', '新增学前教育学位', { indicators: ['学前教育学位 720个'] }),
      // Ambiguous: "在28个社区建设…教育阵地" could be a target of 28; read as a place.
      item('3', '关爱妇女儿童身心健康'),
      item('4', '加大义务教育投入'),
      item('5', '综合施策推动就业', { indicators: ['新增就业 16500人'] }),
      // 提高5个百分点 and 50%、45% are changes and rates of reimbursement, not numbers to reach.
      item('6', '提高社会保障水平'),
      item('7', '优化便民医疗服务', { indicators: ['入户医疗护理服务 12000人次'] }),
      item('8', '改善群众居住条件'),
      item('9', '提升改造老旧管网'),
      item('10', '帮扶特殊困难群体', { indicators: ['残疾人家庭 240户'] }),
      // Ambiguous: "为2000名农民工…开展免费查体" could be a target of 2000 people; read as who is served.
      item('11', '关心困难职工生活'),
      item('12', '建设城市市政道路', { indicators: ['城市道路 3条'] }),
      item('13', '增加停车资源供给', { indicators: ['公共停车泊位 1000个'] }),
      item('14', '完善便民商业配套', { indicators: ['品牌连锁便利店 7个', '提升改造标准化菜市场 1个'] }),
      item('15', '保障居民食品安全', { indicators: ['区级食品安全管理示范店 40家'] }),
      item('16', '建设智慧平安社区'),
      item('17', '新增群众健身场所', { indicators: ['社区体育园 5个', '健身步道 2条', '笼式足球场 2个'] }),
      item('18', '提升公众急救能力', { indicators: ['培训 2000人'] }),
      item('19', '打造生态宜居环境', { indicators: ['安静居住小区 1个', '提升改造口袋公园 2个'] }),
      item('20', '丰富群众文化生活'),
    ]);
  });

  it('keeps the rest of each paragraph as the description', () => {
    const items = result.document.categories[0]?.items ?? [];
    expect(items[0]?.description).toBe(
      '建设养老服务综合体(含嵌入式养老服务机构)8个,开设家庭养老床位200张。推进基层数字健共体建设，实现社区卫生服务站云平台全覆盖，建成1家示范基层慢病管理中心。',
    );
    expect(items[19]?.description).toBe('举办河东区第十一届社区文化艺术节。');
    expect(items.every((i) => !i.leadUnit && !i.deadline && !i.milestones)).toBe(true);
  });

  it('guesses nothing, so warns about nothing', () => {
    expect(result.warnings).toEqual([]);
  });
});
