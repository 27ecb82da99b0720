import { comparePeriods } from '../../../core/periods.js';
import type { CardItem, CardMilestone, ReportCard } from '../../../core/publish/report-card.js';
import { shanghaiDateOf } from '../../../core/work/calendar.js';
import type { PublicFeedback } from '../../../db/repositories/feedback.repository.js';
import type { PublicItemProgress } from '../../use-cases/publish/get-public-item-progress.js';
import { escapeHtml, type Prefs, renderPage } from '../layout.js';
import { progressCharts } from './chart.js';
import { programmeLinks } from './report-card.js';
import {
  crumbs,
  deadlineText,
  fullDate,
  indicatorList,
  itemLabel,
  meter,
  milestoneDate,
  monthDay,
  periodWord,
  progressText,
  speakButton,
  statusBadge,
  unitFacts,
} from './shared.js';

/** GET /p/{id}/items/{itemId}: one item or part with its timeline, chart and residents' feedback. */

export interface ItemPageInputs {
  card: ReportCard;
  item: CardItem;
  parent: CardItem | null;
  categoryTitle: string;
  progress: PublicItemProgress | undefined;
  feedback: PublicFeedback;
  prefs: Prefs;
}

/**
 * Whether a milestone was reached by its date, as far as the public data can
 * tell: not due yet; done with the item; or, where the plan has indicator
 * checkpoints for its period, whether the approved actuals up to that period
 * reached them. Otherwise only that it is due.
 */
export function milestoneState(
  milestone: CardMilestone,
  date: string | null,
  today: string,
  item: Pick<CardItem, 'status'>,
  progress: PublicItemProgress | undefined,
): string {
  if (item.status === 'done') return '已完成';
  if (date !== null && date > today) return '未到期';
  const checks = (progress?.indicators ?? []).flatMap((series) => {
    const planned = series.planned.find((p) => p.period === milestone.period);
    if (!planned) return [];
    const upTo = series.actual.filter((a) => comparePeriods(a.period, milestone.period) <= 0);
    const latest = upTo[upTo.length - 1];
    if (!latest) return [false];
    return [series.direction === 'decrease' ? latest.value <= planned.value : latest.value >= planned.value];
  });
  if (checks.length === 0) return date === null ? '' : '已到期';
  return checks.every(Boolean) ? '已按期达到' : '未按期达到';
}

function timeline(year: number, today: string, item: CardItem, progress: PublicItemProgress | undefined): string {
  if (item.milestones.length === 0) return '<p>清单未列出阶段性目标。</p>';
  const rows = item.milestones.map((m) => {
    const date = milestoneDate(year, m);
    const state = milestoneState(m, date, today, item, progress);
    const when = `${periodWord(m.period)}${date ? `（${monthDay(date)}前）` : ''}`;
    return `<li><p class="when">${escapeHtml(when)}</p><p>${escapeHtml(m.text)}</p>${
      state ? `<p class="reached">${escapeHtml(state)}</p>` : ''
    }</li>`;
  });
  return `<ol class="timeline">${rows.join('')}</ol>`;
}

function feedbackSection(card: ReportCard, item: CardItem, feedback: PublicFeedback): string {
  const summary =
    feedback.count === 0 || feedback.average === null
      ? '<p>暂无群众评价。</p>'
      : `<p class="rating">满意度 ${escapeHtml(feedback.average.toFixed(1))} 分（满分5分，共${feedback.count}人次评价）</p>`;
  const comments =
    feedback.comments.length === 0
      ? ''
      : `<h3>群众留言</h3><ul class="comments">${feedback.comments
          .map(
            (c) =>
              `<li><p>${escapeHtml(c.comment)}</p><p class="meta">评分${c.rating}分 · ${escapeHtml(
                fullDate(shanghaiDateOf(c.createdAt)),
              )}</p></li>`,
          )
          .join('')}</ul>`;
  return `<section id="feedback" aria-labelledby="feedback-h"><h2 id="feedback-h">群众评价</h2>${summary}
<p><a class="button" href="/p/${card.programme.id}/items/${item.id}/feedback">我要评价</a></p>${comments}</section>`;
}

export function renderItemPage(inputs: ItemPageInputs): string {
  const { card, item, parent, progress, feedback, prefs } = inputs;
  const programmeId = card.programme.id;
  const path = `/p/${programmeId}/items/${item.id}`;
  const trail = [
    { href: '/p/', text: '全部清单' },
    { href: `/p/${programmeId}`, text: card.programme.title },
    ...(parent ? [{ href: `/p/${programmeId}/items/${parent.id}`, text: itemLabel(parent) }] : []),
    { text: itemLabel(item) },
  ];
  const deadline = deadlineText(item);
  const parts =
    item.parts.length === 0
      ? ''
      : `<section id="parts" aria-labelledby="parts-h"><h2 id="parts-h">分项</h2><ul>${item.parts
          .map(
            (p) =>
              `<li><a href="/p/${programmeId}/items/${p.id}">${escapeHtml(itemLabel(p))}</a> ${statusBadge(p)}${
                p.progress ? `<br>${escapeHtml(p.progress)}` : ''
              }</li>`,
          )
          .join('')}</ul></section>`;
  const body = `${crumbs(trail)}
<section id="item" aria-labelledby="item-h">
<h1 id="item-h">${escapeHtml(itemLabel(item))}</h1>
<p class="meta">${escapeHtml(card.programme.title)} · ${escapeHtml(inputs.categoryTitle)}${
    parent ? ` · 所属子项：<a href="/p/${programmeId}/items/${parent.id}">${escapeHtml(itemLabel(parent))}</a>` : ''
  }</p>
<p>${statusBadge(item)}</p>
${meter('item-bar', '进度', item.percent)}
<dl class="facts">${deadline ? `<dt>完成时限</dt><dd>${escapeHtml(deadline)}</dd>` : ''}${unitFacts(item)}</dl>
${item.commitment ? `<p>任务：${escapeHtml(item.commitment)}</p>` : ''}
${progressText(item)}
${indicatorList(item.indicators)}
${speakButton('item')}
</section>
${parts}
<section id="milestones" aria-labelledby="milestones-h"><h2 id="milestones-h">时间节点</h2>
${timeline(card.programme.year, card.asOf, item, progress)}
${speakButton('milestones')}
</section>
<section id="chart" aria-labelledby="chart-h"><h2 id="chart-h">计划与实际</h2>
${progressCharts(progress)}
</section>
${feedbackSection(card, item, feedback)}
${programmeLinks(programmeId, prefs)}`;
  return renderPage({
    title: `${item.name} - ${card.programme.title}`,
    description: `${item.name}：${item.statusLabel}`,
    prefs,
    path,
    body,
  });
}
