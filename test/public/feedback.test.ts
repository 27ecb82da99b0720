import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientHash } from '../../src/core/publish/challenge.js';
import { publicFeedbackOf } from '../../src/db/repositories/feedback.repository.js';
import { auditLog } from '../../src/db/schema.js';
import { feedback } from '../../src/db/schema-publish.js';
import { feedbackSecret } from '../../src/server/use-cases/feedback/open-feedback-form.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildProgrammeDocument } from '../helpers/factories.js';
import { challengeFor, feedbackUrl, importAndPublish, itemNamed, postForm, validFields } from './feedback-helpers.js';

/** The residents' feedback form at /p/{id}/items/{itemId}/feedback: page, checks, limits, what the public sees. */

let ctx: TestContext;
let office: Client;
let programmeId: number;
let canteen: number;
let kindergarten: number;
let eastPart: number;
let draftItem: number;
let draftProgramme: number;

let address = 0;
/** Each test posts from an address of its own, so the limits of one do not touch another. */
const nextAddress = () => `203.0.113.${++address}`;

const rowsOf = (itemId: number) => ctx.database.db.select().from(feedback).where(eq(feedback.itemId, itemId));

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  office = await signIn(ctx.app, 'supervisor');
  const published = await importAndPublish(
    office,
    buildProgrammeDocument({ jurisdiction: '明湖区', title: '明湖区2026年群众评价测试', year: 2026 }),
  );
  programmeId = published.programmeId;
  canteen = itemNamed(published.items, '新建社区食堂').id;
  kindergarten = itemNamed(published.items, '新建幼儿园').id;
  eastPart = itemNamed(published.items, '改造东片小区').id;
  const draft = await office.post(
    '/api/v1/programmes/import',
    buildProgrammeDocument({ jurisdiction: '明湖区', title: '明湖区2026年未发布清单', year: 2026 }),
  );
  draftProgramme = (draft.json() as { id: number }).id;
  const draftTree = (await office.get(`/api/v1/programmes/${draftProgramme}/tree`)).json() as {
    categories: Array<{ items: Array<{ id: number }> }>;
  };
  draftItem = draftTree.categories[0]?.items[0]?.id ?? 0;
});
afterAll(() => ctx?.close());

describe('the form page', () => {
  it('asks for a rating with labelled radio buttons, an optional comment and a question, never cached', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: feedbackUrl(programmeId, canteen) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.body;
    expect(html).toContain('<h1>评价：1. 新建社区食堂</h1>');
    expect(html).toMatch(/<fieldset[^>]*>\s*<legend>您对这个项目满意吗？/);
    for (const [value, label] of [
      ['1', '非常不满意'],
      ['3', '一般'],
      ['5', '非常满意'],
    ])
      expect(html).toContain(
        `<input type="radio" id="rating-${value}" name="rating" value="${value}"><label for="rating-${value}">${value} 分 · ${label}</label>`,
      );
    expect(html).toMatch(/<label for="comment">留言（选填）<\/label>/);
    expect(html).toMatch(/<textarea id="comment" name="comment"[^>]*maxlength="500"/);
    expect(html).toMatch(/<label for="answer">验证问题：\d [加减] \d 等于几？<\/label>/);
    expect(html).toMatch(/<input type="hidden" name="token" value="v1\.\d+\.\d+\./);
    // The honeypot: hidden from sight and from screen readers, out of the tab order, never autofilled.
    expect(html).toMatch(
      /<div class="hp" aria-hidden="true"><label for="website">[^<]+<\/label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"><\/div>/,
    );
    expect(html).toContain(`action="${feedbackUrl(programmeId, canteen)}"`);
    // The public site's shell: skip link and the reader's switches.
    expect(html).toContain('跳到主要内容');
    expect(html).toContain('适老版');
  });

  it('gives each visit a challenge of its own', async () => {
    const token = async () =>
      /name="token" value="([^"]+)"/.exec(
        (await ctx.app.inject({ method: 'GET', url: feedbackUrl(programmeId, canteen) })).body,
      )?.[1];
    expect(await token()).not.toBe(await token());
  });

  it('follows the reader’s choices: elder mode, 繁體 and pinyin, kept in the form’s address', async () => {
    const url = `${feedbackUrl(programmeId, canteen)}?mode=elder&zh=hant`;
    const html = (await ctx.app.inject({ method: 'GET', url })).body;
    expect(html).toMatch(/<body class="elder/);
    expect(html).toContain('非常滿意');
    expect(html).toContain(`action="${feedbackUrl(programmeId, canteen)}?mode=elder&amp;zh=hant"`);
    const pinyin = (await ctx.app.inject({ method: 'GET', url: `${feedbackUrl(programmeId, canteen)}?py=1` })).body;
    expect(pinyin).toContain('<ruby>满<rp>(</rp><rt>mǎn</rt>');
  });

  it('answers 404 for an item of an unpublished programme, of another programme, or none at all', async () => {
    for (const url of [
      feedbackUrl(draftProgramme, draftItem),
      feedbackUrl(programmeId, draftItem),
      feedbackUrl(programmeId, 999_999),
      `/p/${programmeId}/items/abc/feedback`,
      `${feedbackUrl(draftProgramme, draftItem)}?sent=1`,
    ]) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toContain('页面不存在');
    }
    const posted = await postForm(ctx.app, feedbackUrl(draftProgramme, draftItem), await validFields(ctx, draftItem));
    expect(posted.statusCode).toBe(404);
    expect(await rowsOf(draftItem)).toEqual([]);
  });
});

