import fc from 'fast-check';
import { ODD_CHARACTERS, oddString } from './fuzz-kit.js';

/**
 * Request bodies for fuzzing, from the route's own JSON Schema (the OpenAPI
 * document the app serves): mostly the right shape, so validation passes its
 * first checks and the deeper ones (and the handler) get hostile values,
 * mixed with values of the wrong type, huge numbers and strings, deep
 * nesting, prototype keys and wholly random JSON.
 */

export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  $ref?: string;
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const HUGE_NUMBERS = [
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 63),
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  1e21,
  5e-324,
  -0,
  0.1 + 0.2,
];

/** Puts a key on an object as its own property: `{__proto__: …}` would set the prototype instead. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const pollution = fc
  .constantFrom('__proto__', 'constructor', 'prototype')
  .map((key) =>
    withOwnKey({}, key, key === 'constructor' ? { prototype: { isAdmin: true } } : { isAdmin: true, role: 'admin' }),
  );

/** A value that fits almost no schema. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HUGE_NUMBERS),
  oddString(60),
  fc.constantFrom('x'.repeat(20_000), '民'.repeat(6_000), ''),
  fc.integer({ min: 1, max: 400 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
  fc
    .integer({ min: 1, max: 300 })
    .map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => Array(n).fill(1)),
  pollution,
  fc.jsonValue({ maxDepth: 3 }),
);

function resolve(schema: JsonSchema, api: OpenApi): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  return api.components?.schemas?.[name] ?? {};
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const plain = fc.constantFrom('民心工程', '新建社区食堂', '区教育局', '完成改造3个。', 'Q4', 'a');
  const options: fc.Arbitrary<string>[] = [
    // A plain value with one odd character in it: passes the length checks, reaches the database.
    fc
      .tuple(plain, fc.constantFrom(...ODD_CHARACTERS), fc.nat())
      .map(([text, odd, at]) => text.slice(0, at % (text.length + 1)) + odd + text.slice(at % (text.length + 1))),
    plain,
    oddString(Math.min(schema.maxLength ?? 40, 40)),
    fc.string({ maxLength: 20 }),
  ];
  if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)));
      options.push(fc.stringMatching(new RegExp(schema.pattern)));
    } catch {
      // A pattern the JavaScript engine does not take: the other strings do.
    }
  }
  if (schema.format === 'date' || schema.format === 'date-time')
    options.push(fc.constantFrom('2026-11-22', '2026-02-30', '0000-00-00', '2026-11-22T25:61:00Z', '9999-12-31'));
  // One past the limit; limits of megabytes are left to the raw payloads past the body limit.
  if (schema.maxLength !== undefined && schema.maxLength < 100_000)
    options.push(fc.constant('长'.repeat(schema.maxLength + 1)));
  return fc.oneof(...options);
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = Math.min(schema.maximum ?? 1_000_000, 1e12);
  const inRange = integer
    ? fc.integer({
        min: Math.max(Math.ceil(min), -2_147_483_648),
        max: Math.max(Math.ceil(min), Math.floor(Math.min(max, 2_147_483_647))),
      })
    : fc.double({ min, max: Math.max(min, max), noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: inRange },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 80 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_NUMBERS, min - 1, max + 1) },
  );
}

/** The shape the schema describes, `depth` levels deep at most; hostile values mixed in at every level. */
function shaped(schema: JsonSchema | undefined, api: OpenApi, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return fc.oneof(fc.constant(null), fc.constant({}), fc.constant([]));
  const s = resolve(schema, api);
  const inner = typed(s, api, depth);
  return fc.oneof({ weight: 15, arbitrary: inner }, { weight: 1, arbitrary: hostileValue });
}

function typed(s: JsonSchema, api: OpenApi, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => shaped(a, api, depth + 1)));
  if (s.allOf && s.allOf.length > 0) return shaped(s.allOf[0], api, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['object'];
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringFor(s);
      case 'integer':
        return numberFor(s, true);
      case 'number':
        return numberFor(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(shaped(s.items, api, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
      default:
        return objectFor(s, api, depth);
    }
  });
  if (s.nullable) arbitraries.push(fc.constant(null));
  return arbitraries.length === 1 ? (arbitraries[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbitraries);
}

function objectFor(s: JsonSchema, api: OpenApi, depth: number): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const keys = Object.keys(properties);
  const fields = Object.fromEntries(keys.map((key) => [key, shaped(properties[key], api, depth + 1)])) as Record<
    string,
    fc.Arbitrary<unknown>
  >;
  const required = (s.required ?? []).filter((key) => keys.includes(key));
  // Mostly with the required keys, so the checks past "required" are reached; now and then without.
  const record = fc.oneof(
    { weight: 4, arbitrary: fc.record(fields, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
  );
  const extra = fc.option(
    fc.tuple(
      fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version'), fc.string()),
      hostileValue,
    ),
    { freq: 4 },
  );
  return fc.tuple(record, extra).map(([value, more]) => {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) withOwnKey(out, key, v);
    if (more) withOwnKey(out, more[0], more[1]);
    return out;
  });
}

/** A body for a route with this schema (none: a body-less action, which still gets random JSON). */
export function bodyFor(schema: JsonSchema | undefined, api: OpenApi): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant({}), hostileValue, fc.jsonValue({ maxDepth: 2 }));
  return fc.oneof(
    { weight: 6, arbitrary: shaped(schema, api, 0) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: hostileValue },
  );
}
