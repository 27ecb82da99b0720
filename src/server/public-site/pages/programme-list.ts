import type { ProgrammeView } from '../../../core/tree.js';
import { escapeHtml, type Prefs, renderPage } from '../layout.js';

/** GET /p/: the published programmes by jurisdiction, newest year first. */
export function renderProgrammeList(programmes: readonly ProgrammeView[], prefs: Prefs): string {
  const byJurisdiction = new Map<string, ProgrammeView[]>();
  for (const programme of programmes) {
    const list = byJurisdiction.get(programme.jurisdictionName);
    if (list) list.push(programme);
    else byJurisdiction.set(programme.jurisdictionName, [programme]);
  }
  const names = [...byJurisdiction.keys()].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  const sections = names.map((name, index) => {
    const list = [...(byJurisdiction.get(name) ?? [])].sort(
      (a, b) => b.year - a.year || a.title.localeCompare(b.title),
    );
    const years = [...new Set(list.map((p) => p.year))];
    const id = `j-${index}`;
    const byYear = years
      .map((year) => {
        const rows = list
          .filter((p) => p.year === year)
          .map(
            (p) =>
              `<li><a href="/p/${p.id}">${escapeHtml(p.title)}</a><span class="secondary">（${p.itemCount}项${
                p.parentTitle ? `，落实${escapeHtml(p.parentTitle)}` : ''
              }）</span></li>`,
          )
          .join('');
        return `<h3>${year}年</h3><ul>${rows}</ul>`;
      })
      .join('');
    return `<section class="programmes" aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(name)}</h2>${byYear}</section>`;
  });
  const body = `<h1>民心工程公开</h1>
<p>各级民心工程清单及其进展“成绩单”。数据由各责任单位填报、督查室审核后公开。</p>
${sections.length === 0 ? '<p>目前还没有公开的民心工程清单。</p>' : sections.join('\n')}`;
  return renderPage({
    title: '民心工程公开',
    description: '已公开的民心工程清单，按地区和年度排列。',
    prefs,
    path: '/p/',
    body,
  });
}