describe('sending the form', () => {
  it('stores a comment as pending, audited as the public without the address, then thanks', async () => {
    const ip = nextAddress();
    const stampBefore = await ctx.database.changeStamp();
    const fields = await validFields(ctx, canteen, { rating: '5', comment: '  食堂饭菜可口，\r\n价格实惠。  ' });
    const response = await postForm(ctx.app, feedbackUrl(programmeId, canteen), fields, ip);
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`${feedbackUrl(programmeId, canteen)}?sent=1`);

    const [row] = await rowsOf(canteen);
    expect(row).toMatchObject({ rating: 5, comment: '食堂饭菜可口，\n价格实惠。', state: 'pending', programmeId });
    expect(row?.clientHash).toBe(clientHash(await feedbackSecret(ctx.database.db), ip));
    expect(row?.clientHash).not.toContain(ip);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'feedback'), eq(auditLog.entityId, row?.id ?? 0)));
    expect(audit).toMatchObject({
      action: 'create',
      actorName: 'system:public',
      actorId: null,
      ip: null,
      itemId: canteen,
    });
    expect(JSON.stringify(audit)).not.toContain(ip);
    expect(JSON.stringify(audit?.after)).not.toContain(row?.clientHash ?? 'x');
    expect(await ctx.database.changeStamp()).toBeGreaterThan(stampBefore);

    const thanks = await ctx.app.inject({ method: 'GET', url: response.headers.location as string });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.headers['cache-control']).toBe('no-store');
    expect(thanks.body).toContain('感谢您的评价');
    expect(thanks.body).toContain('工作人员审核后会在项目页面公开显示');
  });

  it('stores a bare rating as approved, on a part too, and carries the reader’s choices to the thank-you page', async () => {
    const url = `${feedbackUrl(programmeId, eastPart)}?mode=elder`;
    const response = await postForm(ctx.app, url, await validFields(ctx, eastPart, { rating: '2' }), nextAddress());
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`${feedbackUrl(programmeId, eastPart)}?sent=1&mode=elder`);
    expect(await rowsOf(eastPart)).toEqual([expect.objectContaining({ rating: 2, comment: null, state: 'approved' })]);
  });

  it('strips control and direction-override characters from a comment', async () => {
    const fields = await validFields(ctx, kindergarten, { comment: '希望\u0000早日\u202e开园\u0007' });
    expect((await postForm(ctx.app, feedbackUrl(programmeId, kindergarten), fields, nextAddress())).statusCode).toBe(
      303,
    );
    const rows = await rowsOf(kindergarten);
    expect(rows.map((r) => r.comment)).toContain('希望早日开园');
  });

  it('refuses a rating of 0, 6, x or none with a message at the field, keeping what was typed', async () => {
    const url = feedbackUrl(programmeId, canteen);
    const before = (await rowsOf(canteen)).length;
    for (const rating of ['0', '6', 'x', '4.5', '']) {
      const response = await postForm(
        ctx.app,
        url,
        await validFields(ctx, canteen, { rating, comment: '留言保留' }),
        nextAddress(),
      );
      expect(response.statusCode, rating).toBe(400);
      expect(response.headers['cache-control']).toBe('no-store');
      const html = response.body;
      expect(html).toContain('<title>错误：');
      expect(html).toMatch(/role="alert"/);
      expect(html).toContain('<a href="#rating-1">请选择满意程度');
      expect(html).toMatch(/<fieldset class="invalid" aria-describedby="rating-error">/);
      expect(html).toContain('<p class="field-error" id="rating-error">');
      expect(html).toMatch(/<textarea[^>]*>留言保留<\/textarea>/);
      expect(html).not.toMatch(/name="rating" value="\d" checked/);
    }
    expect((await rowsOf(canteen)).length).toBe(before);
  });

  it('refuses a comment over 500 characters, and takes one of exactly 500 Chinese characters', async () => {
    const url = feedbackUrl(programmeId, kindergarten);
    const tooLong = await postForm(
      ctx.app,
      url,
      await validFields(ctx, kindergarten, { rating: '3', comment: '好'.repeat(501) }),
      nextAddress(),
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('留言最多 500 字');
    expect(tooLong.body).toMatch(/<textarea[^>]*aria-describedby="comment-hint comment-error" aria-invalid="true">/);
    expect(tooLong.body).toContain('value="3" checked');
    // Trimmed first: spaces around a full comment do not count.
    const full = await postForm(
      ctx.app,
      url,
      await validFields(ctx, kindergarten, { comment: ` ${'好'.repeat(500)} \n` }),
      nextAddress(),
    );
    expect(full.statusCode, full.body).toBe(303);
    expect((await rowsOf(kindergarten)).some((r) => r.comment === '好'.repeat(500))).toBe(true);
  });
});

