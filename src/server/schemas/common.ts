import { z } from 'zod';

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const errorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown() })
  .describe('Every error: a code, a message (Chinese first, then English) and details.');
export const versionField = z.number().int().min(1).describe('The version you last saw; a stale one gets 409.');

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

export const noContent = z.null().describe('No content');
