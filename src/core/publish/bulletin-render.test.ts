import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderBulletinDocx } from './bulletin-docx.js';
import { draftBulletin } from './bulletin-draft.js';
import {
  type RenderableBulletin,
  renderBulletinHtmlDocument,
  renderBulletinHtmlFragment,
  renderBulletinMarkdown,
  sectionHeadingText,
} from './bulletin-render.js';
import { fixtureCard } from './testing/bulletin-fixture.js';

const drafted = (): RenderableBulletin => ({
  ...draftBulletin({ card: fixtureCard(), citySums: [] }),
  cutoff: '2026-06-30',
  publishedAt: null,
});

/** A bulletin the office edited with characters that mean something in Markdown and HTML. */
const hostile = (): RenderableBulletin => {
  const b = drafted();
  b.title = '明湖区<script>alert(1)</script>“成绩单”';
  b.body.lede = '截至6月底，*全部* 完成 & 验收 [链接](javascript:x)';
  b.body.sections[0]?.paragraphs.push({ itemId: null, text: '# 不是标题 <img src=x onerror=alert(1)>' });
  return b;
};

describe('sectionHeadingText', () => {
  it('puts two spaces after a district number and nothing after 一、', () => {
    expect(sectionHeadingText({ number: '01', heading: '护苗工程' })).toBe('01  护苗工程');
    expect(sectionHeadingText({ number: '一、', heading: '住房保障' })).toBe('一、住房保障');
    expect(sectionHeadingText({ number: '', heading: '其他' })).toBe('其他');
  });
});

describe('renderBulletinMarkdown', () => {
  it('has the headline, the meta line, numbered section headings and every paragraph', () => {
    const md = renderBulletinMarkdown(drafted());
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 明湖区2026年民心工程上半年“成绩单”');
    expect(lines[2]).toBe('来源：明湖区民心工程督查室　草稿，数据截至2026年6月30日');
    expect(md).toContain('\n截至2026年6月底，1个子项已完成，其余3个子项正在加快推进。\n');
    expect(md).toContain('\n## 01  安全用心工程\n');
    expect(md).toContain('\n## 03  安居工程\n');
    expect(md).toContain('该项目已完成。');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('prints the publication date in Shanghai time once published', () => {
    const md = renderBulletinMarkdown({ ...drafted(), publishedAt: '2026-07-16T17:30:00.000Z' });
    expect(md).toContain('发布时间：2026年7月17日');
  });

  it('escapes what Markdown would read as markup', () => {
    const md = renderBulletinMarkdown(hostile());
    expect(md).toContain('\\*全部\\*');
    expect(md).toContain('\\[链接\\](javascript:x)');
    expect(md).toContain('\n\\# 不是标题 \\<img');
    expect(md).not.toContain('<script>');
  });
});

describe('renderBulletinHtmlFragment', () => {
  it('is semantic: one h1, an h2 per section, paragraphs', () => {
    const html = renderBulletinHtmlFragment(drafted());
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html.match(/<h2[ >]/g)).toHaveLength(3);
    expect(html).toContain('<span class="bulletin-number">01</span> 安全用心工程</h2>');
    expect(html).toContain('<p class="bulletin-lede">截至2026年6月底，1个子项已完成');
    expect(html).toContain('<time datetime="2026-06-30">2026年6月30日</time>');
  });

  it('escapes every text and carries no script or inline style', () => {
    const html = renderBulletinHtmlFragment(hostile());
    expect(html).toContain('明湖区&lt;script&gt;alert(1)&lt;/script&gt;“成绩单”');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('完成 &amp; 验收');
    expect(html).not.toMatch(/<script|<img|style=/);
  });

  it('makes a standalone document with inline CSS and no script', () => {
    const doc = renderBulletinHtmlDocument(hostile());
    expect(doc.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(doc).toContain('<meta charset="utf-8">');
    expect(doc).toContain('<title>明湖区&lt;script&gt;alert(1)&lt;/script&gt;“成绩单”</title>');
    expect(doc).toMatch(/<style>[^<]+<\/style>/);
    expect(doc).not.toContain('<script');
  });
});

describe('renderBulletinDocx', () => {
  it('is an A4 document in the official fonts, with numbered headings, fixed 28 pt lines and page numbers', async () => {
    const bytes = await renderBulletinDocx(drafted());
    const zip = unzipSync(bytes);
    const xml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text.split('\n')[0]).toBe('明湖区2026年民心工程上半年“成绩单”');
    expect(text).toContain('01  安全用心工程');
    expect(text).toContain('02  教育惠民工程');
    expect(text).toContain('该项目已完成。');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Title 二号 (44 half-points), body 三号 (32), fixed 28 pt lines, two-character first-line indent.
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"/>');
    expect(xml).toContain('<w:ind w:firstLine="640"/>');
    // The heading runs are in 黑体, the paragraphs in 仿宋.
    const heading = xml.match(/<w:p>(?:(?!<\/w:p>).)*01 {2}安全用心工程(?:(?!<\/w:p>).)*<\/w:p>/s)?.[0] ?? '';
    expect(heading).toContain('w:eastAsia="黑体"');
    const footer = Object.entries(zip).find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(strFromU8(footer?.[1] ?? new Uint8Array())).toContain('PAGE');
    const core = strFromU8(zip['docProps/core.xml'] ?? new Uint8Array());
    expect(core).toContain('明湖区2026年民心工程上半年“成绩单”');
  });
});
