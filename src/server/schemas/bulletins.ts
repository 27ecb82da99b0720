import { z } from 'zod';
import { isIsoDate } from '../../core/work/calendar.js';
import { idField, idQuery, versionField } from './common.js';

/** Schemas of bulletins (进展情况通报 / 成绩单): the office's API and the public JSON. */

/** Limits of an edited body: a bulletin is a page or two, not a book. */
export const BULLETIN_LIMITS = {
  title: 200,
  text: 5_000,
  heading: 200,
  sections: 100,
  paragraphs: 200,
} as const;

const text = (max: number, zh: string, en: string) =>
  z.string().max(max, { message: `${zh}最多 ${max} 字 (${en}: at most ${max} characters)` });
const required = (max: number, zh: string, en: string) =>
  text(max, zh, en)
    .trim()
    .min(1, { message: `${zh}不能为空 (${en} is required)` });

export const bulletinGenre = z
  .enum(['district', 'city'])
  .describe('district: 成绩单 with sections 01, 02…; city: 进展情况 with sections 一、二、… and the districts’ sums');

const paragraph = z.strictObject({
  itemId: idField.nullable().describe('The item the paragraph is about; null for free text'),
  text: text(BULLETIN_LIMITS.text, '段落', 'paragraph'),
});

const section = z.strictObject({
  categoryId: idField.nullable(),
  number: text(20, '章节编号', 'section number'),
  heading: text(BULLETIN_LIMITS.heading, '章节标题', 'section heading'),
  paragraphs: z.array(paragraph).max(BULLETIN_LIMITS.paragraphs, {
    message: `每个章节最多 ${BULLETIN_LIMITS.paragraphs} 段 (at most ${BULLETIN_LIMITS.paragraphs} paragraphs a section)`,
  }),
});

/** The text of a bulletin as the office edits it (src/core/publish/bulletin-types.ts: BulletinBody). */
export const bulletinBody = z
  .strictObject({
    genre: bulletinGenre,
    lede: text(BULLETIN_LIMITS.text, '导语', 'lede'),
    sections: z.array(section).max(BULLETIN_LIMITS.sections, {
      message: `最多 ${BULLETIN_LIMITS.sections} 个章节 (at most ${BULLETIN_LIMITS.sections} sections)`,
    }),
    closing: text(BULLETIN_LIMITS.text, '结束语', 'closing'),
    source: text(200, '发布单位', 'source'),
  })
  .refine((body) => body.sections.reduce((n, s) => n + s.paragraphs.length, 0) <= BULLETIN_LIMITS.paragraphs, {
    message: `全文最多 ${BULLETIN_LIMITS.paragraphs} 段 (at most ${BULLETIN_LIMITS.paragraphs} paragraphs in all)`,
  });

const isoDate = z.string().refine(isIsoDate, {
  message: '截止日期格式应为 YYYY-MM-DD，且是真实存在的日期 (a real date as YYYY-MM-DD)',
});

export const bulletinCreate = z.strictObject({
  cutoff: isoDate.describe('截至日期: a day of the programme’s year, not after today'),
  genre: bulletinGenre.optional().describe('Default: city when districts serve the programme’s items'),
});

export const bulletinUpdate = z.strictObject({
  version: versionField,
  title: required(BULLETIN_LIMITS.title, '标题', 'title').optional(),
  body: bulletinBody.optional(),
});

export const bulletinAction = z
  .strictObject({ version: versionField.optional() })
  .nullish()
  .describe('optionally the version you saw (a stale one gets 409)');

const state = z.enum(['draft', 'published']).describe('draft 草稿 (the office only); published 已发布 (frozen)');

const summaryFields = {
  id: z.number(),
  programmeId: z.number(),
  seq: z.number().nullable().describe('1, 2, … per programme, given on publishing'),
  cutoff: z.string(),
  period: z.string().describe('一季度 / 上半年 / 前三季度 / 全年 / 1—5月份'),
  title: z.string(),
  state,
  prevHash: z.string().nullable(),
  hash: z.string().nullable().describe('sha256(prevHash ‖ canonical JSON of the record), hex'),
  publishedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const bodyOut = z
  .object({
    genre: bulletinGenre,
    lede: z.string(),
    sections: z.array(
      z.object({
        categoryId: z.number().nullable(),
        number: z.string(),
        heading: z.string(),
        paragraphs: z.array(z.object({ itemId: z.number().nullable(), text: z.string() })),
      }),
    ),
    closing: z.string(),
    source: z.string(),
  })
  .describe('The text (BulletinBody)');

const dataOut = z
  .object({
    card: z.unknown().describe('The report card at the cut-off (ReportCard)'),
    citySums: z.array(z.unknown()).describe('The districts’ sums of a city programme (BulletinCitySum)'),
  })
  .describe('The facts the text was drawn from (BulletinData), frozen on publishing');

export const bulletinSummary = z.object(summaryFields);
export const bulletinList = z.object({ items: z.array(bulletinSummary) });
export const bulletinOut = z.object({ ...summaryFields, body: bodyOut, data: dataOut });

export const chainOut = z.object({
  ok: z.boolean(),
  count: z.number().describe('Published bulletins checked'),
  brokenAt: z.number().optional().describe('The seq of the first link that does not hold'),
  reason: z.string().optional(),
});

/** The public JSON: published bulletins only, never drafts or who published them. */
const publicFields = {
  programmeId: z.number(),
  seq: z.number(),
  cutoff: z.string(),
  period: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  prevHash: z.string().nullable(),
  hash: z.string(),
};
export const publicBulletinSummary = z.object({ ...publicFields, url: z.string().describe('The public page') });
export const publicBulletinList = z.object({ items: z.array(publicBulletinSummary) });
export const publicBulletinOut = z.object({ ...publicFields, body: bodyOut, data: dataOut });
export const seqParams = z.object({
  id: idQuery,
  seq: z.coerce.number().int().positive().max(2_147_483_647),
});
