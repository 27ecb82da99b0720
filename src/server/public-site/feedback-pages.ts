import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Challenge } from '../../core/publish/challenge.js';
import { type FeedbackTarget, feedbackTarget } from '../../db/repositories/feedback.repository.js';
import { sendError } from '../errors.js';
import { COMMENT_MAX } from '../schemas/feedback.js';
import { openFeedbackForm } from '../use-cases/feedback/open-feedback-form.js';
import {
  FEEDBACK_LIMITS,
  type FeedbackProblem,
  type FeedbackValues,
  submitFeedback,
} from '../use-cases/feedback/submit-feedback.js';
import { escapeHtml, type Prefs, prefsOf, renderPage } from './layout.js';
import { renderNotFound } from './pages/not-found.js';
import { crumbs, itemLabel } from './pages/shared.js';

/**
 * The residents' feedback form: GET /p/{id}/items/{itemId}/feedback shows it
 * (with a fresh challenge, so never cached), POST takes it as a plain form
 * (works without JavaScript) and redirects to ?sent=1, the thank-you page.
 * A refused form comes back with the reason next to each field and what was
 * typed, 400 (or 429 past the limits in submit-feedback.ts).
 *
 * Limits: this route's in-memory limit per address (below) is the first line;
 * the real ones (5 an hour per item, 20 a day) are counted in the database.
 */

const RATINGS = ['非常不满意', '不满意', '一般', '满意', '非常满意'] as const;
/** Per address and process, a first line against floods (the database limits are the real ones). */
const ROUTE_LIMITS = { get: 60, post: 10 } as const;
const FORM_TYPE = 'application/x-www-form-urlencoded';

const params = (request: FastifyRequest): { id: number; itemId: number } | null => {
  const { id, itemId } = request.params as Record<string, string | undefined>;
  const ok = (s: string | undefined) => s !== undefined && /^[1-9]\d{0,9}$/.test(s) && Number(s) <= 2_147_483_647;
  return ok(id) && ok(itemId) ? { id: Number(id), itemId: Number(itemId) } : null;
};

/** The reader's choices given in the query, carried to the form's action and the redirect. */
function choiceQuery(request: FastifyRequest): string {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const allowed: Record<string, readonly string[]> = {
    mode: ['elder', 'standard'],
    zh: ['hant', 'hans'],
    py: ['1', '0'],
  };
  const kept = Object.entries(allowed).flatMap(([key, values]) =>
    typeof query[key] === 'string' && values.includes(query[key]) ? [`${key}=${query[key]}`] : [],
  );
  return kept.join('&');
}

const withQuery = (path: string, ...parts: string[]): string => {
  const query = parts.filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
};

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

interface FormView {
  target: FeedbackTarget;
  challenge: Challenge;
  prefs: Prefs;
  path: string;
  action: string;
  values: FeedbackValues;
  problems: FeedbackProblem[];
}

function trail(target: FeedbackTarget, last: string) {
  return crumbs([
    { href: '/p/', text: '全部清单' },
    { href: `/p/${target.programmeId}`, text: target.programmeTitle },
    {
      href: `/p/${target.programmeId}/items/${target.itemId}`,
      text: itemLabel({ number: target.itemNumber, name: target.itemName }),
    },
    { text: last },
  ]);
}

/** Where the error summary's link for a field goes. */
const FIELD_ANCHOR: Record<string, string> = { rating: 'rating-1', comment: 'comment', answer: 'answer' };

function errorOf(problems: FeedbackProblem[], field: string): string {
  const problem = problems.find((p) => p.field === field);
  return problem
    ? `<p class="field-error" id="${field}-error"><span class="visually-hidden">错误：</span>${escapeHtml(problem.message)}</p>`
    : '';
}

const describedBy = (problems: FeedbackProblem[], field: string, ...ids: string[]): string => {
  const all = [...ids, ...(problems.some((p) => p.field === field) ? [`${field}-error`] : [])];
  return all.length > 0 ? ` aria-describedby="${all.join(' ')}"` : '';
};
const invalid = (problems: FeedbackProblem[], field: string): string =>
  problems.some((p) => p.field === field) ? ' aria-invalid="true"' : '';
