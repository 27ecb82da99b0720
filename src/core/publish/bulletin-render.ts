import { chineseDate } from '../export/notice-docx.js';
import { shanghaiDateOf } from '../work/calendar.js';
import type { BulletinRecord, BulletinSection } from './bulletin-types.js';

/**
 * A bulletin as Markdown and as HTML (a fragment for the public page, a
 * standalone document for `minxin bulletin --format html`). Pure; reads only
 * the text of the bulletin (body, title, period, cut-off, publication time),
 * never its data.
 */

export type RenderableBulletin = Pick<BulletinRecord, 'title' | 'period' | 'cutoff' | 'body' | 'publishedAt'>;

/** 01  护苗助老贴心工程 (district) / 一、强化民生托底保障 (city) / the heading alone without a number. */
export function sectionHeadingText(section: Pick<BulletinSection, 'number' | 'heading'>): string {
  const number = section.number.trim();
  if (number === '') return section.heading;
  return /[、.．]$/.test(number) ? `${number}${section.heading}` : `${number}  ${section.heading}`;
}

/** 来源：津南区民心工程督查室　发布时间：2025年7月17日; a draft says its cut-off instead. */
export function bulletinMetaLine(b: RenderableBulletin): string {
  const source = b.body.source.trim();
  const when = b.publishedAt
    ? `发布时间：${chineseDate(shanghaiDateOf(b.publishedAt))}`
    : `草稿，数据截至${chineseDate(b.cutoff)}`;
  return source === '' ? when : `来源：${source}　${when}`;
}

/** The body's paragraphs in reading order, for renderers that only need text. */
export function bulletinBlocks(
  b: RenderableBulletin,
): Array<{ kind: 'lede' | 'heading' | 'paragraph' | 'closing'; text: string; section?: number }> {
  const blocks: Array<{ kind: 'lede' | 'heading' | 'paragraph' | 'closing'; text: string; section?: number }> = [];
  if (b.body.lede.trim() !== '') blocks.push({ kind: 'lede', text: b.body.lede.trim() });
  b.body.sections.forEach((section, index) => {
    blocks.push({ kind: 'heading', text: sectionHeadingText(section), section: index });
    for (const paragraph of section.paragraphs)
      if (paragraph.text.trim() !== '') blocks.push({ kind: 'paragraph', text: paragraph.text.trim(), section: index });
  });
  if (b.body.closing.trim() !== '') blocks.push({ kind: 'closing', text: b.body.closing.trim() });
  return blocks;
}

/* ---------- Markdown ---------- */

/** Escapes what Markdown would read as markup; Chinese prose is left as it is. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#+\-=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3');
}

export function renderBulletinMarkdown(b: RenderableBulletin): string {
  const lines = [`# ${escapeMarkdown(b.title)}`, '', escapeMarkdown(bulletinMetaLine(b)), ''];
  for (const block of bulletinBlocks(b)) {
    lines.push(block.kind === 'heading' ? `## ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/* ---------- HTML ---------- */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

function timeElement(b: RenderableBulletin): string {
  const source = b.body.source.trim();
  const prefix = source === '' ? '' : `来源：${escapeHtml(source)}　`;
  if (!b.publishedAt)
    return `${prefix}草稿，数据截至<time datetime="${escapeHtml(b.cutoff)}">${chineseDate(b.cutoff)}</time>`;
  const date = shanghaiDateOf(b.publishedAt);
  return `${prefix}发布时间：<time datetime="${escapeHtml(date)}">${chineseDate(date)}</time>`;
}

/**
 * The bulletin as an `<article>`: h1 title, the source and time, the lede, one
 * `<section>` per category with an h2, and the closing. Every text escaped; no
 * script, no style attribute (the page's CSP and stylesheet apply).
 */
export function renderBulletinHtmlFragment(b: RenderableBulletin): string {
  const out: string[] = ['<article class="bulletin">', '<header>'];
  out.push(`<h1 class="bulletin-title">${escapeHtml(b.title)}</h1>`);
  out.push(`<p class="bulletin-meta">${timeElement(b)}</p>`, '</header>');
  const lede = b.body.lede.trim();
  if (lede !== '') out.push(`<p class="bulletin-lede">${escapeHtml(lede)}</p>`);
  b.body.sections.forEach((section, index) => {
    const id = `bulletin-section-${index + 1}`;
    const number = section.number.trim();
    const numberHtml = number === '' ? '' : `<span class="bulletin-number">${escapeHtml(number)}</span> `;
    out.push(`<section class="bulletin-section" aria-labelledby="${id}">`);
    out.push(`<h2 id="${id}">${numberHtml}${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs) {
      const text = paragraph.text.trim();
      if (text !== '') out.push(`<p>${escapeHtml(text)}</p>`);
    }
    out.push('</section>');
  });
  const closing = b.body.closing.trim();
  if (closing !== '') out.push(`<p class="bulletin-closing">${escapeHtml(closing)}</p>`);
  out.push('</article>');
  return out.join('\n');
}

const DOCUMENT_CSS = `
body{margin:0;background:#f5f5f5;color:#1a1a1a;font:18px/1.9 "FangSong","仿宋_GB2312","STFangsong","Songti SC",serif}
main{max-width:46em;margin:0 auto;padding:2em 1.5em;background:#fff}
.bulletin-title{font:700 1.6em/1.4 "FZXiaoBiaoSong-B05S","方正小标宋简体","SimSun",serif;text-align:center;margin:0 0 .5em}
.bulletin-meta{text-align:center;color:#555;font-size:.9em;margin:0 0 1.5em}
.bulletin h2{font:700 1.1em/1.6 "SimHei","黑体",sans-serif;margin:1.5em 0 .5em}
.bulletin-number{display:inline-block;min-width:2.5em}
.bulletin p{text-indent:2em;margin:0 0 .6em}
.bulletin .bulletin-meta{text-indent:0}
@media print{body{background:#fff}main{padding:0}}
`.trim();

/** A standalone HTML document (inline CSS, no script) for `minxin bulletin --format html`. */
export function renderBulletinHtmlDocument(b: RenderableBulletin): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(b.title)}</title>`,
    `<style>${DOCUMENT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderBulletinHtmlFragment(b),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
