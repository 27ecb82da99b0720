import { describe, expect, it } from 'vitest';
import { chineseDate, type NoticeDocxData, noticeToDocx } from './notice-docx.js';
import { readDocxBack } from './testing/read-back.js';

const notice = (overrides: Partial<NoticeDocxData> = {}): NoticeDocxData => ({
  jurisdictionName: '明湖区',
  numberText: '督办〔2026〕第3号',
  itemText: '3. 建成明湖区实验小学云溪校区',
  unitName: '区教育局',
  reason: '二季度末应完成内部装修60%，实报35%。',
  requiredAction: '倒排工期，加派施工力量。\n每周报送一次进度。',
  replyDue: '2026-07-05',
  issuer: '明湖区民心工程督查室',
  issuedDate: '2026-06-28',
  reply: null,
  ...overrides,
});

describe('chineseDate', () => {
  it('writes month and day without leading zeros', () => {
    expect(chineseDate('2026-07-05')).toBe('2026年7月5日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });
});

describe('noticeToDocx', () => {
  it('prints the red title, the number and the bordered table of the notice', async () => {
    const { documentXml, source } = readDocxBack(await noticeToDocx(notice()));
    expect(source.paragraphs[0]?.text).toBe('明湖区民心工程督办单');
    expect(source.paragraphs[1]?.text).toBe('督办〔2026〕第3号');
    expect(documentXml).toContain('<w:color w:val="C00000"/>');
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="黑体"');
    expect(documentXml).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);

    expect(source.tables).toHaveLength(1);
    expect(source.tables[0]?.rows).toEqual([
      ['督办事项', '3. 建成明湖区实验小学云溪校区'],
      ['承办单位', '区教育局'],
      ['督办事由', '二季度末应完成内部装修60%，实报35%。'],
      ['工作要求', '倒排工期，加派施工力量。\n每周报送一次进度。'],
      ['反馈时限', '2026年7月5日前'],
      ['督办单位', '明湖区民心工程督查室'],
      ['签发日期', '2026年6月28日'],
    ]);
    const after = source.paragraphs.slice(2).map((p) => p.text);
    expect(after).toEqual(['回复情况：', '（待承办单位回复）']);
  });

  it('prints the reply and its date below the table once the unit has replied', async () => {
    const { source } = readDocxBack(
      await noticeToDocx(notice({ reply: { text: '已增加两个施工班组。\n7月底前完成装修。', date: '2026-07-03' } })),
    );
    expect(source.paragraphs.slice(2).map((p) => p.text)).toEqual([
      '回复情况：',
      '已增加两个施工班组。',
      '7月底前完成装修。',
      '回复日期：2026年7月3日',
    ]);
  });

  it('keeps characters XML would choke on', async () => {
    const { source } = readDocxBack(await noticeToDocx(notice({ reason: '<紧急> & "限期"' })));
    expect(source.tables[0]?.rows[2]).toEqual(['督办事由', '<紧急> & "限期"']);
  });
});