const invalidClass = (problems: FeedbackProblem[], field: string): string =>
  problems.some((p) => p.field === field) ? ' invalid' : '';

export function renderFeedbackForm(view: FormView): string {
  const { target, challenge, values, problems } = view;
  const label = itemLabel({ number: target.itemNumber, name: target.itemName });
  const summary =
    problems.length === 0
      ? ''
      : `<div class="error-summary" role="alert" aria-labelledby="error-summary-h" tabindex="-1" autofocus>
<h2 id="error-summary-h">提交未成功，请按提示修改后再提交</h2>
<ul>${problems
          .map((p) =>
            p.field
              ? `<li><a href="#${FIELD_ANCHOR[p.field]}">${escapeHtml(p.message)}</a></li>`
              : `<li>${escapeHtml(p.message)}</li>`,
          )
          .join('')}</ul></div>`;
  const radios = RATINGS.map((text, i) => {
    const value = String(i + 1);
    const checked = values.rating === value ? ' checked' : '';
    return `<div class="choice"><input type="radio" id="rating-${value}" name="rating" value="${value}"${checked}><label for="rating-${value}">${value} 分 · ${text}</label></div>`;
  }).join('\n');
  const body = `${trail(target, '我要评价')}
<h1>评价：${escapeHtml(label)}</h1>
${target.parentItemName ? `<p class="meta">所属项目：${escapeHtml(target.parentItemName)}</p>` : ''}
<p>您的评分会立即计入满意度统计；留言经工作人员审核后才会在项目页面公开显示。</p>
${summary}
<form class="feedback-form" method="post" action="${escapeHtml(view.action)}" novalidate>
<fieldset${problems.some((p) => p.field === 'rating') ? ' class="invalid"' : ''}${describedBy(problems, 'rating')}>
<legend>您对这个项目满意吗？（必选，1 分最低，5 分最高）</legend>
${errorOf(problems, 'rating')}
${radios}
</fieldset>
<div class="field${invalidClass(problems, 'comment')}">
<label for="comment">留言（选填）</label>
<p class="hint" id="comment-hint">最多 ${COMMENT_MAX} 字。请勿填写姓名、电话、身份证号等个人信息。</p>
${errorOf(problems, 'comment')}
<textarea id="comment" name="comment" rows="5" maxlength="${COMMENT_MAX}"${describedBy(problems, 'comment', 'comment-hint')}${invalid(problems, 'comment')}>${escapeHtml(values.comment)}</textarea>
</div>
<div class="hp" aria-hidden="true"><label for="website">网址（请勿填写）</label><input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off"></div>
<div class="field${invalidClass(problems, 'answer')}">
<label for="answer">验证问题：${escapeHtml(challenge.question)}</label>
<p class="hint" id="answer-hint">请填写一个数字。这道题用来防止自动程序提交。</p>
${errorOf(problems, 'answer')}
<input type="text" id="answer" name="answer" inputmode="numeric" autocomplete="off" value="${escapeHtml(values.answer)}"${describedBy(problems, 'answer', 'answer-hint')}${invalid(problems, 'answer')}>
</div>
<input type="hidden" name="token" value="${escapeHtml(challenge.token)}">
<p><button type="submit">提交评价</button></p>
</form>
<p><a href="/p/${target.programmeId}/items/${target.itemId}">返回项目页面</a></p>`;
  return renderPage({
    title: `${problems.length > 0 ? '错误：' : ''}评价 ${label} - 民心工程公开`,
    description: `对“${target.itemName}”的满意度评价和留言`,
    prefs: view.prefs,
    path: view.path,
    body,
  });
}

