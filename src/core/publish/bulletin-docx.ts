import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { A4, fonts, MARGIN } from '../export/notice-docx.js';
import { bulletinBlocks, bulletinMetaLine, type RenderableBulletin } from './bulletin-render.js';

/**
 * A bulletin as a .docx in the usual official layout (公文): A4 with the
 * official margins, the title in 方正小标宋简体 二号 centred, the source and
 * date under it, section headings in 黑体 三号, the body in 仿宋_GB2312 三号
 * with a first-line indent of two characters and a fixed line spacing of
 * 28 pt, page numbers “— N —” at the foot. Pure: bulletin in, bytes out.
 */

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const PAGE_NUMBER_SIZE = 28;
/** Twips: a fixed 28 pt line; two characters of 三号 (2 × 16 pt). */
const LINE = 560;
const TITLE_LINE = 700;
const INDENT = 640;

const body = (text: string, font: (typeof fonts)[keyof typeof fonts] = fonts.body): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: INDENT },
    children: [new TextRun({ text, font, size: BODY_SIZE })],
  });

export async function renderBulletinDocx(b: RenderableBulletin): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: TITLE_LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: b.title, font: fonts.title, size: TITLE_SIZE })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: LINE, line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: bulletinMetaLine(b), font: fonts.body, size: BODY_SIZE })],
    }),
  ];
  for (const block of bulletinBlocks(b))
    children.push(body(block.text, block.kind === 'heading' ? fonts.label : fonts.body));
  const document = new Document({
    creator: 'Minxin',
    title: b.title,
    styles: { default: { document: { run: { font: fonts.body, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGIN, header: 851, footer: 992 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts.body, size: PAGE_NUMBER_SIZE }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
