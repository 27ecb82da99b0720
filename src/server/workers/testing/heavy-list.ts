import { strToU8, zipSync } from 'fflate';

/**
 * Test support: a Word list table of many rows, in a few hundred KB, that
 * takes seconds of CPU to read (17,812 rows, just under the readers' limits,
 * held the event loop for 2–5 s when read on the request's thread). It is
 * refused in the end (more than 500 items), after all the reading.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string) => `<w:tc>${para(text)}</w:tc>`;
const HEADER = ['序号', '项目名称', '任务明细', '责任单位', '责任人', '完成时间'];
const row = (i: number) =>
  `<w:tr>${[String(i + 1), `新建社区食堂${i}`, '建成3处。', '区民政局', '王小明', '12月底'].map(tc).join('')}</w:tr>`;

export function heavyListDocx(rows = 17_000): Uint8Array {
  const body = `${para('测试区2030年民心工程进度和责任清单')}<w:tbl><w:tr>${HEADER.map(tc).join('')}</w:tr>${Array.from(
    { length: rows },
    (_, i) => row(i),
  ).join('')}</w:tbl>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  });
}