export function renderThanks(target: FeedbackTarget, prefs: Prefs, path: string): string {
  const body = `${trail(target, '评价已提交')}
<h1>感谢您的评价</h1>
<p>您的评分已计入满意度统计。</p>
<p>如果您填写了留言，工作人员审核后会在项目页面公开显示，审核期间暂不显示。</p>
<p><a class="button" href="/p/${target.programmeId}/items/${target.itemId}">返回项目页面</a></p>
<p><a href="/p/${target.programmeId}">返回成绩单</a></p>`;
  return renderPage({ title: '评价已提交 - 民心工程公开', prefs, path, body });
}

function tooMany(prefs: Prefs, path: string): string {
  const body = `<h1>操作太频繁</h1>
<p>您在短时间内提交或打开页面的次数太多，请过一会儿再试。每个事项每小时最多评价 ${FEEDBACK_LIMITS.perItemPerHour} 次，每天最多评价 ${FEEDBACK_LIMITS.perDay} 次。</p>
<p lang="en">Too many requests; wait a while and try again.</p>
<p><a class="button" href="/p/">返回全部清单</a></p>`;
  return renderPage({ title: '操作太频繁 - 民心工程公开', prefs, path, body });
}

export async function feedbackPageRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const route = '/p/:id/items/:itemId/feedback';

  // Plain HTML forms post urlencoded; parsed here only, for this plugin's routes.
  app.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: 32 * 1024 }, (_request, body, done) => {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(String(body))) if (!(key in fields)) fields[key] = value;
    done(null, fields);
  });

  // A refusal by the rate limit is a page too; everything else as the rest of the app answers it.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.statusCode === 429)
      return sendHtml(reply, 429, tooMany(prefsOf(request), request.url.split('?')[0] ?? '/p/'));
    return sendError(reply, request, error);
  });
  const rateLimit = (max: number) => ({
    rateLimit: {
      max,
      timeWindow: 60_000,
      errorResponseBuilder: () => ({ statusCode: 429, message: 'Too many requests' }),
    },
  });

  app.get(route, { schema: { hide: true }, config: rateLimit(ROUTE_LIMITS.get) }, async (request, reply) => {
    const prefs = prefsOf(request);
    const ids = params(request);
    if (!ids) return sendHtml(reply, 404, renderNotFound(prefs));
    const path = `/p/${ids.id}/items/${ids.itemId}/feedback`;
    if ((request.query as Record<string, unknown>).sent === '1') {
      const target = await feedbackTarget(db(), ids.id, ids.itemId);
      if (!target) return sendHtml(reply, 404, renderNotFound(prefs));
      return sendHtml(reply, 200, renderThanks(target, prefs, path));
    }
    const form = await openFeedbackForm(db(), ids.id, ids.itemId, { now: Date.now() });
    if (!form) return sendHtml(reply, 404, renderNotFound(prefs));
    const html = renderFeedbackForm({
      ...form,
      prefs,
      path,
      action: withQuery(path, choiceQuery(request)),
      values: { rating: '', comment: '', answer: '' },
      problems: [],
    });
    return sendHtml(reply, 200, html);
  });

  app.post(route, { schema: { hide: true }, config: rateLimit(ROUTE_LIMITS.post) }, async (request, reply) => {
    const prefs = prefsOf(request);
    const ids = params(request);
    if (!ids) return sendHtml(reply, 404, renderNotFound(prefs));
    const path = `/p/${ids.id}/items/${ids.itemId}/feedback`;
    const result = await submitFeedback(db(), {
      programmeId: ids.id,
      itemId: ids.itemId,
      body: request.body,
      clientAddress: request.ip,
      now: Date.now(),
    });
    if (result.kind === 'missing') return sendHtml(reply, 404, renderNotFound(prefs));
    if (result.kind === 'accepted')
      return reply
        .status(303)
        .header('cache-control', 'no-store')
        .redirect(withQuery(path, 'sent=1', choiceQuery(request)), 303);
    const html = renderFeedbackForm({
      ...result.form,
      prefs,
      path,
      action: withQuery(path, choiceQuery(request)),
      values: result.values,
      problems: result.problems,
    });
    return sendHtml(reply, result.status, html);
  });
}
