import { deepJson } from './fuzz-kit.js';

/**
 * What the API-body fuzz (api-bodies.test.ts) sends besides random bodies:
 * which table each route's `:id` names, odd ids and periods for the path,
 * and the hand-made payloads with the content types they claim.
 */

/** The table each route's `:id` names, to call it with ids that exist (so the handler is reached too). */
export const TABLE_OF: Record<string, string> = {
  bulletins: 'bulletins',
  calendar: 'calendar_days',
  categories: 'categories',
  channels: 'channels',
  deliveries: 'deliveries',
  feedback: 'feedback',
  indicators: 'indicators',
  inspections: 'inspections',
  'item-leaders': 'item_leaders',
  'item-persons': 'item_persons',
  'item-units': 'item_units',
  items: 'items',
  jurisdictions: 'jurisdictions',
  me: 'inbox_messages',
  milestones: 'milestones',
  notices: 'notices',
  people: 'people',
  programmes: 'programmes',
  reports: 'reports',
  units: 'units',
  users: 'users',
};

/**
 * Refusals that write on purpose: a failed sign-in, and a wrong current
 * password on a password change, count towards the lockout and are audited.
 */
export const WRITES_ON_REFUSAL = new Set(['POST /session', 'PUT /me/password']);

export const ODD_IDS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  '2147483648',
  'NaN',
  '%00',
  '１',
  'abc',
  '__proto__',
];
export const ODD_PERIODS = ['Q5', 'M13', 'q1', '', '%00', 'Q1Q1', '2026-Q1', 'M1'];

export interface RawCase {
  name: string;
  payload: string | Buffer;
  contentType?: string;
  /** Costly to parse (tens of ms): sent as the admin only, the parse and checks being the same for both. */
  heavy?: boolean;
}

/** Hand-made payloads every route gets, with the content type they claim. */
export function rawCases(): RawCase[] {
  const json = 'application/json';
  return [
    { name: 'broken JSON', payload: '{"a":', contentType: json },
    { name: 'empty JSON body', payload: '', contentType: json },
    { name: 'arrays 100 000 deep', payload: deepJson(100_000), contentType: json, heavy: true },
    { name: 'objects 20 000 deep', payload: deepJson(20_000, 'object'), contentType: json, heavy: true },
    { name: '__proto__ key', payload: '{"__proto__":{"isAdmin":true,"role":"admin"}}', contentType: json },
    {
      name: 'constructor.prototype',
      payload: '{"constructor":{"prototype":{"isAdmin":true}},"name":"x"}',
      contentType: json,
    },
    {
      name: 'invalid UTF-8',
      payload: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
      contentType: json,
    },
    {
      name: 'huge numbers',
      payload: '{"id":1e999999,"version":123456789012345678901234567890,"year":-1e308,"value":1e-400}',
      contentType: json,
    },
    {
      name: 'a 300 000-element array',
      payload: `[${Array(300_000).fill('0').join(',')}]`,
      contentType: json,
      heavy: true,
    },
    {
      name: 'a 900 KB string',
      payload: JSON.stringify({ name: '民'.repeat(300_000) }),
      contentType: json,
      heavy: true,
    },
    { name: 'JSON null', payload: 'null', contentType: json },
    { name: 'a JSON string', payload: '"民心"', contentType: json },
    { name: 'text/plain', payload: 'name=民心', contentType: 'text/plain' },
    {
      name: 'form-urlencoded',
      payload: 'name=%E6%B0%91&__proto__[x]=1',
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      name: 'multipart to a JSON route',
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nx\r\n--b--\r\n',
      contentType: 'multipart/form-data; boundary=b',
    },
    { name: 'XML', payload: '<?xml version="1.0"?><a/>', contentType: 'application/xml' },
    {
      name: 'JSON as UTF-16',
      payload: Buffer.from('{"a":1}', 'utf16le'),
      contentType: 'application/json; charset=utf-16',
    },
    { name: 'no content type', payload: '{"a":1}' },
    { name: 'a BOM before JSON', payload: '\ufeff{"a":1}', contentType: json },
  ];
}
