import type { FastifyRequest } from 'fastify';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { assetHref } from './assets/load-assets.js';

/**
 * The public site's page shell and the reader's choices: 适老版 (elder mode),
 * 繁體 and 拼音. Everything is rendered on the server, so every page works
 * without JavaScript; the choices come from the query (?mode=elder&zh=hant&py=1)
 * or else from the `minxin_prefs` cookie that GET /p/prefs sets (remembered
 * without JavaScript too). Pages are cached per choice (see prefsKey).
 */

export interface Prefs {
  elder: boolean;
  hant: boolean;
  pinyin: boolean;
}

export const PREFS_COOKIE = 'minxin_prefs';
export const DEFAULT_PREFS: Prefs = { elder: false, hant: false, pinyin: false };

/** `elder.hant.py` style cookie value ⇄ prefs. */
export function encodePrefs(prefs: Prefs): string {
  return [prefs.elder ? 'elder' : '', prefs.hant ? 'hant' : '', prefs.pinyin ? 'py' : ''].filter(Boolean).join('.');
}

export function decodePrefs(value: string | undefined): Prefs {
  const parts = new Set((value ?? '').split('.'));
  return { elder: parts.has('elder'), hant: parts.has('hant'), pinyin: parts.has('py') };
}

const flag = (value: unknown, on: string, off: string): boolean | undefined =>
  value === on ? true : value === off ? false : undefined;

/** The query overrides the cookie, choice by choice. */
export function prefsOf(request: FastifyRequest): Prefs {
  const saved = decodePrefs(request.cookies?.[PREFS_COOKIE]);
  const query = (request.query ?? {}) as Record<string, unknown>;
  return {
    elder: flag(query.mode, 'elder', 'standard') ?? saved.elder,
    hant: flag(query.zh, 'hant', 'hans') ?? saved.hant,
    pinyin: flag(query.py, '1', '0') ?? saved.pinyin,
  };
}

/** Part of every cache key of a rendered page. */
export function prefsKey(prefs: Prefs): string {
  return encodePrefs(prefs) || 'plain';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

let toHantConverter: ((text: string) => string) | undefined;

/** Simplified → traditional, character by character (cn→tw, never cn→twp: that rewrites words). */
export function toHant(text: string): string {
  const convert = toHantConverter ?? OpenCC.Converter({ from: 'cn', to: 'tw' });
  toHantConverter = convert;
  return convert(text);
}

/** Compact ruby for the Han characters of a text (escaped); everything else escaped as is. */
export function rubyText(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return escapeHtml(text);
  const chars = [...text];
  const syllables = pinyin(text, { type: 'all' });
  let out = '';
  chars.forEach((char, i) => {
    const s = syllables[i];
    if (s?.isZh && s.origin === char && s.pinyin)
      out += `<ruby>${escapeHtml(char)}<rp>(</rp><rt>${escapeHtml(s.pinyin)}</rt><rp>)</rp></ruby>`;
    else out += escapeHtml(char);
  });
  return out;
}

const SKIP_TEXT = new Set(['title', 'script', 'style', 'textarea', 'option', 'rt', 'rp', 'ruby', 'svg']);

/**
 * Pinyin over every text node of an HTML fragment outside title/script/style/
 * form options/svg and elements marked `data-nopy`. Attributes are untouched.
 */
export function addPinyin(html: string): string {
  const decode = (s: string) =>
    s.replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _,
    );
  const stack: string[] = [];
  let skipDepth = 0;
  return html.replace(/(<[^>]+>)|([^<]+)/g, (match, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const m = /^<(\/?)([a-zA-Z0-9-]+)([^>]*?)(\/?)>$/.exec(tag);
      if (
        m &&
        !m[4] &&
        !/^(br|hr|img|input|meta|link|source|wbr|area|col|path|rect|circle|line|polyline)$/i.test(m[2] ?? '')
      ) {
        const name = (m[2] ?? '').toLowerCase();
        if (m[1]) {
          const opened = stack.pop();
          if (opened === 'skip') skipDepth--;
        } else {
          const skip = SKIP_TEXT.has(name) || /\sdata-nopy\b/.test(m[3] ?? '');
          stack.push(skip ? 'skip' : name);
          if (skip) skipDepth++;
        }
      }
      return match;
    }
    if (skipDepth > 0 || !text) return match;
    return rubyText(decode(text));
  });
}

