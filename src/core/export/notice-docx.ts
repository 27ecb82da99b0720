import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * A supervision notice (督办单) printed in the usual layout: a red title, the
 * notice number, a bordered table of what is pressed on whom by when, and the
 * unit's reply below it. Pure: data in, bytes out.
 */
export interface NoticeDocxData {
  /** 明湖区: the title reads 明湖区民心工程督办单. */
  jurisdictionName: string;
  /** 督办〔2026〕第3号 */
  numberText: string;
  /** The item's number and name: 3. 建成明湖区实验小学云溪校区 */
  itemText: string;
  unitName: string;
  reason: string;
  requiredAction: string;
  /** YYYY-MM-DD */
  replyDue: string;
  /** 明湖区民心工程督查室 */
  issuer: string;
  /** YYYY-MM-DD */
  issuedDate: string;
  reply: { text: string; date: string | null } | null;
}

/** 2026-05-09 → 2026年5月9日 */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The rows of the notice table, label and text: what the document prints and its test reads back. */
export function noticeRows(data: NoticeDocxData): [string, string][] {
  return [
    ['督办事项', data.itemText],
    ['承办单位', data.unitName],
    ['督办事由', data.reason],
    ['工作要求', data.requiredAction],
    ['反馈时限', `${chineseDate(data.replyDue)}前`],
    ['督办单位', data.issuer],
    ['签发日期', chineseDate(data.issuedDate)],
  ];
}

/** The notice's number as printed: 督办〔2026〕第3号. */
export const noticeNumberText = (year: number, seq: number): string => `督办〔${year}〕第${seq}号`;

export const noticeTitle = (jurisdictionName: string): string => `${jurisdictionName}民心工程督办单`;

/** A4 portrait in twips, with the margins of official documents (公文: 37 mm top, 28 mm sides). */
export const A4 = { width: 11_906, height: 16_838 };
export const MARGIN = { top: 2_098, bottom: 1_984, left: 1_588, right: 1_474 };
const TABLE_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 1_900;

/** Half-points: 二号 22pt title, 三号 16pt body, 四号 14pt table. */
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const CELL_SIZE = 28;
/** The red of official titles (红头). */
const RED = 'C00000';

/** The fonts of official documents (also used by the bulletin, src/core/publish/bulletin-docx.ts). */
export const fonts = {
  title: { eastAsia: '方正小标宋简体', ascii: '黑体', hAnsi: '黑体', hint: 'eastAsia' },
  label: { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体', hint: 'eastAsia' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' },
} as const;

const line = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const cellMargins = { top: 80, bottom: 80, left: 120, right: 120 };

function textParagraphs(
  text: string,
  options: { font: (typeof fonts)[keyof typeof fonts]; size: number; align?: 'center' | 'left'; indent?: boolean },
): Paragraph[] {
  return text.split('\n').map(
    (part) =>
      new Paragraph({
        alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 400, lineRule: LineRuleType.AT_LEAST },
        ...(options.indent ? { indent: { firstLine: options.size * 20 } } : {}),
        children: part === '' ? [] : [new TextRun({ text: part, font: options.font, size: options.size })],
      }),
  );
}

function row(label: string, text: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        width: { size: LABEL_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: cellMargins,
        children: textParagraphs(label, { font: fonts.label, size: CELL_SIZE, align: 'center' }),
      }),
      new TableCell({
        width: { size: TABLE_WIDTH - LABEL_WIDTH, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        margins: cellMargins,
        children: textParagraphs(text, { font: fonts.body, size: CELL_SIZE }),
      }),
    ],
  });
}

function replySection(reply: NoticeDocxData['reply']): Paragraph[] {
  const heading = new Paragraph({
    spacing: { before: 360, after: 120 },
    children: [new TextRun({ text: '回复情况：', font: fonts.label, size: BODY_SIZE })],
  });
  if (!reply) {
    // Room for the unit to write its reply by hand on the printed copy.
    const blank = () => new Paragraph({ spacing: { before: 0, after: 0, line: 560 }, children: [] });
    return [
      heading,
      ...textParagraphs('（待承办单位回复）', { font: fonts.body, size: BODY_SIZE, indent: true }),
      blank(),
      blank(),
      blank(),
    ];
  }
  return [
    heading,
    ...textParagraphs(reply.text, { font: fonts.body, size: BODY_SIZE, indent: true }),
    ...(reply.date
      ? [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240, after: 0 },
            children: [
              new TextRun({ text: `回复日期：${chineseDate(reply.date)}`, font: fonts.body, size: BODY_SIZE }),
            ],
          }),
        ]
      : []),
  ];
}

/** The notice as a .docx: A4 portrait, red title, number, the bordered table, then the reply. */
export async function noticeToDocx(data: NoticeDocxData): Promise<Buffer> {
  const title = noticeTitle(data.jurisdictionName);
  const document = new Document({
    creator: 'Minxin',
    title: `${title} ${data.numberText}`,
    styles: { default: { document: { run: { font: fonts.body, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 240, line: 700, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: title, font: fonts.title, size: TITLE_SIZE, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 360 },
            children: [new TextRun({ text: data.numberText, font: fonts.body, size: BODY_SIZE })],
          }),
          new Table({
            rows: noticeRows(data).map(([label, text]) => row(label, text)),
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: [LABEL_WIDTH, TABLE_WIDTH - LABEL_WIDTH],
            layout: TableLayoutType.FIXED,
            alignment: AlignmentType.CENTER,
            borders,
          }),
          ...replySection(data.reply),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
