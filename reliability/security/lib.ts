/**
 * What the security suite's files share: the routes the app serves (read from
 * Fastify, never listed by hand), a valid request body for any of them (made
 * from the app's own OpenAPI document, so a route added tomorrow gets one),
 * raw rows of the database, and the figures each file prints.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { App } from '../../src/server/app.js';
import { apiRoutes } from '../../test/helpers/routes.js';
import { SUITE_TODAY } from '../lib.js';

export { apiRoutes };

/** One line of the suite's figures, easy to grep in CI output. */
export function figure(line: string): void {
  console.log(`[security] ${line}`);
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Route {
  method: string;
  /** As registered under /api/v1, e.g. `/items/:id`. */
  path: string;
}

/** Every /api/v1 route as method and path. */
export function routesOf(app: App): Route[] {
  return apiRoutes(app).map((line) => {
    const [method = '', path = ''] = line.split(' ');
    return { method, path };
  });
}

/** The URL of a route with its parameters filled (`:id` with the id, `:period` with a month, `:seq` with 1). */
export function urlOf(path: string, id: number | string = 1): string {
  return `/api/v1${path.replace(':id', String(id)).replace(':period', 'M01').replace(':seq', '1')}`;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  const?: unknown;
};

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** Strings the API's patterns accept, by the pattern's tell-tale part. */
const PATTERNED: [RegExp, string][] = [
  [/Q\[1-4\]/, 'M01'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, SUITE_TODAY],
  [/0-9a-f\]\{64\}/, 'a'.repeat(64)],
  [/A-Za-z0-9\+\/=/, ''],
  [/A-Za-z0-9_/, 'probe'],
];

/** Field names whose value is a date even where the schema does not say so. */
const DATE_FIELDS = new Set(['date', 'replyDue', 'cutoff', 'dueDate']);

function sampleOf(schema: JsonSchema | undefined, doc: OpenApi, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.$ref) {
    const key = schema.$ref.split('/').pop() ?? '';
    return sampleOf(doc.components?.schemas?.[key], doc, name);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((s) => s.type !== 'null') ?? choice[0], doc, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sampleOf(s, doc, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleOf(schema.properties?.[key], doc, key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, doc, name));
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? 1;
      const value = schema.exclusiveMinimum === true ? low + 1 : Math.max(low, 1);
      return Math.min(value, schema.maximum ?? value);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (schema.pattern) {
        const known = PATTERNED.find(([tell]) => tell.test(schema.pattern ?? ''));
        if (known) return known[1];
      }
      if (schema.format === 'date' || DATE_FIELDS.has(name)) return SUITE_TODAY;
      return '探'.repeat(Math.max(schema.minLength ?? 1, 4));
    }
    default:
      return schema.properties ? sampleOf({ ...schema, type: 'object' }, doc, name) : undefined;
  }
}

/**
 * A body the route's schema accepts (required fields only), or undefined for
 * a route that takes none. Made from the OpenAPI document the app publishes.
 */
export function bodyFor(app: App, route: Route): unknown {
  const doc = app.swagger() as unknown as OpenApi;
  const openApiPath = `/api/v1${route.path}`.replace(/:(\w+)/g, '{$1}');
  const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
  const schema = operation?.requestBody?.content?.['application/json']?.schema;
  return schema ? sampleOf(schema, doc) : undefined;
}

/** Rows of a raw SQL query, on PGlite or PostgreSQL alike. */
export async function rows<T = Record<string, unknown>>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function countOf(db: Db, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n ?? 0);
}

/** The status of each response, counted: `{ 403: 120, 404: 12 }`. */
export function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}