describe('the challenge and the honeypot', () => {
  const refused = async (fields: Record<string, string>, message: string) => {
    const before = (await rowsOf(canteen)).length;
    const response = await postForm(ctx.app, feedbackUrl(programmeId, canteen), fields, nextAddress());
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('<a href="#answer">');
    expect(response.body).toMatch(
      /<input type="text" id="answer"[^>]*aria-describedby="answer-hint answer-error" aria-invalid="true">/,
    );
    expect((await rowsOf(canteen)).length).toBe(before);
    return response.body;
  };

  it('refuses a wrong or missing answer and asks a new question', async () => {
    const fields = await validFields(ctx, canteen, { answer: '10' });
    const html = await refused(fields, '验证问题回答不正确');
    expect(html).not.toContain(`value="${fields.token}"`);
    await refused(await validFields(ctx, canteen, { answer: '' }), '请回答验证问题');
  });

  it('refuses a form sent back sooner than 3 seconds, keeping the same question', async () => {
    const fields = { rating: '4', ...(await challengeFor(ctx, canteen, 500)) };
    const html = await refused(fields, '提交太快了');
    expect(html).toContain(`value="${fields.token}"`);
  });

  it('refuses a form older than 2 hours', async () => {
    await refused({ rating: '4', ...(await challengeFor(ctx, canteen, 2 * 3600_000 + 1_000)) }, '超过 2 小时');
  });

  it('refuses a forged token and a token of another item', async () => {
    const genuine = await challengeFor(ctx, canteen);
    const forged = { ...genuine, token: genuine.token.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`) };
    await refused({ rating: '4', ...forged }, '验证信息无效');
    await refused({ rating: '4', ...(await challengeFor(ctx, kindergarten)) }, '验证信息无效');
    await refused({ rating: '4', token: 'garbage', answer: '9' }, '验证信息无效');
  });

  it('pretends to take a form whose hidden field was filled, and stores nothing', async () => {
    const before = (await rowsOf(canteen)).length;
    const stamp = await ctx.database.changeStamp();
    const fields = await validFields(ctx, canteen, { website: 'http://spam.example', comment: '广告' });
    const response = await postForm(ctx.app, feedbackUrl(programmeId, canteen), fields, nextAddress());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${feedbackUrl(programmeId, canteen)}?sent=1`);
    expect((await rowsOf(canteen)).length).toBe(before);
    expect(await ctx.database.changeStamp()).toBe(stamp);
  });
});