/** Apply the reader's script choices to a rendered page: pinyin first, then 繁體 (ruby stays ASCII). */
export function applyScript(html: string, prefs: Prefs): string {
  let out = html;
  if (prefs.pinyin) {
    const start = out.indexOf('<body');
    out = start < 0 ? addPinyin(out) : out.slice(0, start) + addPinyin(out.slice(start));
  }
  if (prefs.hant) out = toHant(out);
  return out;
}

export interface PageOptions {
  title: string;
  prefs: Prefs;
  /** The page's own path (for the switches' return address), e.g. /p/3 */
  path: string;
  body: string;
  description?: string;
  /** Extra elements for <head> (alternate links, feeds). */
  head?: string;
}

/** A link that flips one choice and comes back here (GET /p/prefs sets the cookie). */
export function switchHref(path: string, prefs: Prefs, change: Partial<Prefs>): string {
  const next = { ...prefs, ...change };
  return `/p/prefs?set=${encodeURIComponent(encodePrefs(next) || 'plain')}&back=${encodeURIComponent(path)}`;
}

const SWITCHES_SLOT = '<!--switches-->';

/**
 * The switches, added after the script choices are applied: the 简体/繁體 link
 * names the other script in that script, and the switches carry no ruby.
 */
function switchesHtml(path: string, prefs: Prefs): string {
  const label = (text: string) => (prefs.hant ? toHant(text) : text);
  return [
    `<a href="${escapeHtml(switchHref(path, prefs, { elder: !prefs.elder }))}" class="switch">${label(prefs.elder ? '标准版' : '适老版')}</a>`,
    prefs.hant
      ? `<a href="${escapeHtml(switchHref(path, prefs, { hant: false }))}" class="switch" lang="zh-Hans">简体</a>`
      : `<a href="${escapeHtml(switchHref(path, prefs, { hant: true }))}" class="switch" lang="zh-Hant">繁體</a>`,
    `<a href="${escapeHtml(switchHref(path, prefs, { pinyin: !prefs.pinyin }))}" class="switch">${label(prefs.pinyin ? '关闭拼音' : '拼音')}</a>`,
  ].join('');
}

/**
 * The whole document, choices applied. Assets: /p/assets/public.css and
 * public.js with a `?v=` of their hash (served immutable). The stop button of
 * read-aloud is hidden until public.js finds the Web Speech API.
 */
export function renderPage(options: PageOptions): string {
  const { prefs, path } = options;
  const lang = prefs.hant ? 'zh-Hant' : 'zh-Hans';
  const page = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${options.description ? `<meta name="description" content="${escapeHtml(options.description)}">` : ''}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetHref('public.css')}">
<script src="${assetHref('public.js')}" defer></script>
${options.head ?? ''}
</head>
<body class="${prefs.elder ? 'elder' : 'standard'}${prefs.pinyin ? ' pinyin' : ''}">
<a class="skip" href="#main">跳到主要内容</a>
<header class="site"><a class="home" href="/p/">民心工程公开</a><nav class="switches" aria-label="阅读方式">${SWITCHES_SLOT}<button type="button" class="speak-stop" hidden>停止朗读</button></nav></header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer class="site"><p>数据来自各责任单位填报、督查室审核后公开。<a href="/p/">全部清单</a></p></footer>
</body>
</html>
`;
  return applyScript(page, prefs).replace(SWITCHES_SLOT, switchesHtml(path, prefs));
}
