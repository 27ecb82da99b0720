import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeDocument } from '../../src/core/interchange.js';
import { normalizeDocument } from '../../src/core/tree.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await signIn(ctx.app, 'admin');
});
afterAll(() => ctx.close());

type Node = {
  id: number;
  number: string;
  name: string;
  version: number;
  milestones: { text: string }[];
  children: Node[];
};
async function nodes(id: number): Promise<Map<string, Node>> {
  const tree = (await admin.get(`/api/v1/programmes/${id}/tree`)).json() as { categories: { items: Node[] }[] };
  const out = new Map<string, Node>();
  const visit = (n: Node) => {
    out.set(n.name, n);
    for (const c of n.children) visit(c);
  };
  for (const c of tree.categories) for (const n of c.items) visit(n);
  return out;
}

function revise(doc: ProgrammeDocument): ProgrammeDocument {
  const copy = structuredClone(doc);
  const first = copy.categories[0];
  if (!first) throw new Error('fixture has no category');
  first.items[0] = { ...(first.items[0] as ReturnType<typeof buildItem>), description: '改为新建四处社区食堂。' };
  const part = first.items[1]?.children?.[1];
  if (part) part.leadUnit = '西街街道';
  copy.categories[1] = {
    ordinal: 3,
    title: '教育',
    items: [buildItem({ number: '4', name: '新建图书馆', leadUnit: '测试区文旅局', coUnits: [], persons: [] })],
  };
  return copy;
}

describe('importing a revised list into an existing programme', () => {
  it('shows the differences, then applies them keeping unchanged items and what hangs off them', async () => {
    const original = buildProgrammeDocument();
    const id = ((await admin.post('/api/v1/programmes/import', original)).json() as { id: number }).id;
    const before = await nodes(id);
    const kept = before.get('改造老旧小区') as Node;
    // Something attached by hand to an item the revision leaves alone.
    expect(
      (await admin.post(`/api/v1/items/${kept.id}/milestones`, { period: 'M05', text: '手工补充的节点' })).statusCode,
    ).toBe(201);
    const current = (await admin.get(`/api/v1/programmes/${id}/export`)).json() as ProgrammeDocument;

    const revised = revise(current);
    const preview = await admin.post(`/api/v1/programmes/${id}/reimport/preview`, revised);
    expect(preview.statusCode, preview.body).toBe(200);
    const diff = preview.json() as {
      added: { name: string }[];
      removed: { name: string }[];
      changed: { after: { name: string }; fields: string[] }[];
      unchanged: number;
    };
    expect(diff.added.map((a) => a.name)).toEqual(['新建图书馆']);
    expect(diff.removed.map((r) => r.name)).toEqual(['新建幼儿园']);
    expect(diff.changed.map((c) => [c.after.name, c.fields])).toEqual([
      ['新建社区食堂', ['description']],
      ['改造西片小区', ['leadUnit']],
    ]);
    expect(diff.unchanged).toBe(2);
    // A preview writes nothing.
    expect((await nodes(id)).has('新建图书馆')).toBe(false);

    const applied = await admin.post(`/api/v1/programmes/${id}/reimport`, revised);
    expect(applied.statusCode, applied.body).toBe(200);
    const after = await nodes(id);
    expect(after.get('改造老旧小区')).toMatchObject({ id: kept.id, version: kept.version });
    expect(after.get('改造老旧小区')?.milestones.map((m) => m.text)).toContain('手工补充的节点');
    expect(after.get('新建社区食堂')?.id).toBe(before.get('新建社区食堂')?.id);
    expect(after.has('新建幼儿园')).toBe(false);
    expect(after.has('新建图书馆')).toBe(true);
    const exported = (await admin.get(`/api/v1/programmes/${id}/export`)).json();
    expect(exported).toEqual(normalizeDocument(revised));

    const history = (await admin.get(`/api/v1/items/${before.get('新建社区食堂')?.id}/history`)).json() as {
      items: { action: string }[];
    };
    expect(history.items[0]?.action).toBe('reimport');
  });

  it('refuses a list of another jurisdiction and a reporter, writing nothing', async () => {
    const id = (
      (await admin.post('/api/v1/programmes/import', buildProgrammeDocument({ title: '另一份' }))).json() as {
        id: number;
      }
    ).id;
    const other = await admin.post(
      `/api/v1/programmes/${id}/reimport`,
      buildProgrammeDocument({ jurisdiction: '别的区' }),
    );
    expect(other.statusCode).toBe(400);
    expect((other.json() as { message: string }).message).toMatch(/^修订清单属于/);
    const reporter = await signIn(ctx.app, 'reporter');
    expect((await reporter.post(`/api/v1/programmes/${id}/reimport`, buildProgrammeDocument())).statusCode).toBe(403);
  });
});
