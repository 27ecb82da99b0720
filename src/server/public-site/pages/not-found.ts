import { type Prefs, prefsKey, renderPage } from '../layout.js';

/** The public site's 404 page: Chinese first, a way back to the list. Rendered once per choice. */
const rendered = new Map<string, string>();

export function renderNotFound(prefs: Prefs): string {
  const key = prefsKey(prefs);
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderPage({
      title: '页面不存在 - 民心工程公开',
      prefs,
      path: '/p/',
      body: `<h1>页面不存在</h1>
<p>您要找的清单或项目不存在，或尚未公开。请检查网址，或返回全部清单查找。</p>
<p lang="en">Page not found: this programme or item does not exist or is not public.</p>
<p><a class="button" href="/p/">返回全部清单</a></p>`,
    });
    rendered.set(key, html);
  }
  return html;
}
