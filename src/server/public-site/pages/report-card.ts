import type { CardCategory, CardItem, ReportCard } from '../../../core/publish/report-card.js';
import { escapeHtml, type Prefs, renderPage } from '../layout.js';
import {
  categoryNumber,
  crumbs,
  deadlineText,
  headlineText,
  indicatorList,
  itemLabel,
  meter,
  progressText,
  speakButton,
  statusBadge,
  unitFacts,
} from './shared.js';

/** GET /p/{id}: the report card (成绩单) of a published programme. */

/** Bulletins and open data of a programme (pages served by the bulletin and open-data routes). */
export function programmeLinks(programmeId: number, prefs: Prefs): string {
  const base = `/p/${programmeId}`;
  const files = [
    ['export.xlsx', '清单（Excel）'],
    ['export.csv', '清单（CSV）'],
    ['export.json', '清单（JSON）'],
    ['status.csv', '进度（CSV）'],
    ['status.json', '进度（JSON）'],
  ]
    .map(([file, text]) => `<li><a href="${base}/${file}">${text}</a></li>`)
    .join('');
  return `<section class="links" aria-labelledby="links-h"><h2 id="links-h">通报与开放数据</h2>
<ul><li><a href="${base}/bulletins">进展情况通报</a></li></ul>
<details${prefs.elder ? '' : ' open'}><summary>下载开放数据</summary><ul>${files}</ul></details></section>`;
}

function partsList(programmeId: number, item: CardItem, prefs: Prefs): string {
  if (item.parts.length === 0) return '';
  const parts = item.parts
    .map(
      (part) =>
        `<li><a href="/p/${programmeId}/items/${part.id}">${escapeHtml(itemLabel(part))}</a> ${statusBadge(part)}${
          part.progress ? `<br>${escapeHtml(part.progress)}` : ''
        }</li>`,
    )
    .join('');
  return `<details class="parts"${prefs.elder ? '' : ' open'}><summary>分项（${item.parts.length}个）</summary><ul>${parts}</ul></details>`;
}

function itemCard(programmeId: number, item: CardItem, prefs: Prefs): string {
  const id = `i-${item.id}`;
  const deadline = deadlineText(item);
  return `<li class="item"><article id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><a href="/p/${programmeId}/items/${item.id}">${escapeHtml(itemLabel(item))}</a></h3>
<p>${statusBadge(item)}</p>
${meter(`${id}-bar`, '进度', item.percent)}
<dl class="facts">${deadline ? `<dt>完成时限</dt><dd>${escapeHtml(deadline)}</dd>` : ''}${unitFacts(item)}</dl>
${item.commitment ? `<p class="secondary">任务：${escapeHtml(item.commitment)}</p>` : ''}
${progressText(item)}
${indicatorList(item.indicators)}
${partsList(programmeId, item, prefs)}
${speakButton(id, '本项')}
</article></li>`;
}

function categorySection(programmeId: number, category: CardCategory, index: number, prefs: Prefs): string {
  const id = `c-${category.id}`;
  return `<section class="category" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h"><span class="num">${categoryNumber(index)}</span>${escapeHtml(category.title)}</h2>
<p>${category.total}个子项中${category.done}个已完成</p>
${meter(`${id}-bar`, '本类进度', category.percent)}
${speakButton(id)}
<ol class="items">${category.items.map((item) => itemCard(programmeId, item, prefs)).join('\n')}</ol>
</section>`;
}

export function renderReportCard(card: ReportCard, prefs: Prefs): string {
  const { programme } = card;
  const path = `/p/${programme.id}`;
  const toc =
    card.categories.length > 1
      ? `<nav class="toc secondary" aria-label="大项目录"><ul>${card.categories
          .map(
            (c, i) =>
              `<li><a href="#c-${c.id}">${categoryNumber(i)} ${escapeHtml(c.title)}（${c.done}/${c.total}）</a></li>`,
          )
          .join('')}</ul></nav>`
      : '';
  const body = `${crumbs([{ href: '/p/', text: '全部清单' }, { text: programme.title }])}
<section id="summary" aria-labelledby="summary-h">
<h1 id="summary-h">${escapeHtml(programme.title)}</h1>
<p class="meta">${escapeHtml(programme.jurisdictionName)} · ${programme.year}年 · “成绩单”</p>
<p class="headline">${escapeHtml(headlineText(card))}</p>
${meter('overall', '总体进度', card.headline.percent)}
${speakButton('summary')}
</section>
${toc}
${card.categories.map((c, i) => categorySection(programme.id, c, i, prefs)).join('\n')}
${programmeLinks(programme.id, prefs)}`;
  return renderPage({
    title: `${programme.title}“成绩单”`,
    description: headlineText(card),
    prefs,
    path,
    body,
  });
}
