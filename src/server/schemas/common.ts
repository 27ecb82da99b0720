import { z } from 'zod';

/**
 * Ids are PostgreSQL `integer`s. A value past that range is refused here, by
 * the schema and in words, rather than reaching the database and coming back
 * as a data exception.
 */
export const MAX_ID = 2_147_483_647;
const ID_MESSAGE = `编号应为 1 到 ${MAX_ID} 之间的整数 (an id is a whole number from 1 to ${MAX_ID})`;
const idChecks = { message: ID_MESSAGE };

/** An id in a JSON body. */
export const idField = z.number(idChecks).int(idChecks).positive(idChecks).max(MAX_ID, idChecks);
/** An id in a path or a query string (text, coerced). */
export const idQuery = z.coerce.number(idChecks).int(idChecks).positive(idChecks).max(MAX_ID, idChecks);

export const idParams = z.object({ id: idQuery });
export const errorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown() })
  .describe('Every error: a code, a message (Chinese first, then English) and details.');
export const versionField = z
  .number()
  .int()
  .min(1)
  .max(MAX_ID, { message: `版本号最大为 ${MAX_ID} (version: at most ${MAX_ID})` })
  .describe('The version you last saw; a stale one gets 409.');

const name = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${zh}不能为空 (${en} is required)` })
    .max(max, { message: `${zh}最多 ${max} 字 (${en}: at most ${max} characters)` });
export const nameField = name;

/** The error responses a route can give, for the OpenAPI document. */
export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

/** …and of a route whose file is read on the import pool (src/server/workers): too large or complex, or the queue full. */
export const importErrors = { ...errors, 413: errorSchema, 503: errorSchema } as const;

export const noContent = z.null().describe('No content');
