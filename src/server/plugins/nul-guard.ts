import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../core/errors.js';

/**
 * PostgreSQL cannot store U+0000 in text (nor can PGlite): a NUL that reaches
 * a query fails it with "invalid byte sequence", which surfaced as a 500. No
 * API field has a use for it, so an /api/ request carrying one anywhere in
 * its body, query string or path is refused before validation, saying where.
 */

/** An array or object on the way down, with how it was reached (for the path of what is found). */
interface Frame {
  value: object;
  key: string;
  parent: Frame | null;
}

function pathOf(frame: Frame, last: string): string {
  const keys = [last];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.');
}

const NUL = '\u0000';

/**
 * The path (`items.2.name`; '' for a string given alone) of a string holding
 * U+0000, as a value or as a key, or null when there is none. Iterative, and
 * allocating only for arrays and objects: a body nested a hundred thousand
 * deep does not overflow the stack, and 300 000 numbers cost a loop.
 */
export function findNul(value: unknown): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? '' : null;
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [{ value, key: '', parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const container = frame.value;
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) {
        const item: unknown = container[i];
        if (typeof item === 'string') {
          if (item.includes(NUL)) return pathOf(frame, String(i));
        } else if (item !== null && typeof item === 'object') {
          stack.push({ value: item, key: String(i), parent: frame });
        }
      }
      continue;
    }
    const record = container as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (key.includes(NUL) || (typeof item === 'string' && item.includes(NUL))) return pathOf(frame, key);
      if (item !== null && typeof item === 'object') stack.push({ value: item, key, parent: frame });
    }
  }
  return null;
}

const WHERE = { body: '请求内容', query: '查询参数', params: '路径' } as const;

export function nulRefused(where: keyof typeof WHERE, path: string): AppError {
  const at = path ? ` ${path}` : '';
  return new AppError(
    'VALIDATION',
    `${WHERE[where]}${at ? `的${at} ` : ''}含有空字符（U+0000），无法保存。请删去该字符（常见于从其他软件复制的文字）后重试。 ` +
      `The ${where}${at} holds a NUL character (U+0000), which cannot be stored; remove it and retry.`,
    { where, path },
  );
}

async function nulGuard(app: FastifyInstance): Promise<void> {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    // The public site's forms clean what residents type themselves (a comment loses its control characters).
    if (!request.url.startsWith('/api/')) return;
    for (const where of ['params', 'query', 'body'] as const) {
      const path = findNul(request[where]);
      if (path !== null) throw nulRefused(where, path);
    }
  });
}

export default fp(nulGuard, { name: 'minxin-nul-guard' });
