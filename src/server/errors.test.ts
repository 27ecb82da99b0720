import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { toErrorResponse } from './errors.js';

const logged: string[] = [];
const request = {
  log: { warn: (_: unknown, message: string) => logged.push(`warn ${message}`), error: () => logged.push('error') },
} as unknown as FastifyRequest;

/** What Drizzle throws: its own error, with the driver's error (and its SQLSTATE) as the cause. */
const fromDatabase = (code: string) =>
  Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('x'), { code }) });

describe('toErrorResponse', () => {
  // Found by the hostile-input suite: POST /api/v1/units {"jurisdictionId": 2147483648} answered 500
  // (PostgreSQL 22003, the id past the integer column's range).
  it('answers a data exception from the database (SQLSTATE 22…) with a 400, Chinese first', () => {
    for (const code of ['22003', '22P02', '22021', '22001']) {
      const { status, body } = toErrorResponse(fromDatabase(code), request);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION');
      expect(body.message).toMatch(/^请求中有数据库无法保存的值/);
      expect(body.details).toEqual({ sqlState: code });
    }
    expect(logged.every((line) => line.startsWith('warn'))).toBe(true);
  });

  it('still answers any other database failure with a 500 that tells nothing', () => {
    const { status, body } = toErrorResponse(fromDatabase('57P01'), request);
    expect(status).toBe(500);
    expect(body).toEqual(expect.objectContaining({ code: 'INTERNAL', details: null }));
  });
});
