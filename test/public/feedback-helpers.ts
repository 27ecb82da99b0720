import { expect } from 'vitest';
import type { ProgrammeDocument } from '../../src/core/interchange.js';
import { answerOf, signChallenge } from '../../src/core/publish/challenge.js';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import type { App } from '../../src/server/app.js';
import { feedbackSecret } from '../../src/server/use-cases/feedback/open-feedback-form.js';
import type { Client, TestContext } from '../helpers/app.js';

/** Shared by the feedback tests: a published programme, a challenge answered right, a form post. */

export async function importAndPublish(
  office: Client,
  document: ProgrammeDocument,
): Promise<{ programmeId: number; tree: ProgrammeTree; items: ItemNode[] }> {
  const imported = await office.post('/api/v1/programmes/import', document);
  expect(imported.statusCode, imported.body).toBe(201);
  const programmeId = (imported.json() as { id: number }).id;
  const published = await office.post(`/api/v1/programmes/${programmeId}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  const tree = (await office.get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
  const flatten = (list: ItemNode[]): ItemNode[] => list.flatMap((i) => [i, ...flatten(i.children)]);
  return { programmeId, tree, items: tree.categories.flatMap((c) => flatten(c.items)) };
}

export function itemNamed(items: readonly ItemNode[], name: string): ItemNode {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no item ${name}`);
  return item;
}

/** A genuine challenge issued `ageMs` ago, and its answer. */
export async function challengeFor(
  ctx: TestContext,
  itemId: number,
  ageMs = 10_000,
): Promise<{ token: string; answer: string }> {
  const secret = await feedbackSecret(ctx.database.db);
  const claims = { a: 6, op: '加' as const, b: 3, itemId, issuedAt: Date.now() - ageMs };
  return { token: signChallenge(secret, claims).token, answer: String(answerOf(claims)) };
}

export const feedbackUrl = (programmeId: number, itemId: number) => `/p/${programmeId}/items/${itemId}/feedback`;

/** POST the form as a browser does, from a chosen address. */
export function postForm(app: App, url: string, fields: Record<string, string>, remoteAddress = '198.51.100.1') {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** A complete, valid submission (challenge issued 10 s ago) with these fields on top. */
export async function validFields(
  ctx: TestContext,
  itemId: number,
  fields: Record<string, string> = {},
): Promise<Record<string, string>> {
  return { rating: '4', comment: '', website: '', ...(await challengeFor(ctx, itemId)), ...fields };
}