describe('limits per client', () => {
  it('takes 5 ratings of one item an hour from one address, then answers 429; other items still open', async () => {
    const ip = nextAddress();
    const url = feedbackUrl(programmeId, kindergarten);
    for (let n = 0; n < 5; n++)
      expect((await postForm(ctx.app, url, await validFields(ctx, kindergarten), ip)).statusCode, `post ${n + 1}`).toBe(
        303,
      );
    const sixth = await postForm(ctx.app, url, await validFields(ctx, kindergarten, { comment: '第六次' }), ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('同一事项每小时最多评价 5 次');
    expect(sixth.body).toMatch(/<textarea[^>]*>第六次<\/textarea>/);
    expect((await rowsOf(kindergarten)).some((r) => r.comment === '第六次')).toBe(false);
    // Another address, and another item from the same address, are not held back.
    expect((await postForm(ctx.app, url, await validFields(ctx, kindergarten), nextAddress())).statusCode).toBe(303);
    expect(
      (await postForm(ctx.app, feedbackUrl(programmeId, canteen), await validFields(ctx, canteen), ip)).statusCode,
    ).toBe(303);
  });

  it('takes 20 ratings a day from one address, counted in the database', async () => {
    const ip = nextAddress();
    const hash = clientHash(await feedbackSecret(ctx.database.db), ip);
    // Twenty earlier ratings from this address (as other processes would have stored them), spread over items.
    await ctx.database.db.insert(feedback).values(
      Array.from({ length: 20 }, (_, n) => ({
        programmeId,
        itemId: [canteen, kindergarten][n % 2] as number,
        rating: 3,
        state: 'approved' as const,
        clientHash: hash,
        createdAt: new Date(Date.now() - (n + 1) * 3600_000).toISOString(),
      })),
    );
    const response = await postForm(ctx.app, feedbackUrl(programmeId, canteen), await validFields(ctx, canteen), ip);
    expect(response.statusCode).toBe(429);
    expect(response.body).toContain('每天最多提交 20 次评价');
  });

  it('holds back a flood from one address before it reaches the database', async () => {
    const ip = nextAddress();
    const url = feedbackUrl(programmeId, canteen);
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) statuses.push((await postForm(ctx.app, url, { rating: 'x' }, ip)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    const last = await postForm(ctx.app, url, { rating: 'x' }, ip);
    expect(last.statusCode).toBe(429);
    expect(last.headers['content-type']).toMatch(/^text\/html/);
    expect(last.body).toContain('操作太频繁');
  });
});

describe('what the public item page shows', () => {
  it('shows a comment only once approved, never a rejected one, and counts every rating', async () => {
    const url = feedbackUrl(programmeId, eastPart);
    const send = async (comment: string, rating: string) =>
      expect(
        (await postForm(ctx.app, url, await validFields(ctx, eastPart, { comment, rating }), nextAddress())).statusCode,
      ).toBe(303);
    await send('东片改造后楼道亮堂了', '5');
    await send('不当言论示例', '1');
    const rows = await rowsOf(eastPart);
    const good = rows.find((r) => r.comment === '东片改造后楼道亮堂了');
    const bad = rows.find((r) => r.comment === '不当言论示例');
    const pageOf = async () =>
      (await ctx.app.inject({ method: 'GET', url: `/p/${programmeId}/items/${eastPart}` })).body;

    const pending = await publicFeedbackOf(ctx.database.db, eastPart);
    expect(pending.comments).toEqual([]);
    expect(pending.count).toBe(3);
    expect(await pageOf()).not.toContain('东片改造后楼道亮堂了');

    const approve = await office.patch(`/api/v1/feedback/${good?.id}`, { state: 'approved', version: 1 });
    expect(approve.statusCode, approve.body).toBe(200);
    const reject = await office.patch(`/api/v1/feedback/${bad?.id}`, {
      state: 'rejected',
      reason: '含不文明用语',
      version: 1,
    });
    expect(reject.statusCode, reject.body).toBe(200);

    const after = await publicFeedbackOf(ctx.database.db, eastPart);
    expect(after.comments.map((c) => c.comment)).toEqual(['东片改造后楼道亮堂了']);
    expect(after).toMatchObject({ count: 3, average: Math.round(((2 + 5 + 1) / 3) * 10) / 10 });
    const page = await pageOf();
    expect(page).toContain('东片改造后楼道亮堂了');
    expect(page).not.toContain('不当言论示例');
    expect(page).not.toContain('含不文明用语');
  });
});
