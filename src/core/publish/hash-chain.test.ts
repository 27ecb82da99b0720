import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { bulletinHash, type ChainedBulletin, verifyChain } from './hash-chain.js';

/** The same value with its object keys in another order, at every depth. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length] as [string, unknown]).reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps arrays in order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 'x', c: null }], é: true })).toBe(
      '{"a":[3,{"c":null,"d":"x"}],"b":1,"é":true}',
    );
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN] })).toBe('{"b":[null,null]}');
    expect(canonicalJson('成绩单')).toBe('"成绩单"');
    expect(canonicalJson(1.5e-7)).toBe(JSON.stringify(1.5e-7));
  });

  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(text).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
      }),
    );
  });
});

const record = (seq: number, extra: Record<string, unknown> = {}) => ({
  programmeId: 7,
  seq,
  cutoff: `2026-0${seq * 3}-30`,
  title: `明湖区2026年民心工程第${seq}期“成绩单”`,
  body: { genre: 'district', lede: `截至…，${seq}个子项已完成。`, sections: [], closing: '', source: '督查室' },
  data: { card: { headline: { done: seq, rest: 10 - seq } }, citySums: [] },
  publishedAt: `2026-0${seq * 3 + 1}-05T02:00:00.000Z`,
  ...extra,
});

function chain(length: number): ChainedBulletin[] {
  const out: ChainedBulletin[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= length; seq++) {
    const r = record(seq);
    const hash = bulletinHash(prevHash, r);
    out.push({ ...r, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

describe('bulletinHash', () => {
  it('is the sha256 of the previous hash and the canonical record', async () => {
    const { createHash } = await import('node:crypto');
    const r = record(1);
    expect(bulletinHash(null, r)).toBe(createHash('sha256').update(canonicalJson(r)).digest('hex'));
    expect(bulletinHash('ab', r)).toBe(
      createHash('sha256')
        .update(`ab${canonicalJson(r)}`)
        .digest('hex'),
    );
    expect(bulletinHash(null, r)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores fields it does not cover and the order of keys (jsonb reorders them)', () => {
    const r = record(2);
    const reordered = JSON.parse(JSON.stringify(shuffleKeys(r, 3))) as typeof r;
    expect(bulletinHash('x', reordered)).toBe(bulletinHash('x', r));
    expect(bulletinHash('x', { ...r, id: 99, version: 4 } as typeof r)).toBe(bulletinHash('x', r));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain in any order, and an empty one', () => {
    expect(verifyChain(chain(4))).toEqual({ ok: true });
    expect(verifyChain([...chain(4)].reverse())).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('names the first broken seq when any character of a published bulletin changes', () => {
    const intact = chain(3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.nat(),
        fc.constantFrom('1', 'a', '区', ' ', '"'),
        (index, position, replacement) => {
          const records = structuredClone(intact);
          const target = records[index] as ChainedBulletin;
          const { prevHash: _p, hash: _h, ...fields } = target;
          const text = canonicalJson(fields);
          const at = position % text.length;
          const edited = text.slice(0, at) + replacement + text.slice(at + 1);
          let changed: Record<string, unknown> | null = null;
          try {
            const parsed = JSON.parse(edited) as unknown;
            if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
              changed = parsed as Record<string, unknown>;
          } catch {
            changed = null;
          }
          fc.pre(changed !== null && canonicalJson(changed) !== text && Number.isInteger(changed.seq));
          records[index] = { ...(changed as object), prevHash: target.prevHash, hash: target.hash } as ChainedBulletin;
          const verdict = verifyChain(records);
          expect(verdict.ok).toBe(false);
          if (!verdict.ok) {
            // A changed seq may break the chain earlier (a gap or a repeat before it).
            if (changed?.seq === target.seq) expect(verdict.brokenAt).toBe(index + 1);
            else expect(verdict.brokenAt).toBeLessThanOrEqual(index + 1);
            expect(verdict.reason).toMatch(/^第\d+期/);
          }
        },
      ),
    );
  });

  it('finds a bulletin taken out, repeated, or re-hashed without its successors', () => {
    const records = chain(4);
    expect(verifyChain(records.filter((r) => r.seq !== 2))).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChain([...records, records[1] as ChainedBulletin])).toMatchObject({ ok: false, brokenAt: 2 });
    // A forger who changes bulletin 2 and recomputes its hash still breaks the link from 3.
    const forged = structuredClone(records);
    const two = forged[1] as ChainedBulletin;
    two.title = '改过的标题';
    two.hash = bulletinHash(two.prevHash, two);
    expect(verifyChain(forged)).toMatchObject({ ok: false, brokenAt: 3 });
    // The first bulletin points at nothing.
    const first = structuredClone(records);
    (first[0] as ChainedBulletin).prevHash = 'f'.repeat(64);
    expect(verifyChain(first)).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
