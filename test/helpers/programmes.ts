import { expect } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import type { Client } from './app.js';
import { buildItem, buildProgrammeDocument } from './factories.js';

export interface OneItemProgramme {
  programmeId: number;
  itemId: number;
  /** Its one indicator: 新增学位, 100 个 by Q4. */
  indicatorId: number;
}

/**
 * A published 2026 programme of 明湖区 with one item led by 区教育局 — the
 * demo reporter's unit — imported by the admin and published by the
 * supervisor: a file's own place to write reports without meeting another's.
 */
export async function publishedOneItemProgramme(
  admin: Client,
  supervisor: Client,
  names: { title: string; item: string },
): Promise<OneItemProgramme> {
  const base = { persons: [], leaders: [], milestones: [], deadline: null, children: [], coUnits: [] };
  const imported = await admin.post(
    '/api/v1/programmes/import',
    buildProgrammeDocument({
      title: names.title,
      jurisdiction: '明湖区',
      year: 2026,
      categories: [
        {
          ordinal: 1,
          title: '教育',
          items: [
            buildItem({
              ...base,
              number: '1',
              name: names.item,
              leadUnit: '区教育局',
              indicators: [{ name: '新增学位', unit: '个', target: 100, checkpoints: { Q4: 100 } }],
            }),
          ],
        },
      ],
    }),
  );
  expect(imported.statusCode, imported.body).toBe(201);
  const programmeId = (imported.json() as { id: number }).id;
  const published = await supervisor.post(`/api/v1/programmes/${programmeId}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  const tree = (await admin.get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
  const item = tree.categories[0]?.items[0];
  if (!item) throw new Error('test programme incomplete');
  return { programmeId, itemId: item.id, indicatorId: item.indicators[0]?.id ?? 0 };
}
