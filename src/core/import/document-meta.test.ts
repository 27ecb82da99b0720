import { describe, expect, it } from 'vitest';
import { readMeta } from './document-meta.js';

const meta = (...lines: string[]) => readMeta(lines.map((text, i) => ({ text, place: `line ${i + 1}` })));

describe('what a list says about itself', () => {
  it('reads jurisdiction and year from the title, spaces from PDF and all', () => {
    expect(meta('明湖区 2026 年 20 项民心工程进度和责任清单')).toEqual({
      title: '明湖区2026年20项民心工程进度和责任清单',
      year: 2026,
      jurisdiction: '明湖区',
      place: 'line 1',
    });
    expect(meta('青石镇2025年民心工程').jurisdiction).toBe('青石镇');
    expect(meta('明湖市2026年民心工程').jurisdiction).toBe('明湖市');
    expect(meta('某省明湖市云溪区2026年民心工程').jurisdiction).toBe('云溪区');
  });

  it('reads the programme a district list carries out', () => {
    expect(meta('明湖市2026年10项民心工程涉及青石区任务清单')).toMatchObject({
      jurisdiction: '青石区',
      year: 2026,
      parent: '明湖市2026年10项民心工程',
    });
  });

  it('prefers the list’s own title to the notice and the preamble that mention it', () => {
    const found = meta(
      '明湖区人民政府办公室关于印发明湖区2026年民心工程任务清单的通知',
      '为落实明湖区2026年民心工程，现将《明湖区2026年民心工程任务清单》印发给你们。',
      '明湖区2026年民心工程任务清单',
    );
    expect(found).toMatchObject({ title: '明湖区2026年民心工程任务清单', place: 'line 3' });
    expect(meta('明湖区人民政府办公室关于印发明湖区2026年民心工程任务清单的通知')).toMatchObject({
      title: '明湖区2026年民心工程任务清单',
      jurisdiction: '明湖区',
    });
  });

  it('says nothing when no line is a title', () => {
    expect(meta('各街道，各委、办、局：', '为办好民心工程，现通知如下。')).toEqual({});
  });
});
