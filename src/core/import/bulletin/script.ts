import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { isHan } from '../../text/normalize.js';
import type { BulletinScript } from './types.js';

/**
 * The two layers a reposted bulletin may carry over the text: pinyin in
 * brackets after characters (項(xiàng)) and traditional characters.
 */

const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const SYLLABLE = `[a-zü${TONE_LETTERS}]{1,6}`;
/** A bracket holding only pinyin syllables, ASCII or full-width brackets. */
const BRACKET = new RegExp(`[（(][ \\t]*(${SYLLABLE}(?:[ \\t]+${SYLLABLE}){0,5})[ \\t]*[)）]`, 'giu');
/**
 * A toned syllable whose opening bracket was lost in a bad copy (`燃?xì)`): it
 * follows a Han character or the `?` that replaced one.
 */
const ORPHAN = new RegExp(`(?<=[\\p{Script=Han}?？])[a-zü]{0,5}[${TONE_LETTERS}][a-zü]{0,5}[)）]`, 'giu');
const HAS_TONE = new RegExp(`[${TONE_LETTERS}]`, 'iu');

const readingsCache = new Map<string, Set<string>>();

/** Every toneless reading pinyin-pro knows for one character (v written as ü). */
function readingsOf(ch: string): Set<string> {
  let readings = readingsCache.get(ch);
  if (!readings) {
    const found = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }) as string[];
    readings = new Set(found.map((r) => r.toLowerCase().replace(/v/g, 'ü')));
    readingsCache.set(ch, readings);
  }
  return readings;
}

/** Does `syllable` read a character (or its simplified form: 項 or 项)? */
function reads(ch: string, syllable: string): boolean {
  const s = syllable.toLowerCase().replace(/v/g, 'ü');
  return readingsOf(ch).has(s) || readingsOf(toSimplified(ch)).has(s);
}

/**
 * Remove pinyin in brackets that directly follows Han characters. A bracket
 * with a tone letter goes; a toneless one (the neutral tone: 的(de)) goes
 * only when each syllable is a reading of the character it follows. So
 * 门(急)诊, (1), (含) and 用(app) stay.
 */
export function stripPinyin(text: string): string {
  if (!text.includes('(') && !text.includes('（') && !text.includes(')') && !text.includes('）')) return text;
  return text.replace(ORPHAN, '').replace(BRACKET, (whole: string, inside: string, offset: number) => {
    const syllables = inside.trim().split(/[ \t]+/);
    const chars = Array.from(text.slice(Math.max(0, offset - syllables.length), offset));
    if (chars.length === 0 || !isHan(chars[chars.length - 1])) return whole;
    if (HAS_TONE.test(inside)) return '';
    if (chars.length < syllables.length || !chars.every((ch) => isHan(ch))) return whole;
    return syllables.every((syllable, i) => reads(chars[i] as string, syllable)) ? '' : whole;
  });
}

let converter: ((text: string) => string) | undefined;

/**
 * Traditional → simplified, character by character: `tw→cn` (著力 → 着力,
 * keeping 著名), then `hk→cn` (衞 → 卫). Never `twp`: it rewrites words
 * (軟體 → 软件), which would change what the office wrote.
 */
export function toSimplified(text: string): string {
  if (!converter) {
    const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
    converter = (t) => hkToCn(twToCn(t));
  }
  return converter(text);
}

/** Traditional when at least one Han character in twenty changes under the conversion. */
export function detectScript(text: string, simplified: string = toSimplified(text)): BulletinScript {
  const a = Array.from(text);
  const b = Array.from(simplified);
  if (a.length !== b.length) return 'hant';
  let han = 0;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (!isHan(a[i])) continue;
    han++;
    if (a[i] !== b[i]) changed++;
  }
  return changed > 0 && changed * 20 >= han ? 'hant' : 'hans';
}
