import { canonicalUnit } from '../../text/quantity.js';
import { compareKey, firstSentence, splitCommitment } from './text.js';
import type {
  BulletinMatch,
  BulletinMatchResult,
  BulletinParagraph,
  BulletinUnmatched,
  MatchItem,
  MatchProgramme,
  ReadBulletin,
} from './types.js';
import { mentionsIndicator, valueFor } from './values.js';

/**
 * Match the paragraphs of a read bulletin to a programme's items, on two
 * kinds of evidence only (docs/design/publish-plan.md §2):
 * 1. the paragraph's commitment sentence equals, or contains, an item's
 *    target, description or name (compared without punctuation or width);
 * 2. else the item's name, or an indicator name with a number of its unit
 *    that no other item has, is found in the paragraph, for exactly one item.
 * Items are looked for in the paragraph's category when its heading is a
 * category title, else in the whole programme. A tie, no evidence, or two
 * paragraphs on one item leave the paragraph unmatched, with the reason:
 * nothing is guessed.
 */
export function matchBulletin(read: ReadBulletin, programme: MatchProgramme): BulletinMatchResult {
  const items = programme.items;
  const categoriesByKey = new Map<string, number[]>();
  for (const category of programme.categories) {
    const key = compareKey(category.title);
    categoriesByKey.set(key, [...(categoriesByKey.get(key) ?? []), category.id]);
  }
  const itemById = new Map(items.map((item) => [item.id, item]));
  const label = (id: number) => {
    const item = itemById.get(id);
    return item ? `${item.number ? `${item.number} ` : ''}${item.name}` : String(id);
  };

  const found: Array<{ paragraph: BulletinParagraph; item: MatchItem; evidence: string; claimedDone: boolean }> = [];
  const unmatched: BulletinUnmatched[] = [];
  const claimed = new Map<number, BulletinParagraph>();
  for (const paragraph of read.paragraphs) {
    const claims = doneClaims(paragraph, items);
    for (const [id, sentence] of claims) if (!claimed.has(id)) claimed.set(id, sentence);
    const ids = paragraph.category === undefined ? undefined : categoriesByKey.get(compareKey(paragraph.category));
    const inCategory = ids?.length === 1;
    const scope = inCategory ? items.filter((i) => i.categoryId === ids[0]) : items;
    const result = findItem(paragraph, scope, read.genre, inCategory ? '本大项中' : '全清单中');
    if (result.kind === 'match') {
      const claimedDone = /该项(?:目|工作)?已(?:全部)?完成/.test(paragraph.text);
      found.push({ paragraph, item: result.item, evidence: result.evidence, claimedDone });
    } else if (claims.size === 0) {
      const candidates = result.kind === 'tie' ? result.items.map((i) => i.id) : [];
      const reason =
        result.kind === 'tie'
          ? `有${candidates.length}个子项同样符合（${candidates.map(label).join('；')}），不自动匹配，请核对后手工录入。`
          : `${inCategory ? '本大项' : '全清单'}中没有子项的全年目标、任务明细或名称与本段首句一致，段落中也没有只属于一个子项的名称或指标。`;
      unmatched.push({ paragraph, kind: result.kind, reason, candidates });
    }
  }

  // An item claimed by two paragraphs is left to a person.
  const byItem = new Map<number, typeof found>();
  for (const f of found) byItem.set(f.item.id, [...(byItem.get(f.item.id) ?? []), f]);
  const matches: BulletinMatch[] = [];
  for (const [itemId, list] of byItem) {
    const item = list[0]?.item as MatchItem;
    if (list.length > 1) {
      for (const f of list) {
        const others = list.filter((o) => o !== f).map((o) => `第${o.paragraph.position + 1}段`);
        unmatched.push({
          paragraph: f.paragraph,
          kind: 'duplicate',
          reason: `与${others.join('、')}对应同一子项（${label(itemId)}），不自动匹配，请核对后手工录入。`,
          candidates: [itemId],
        });
      }
      continue;
    }
    const f = list[0] as (typeof found)[number];
    matches.push(matchOf(f.paragraph, item, f.evidence, f.claimedDone || claimed.has(itemId), read.genre));
  }
  for (const [itemId, sentence] of claimed) {
    const item = itemById.get(itemId);
    if (!item || byItem.has(itemId)) continue;
    matches.push(matchOf(sentence, item, `导语称“${item.name}”已完成`, true, read.genre));
  }
  matches.sort((a, b) => a.paragraph.position - b.paragraph.position || a.itemId - b.itemId);
  unmatched.sort((a, b) => a.paragraph.position - b.paragraph.position);
  return { matches, unmatched };
}

type Found =
  | { kind: 'match'; item: MatchItem; evidence: string }
  | { kind: 'tie'; items: MatchItem[] }
  | { kind: 'none' };

const FIELDS = [
  ['target', '全年目标'],
  ['description', '任务明细'],
  ['name', '名称'],
] as const;

function findItem(paragraph: BulletinParagraph, scope: readonly MatchItem[], genre: string, where: string): Found {
  const commitment = genre === 'district' ? splitCommitment(paragraph.text).commitment : paragraph.text;
  const kc = compareKey(commitment);
  const equal = new Map<MatchItem, string>();
  const contains = new Map<MatchItem, string>();
  if (kc.length >= 2) {
    for (const item of scope) {
      for (const [field, word] of FIELDS) {
        const value = item[field];
        for (const text of new Set([value, firstSentence(value)])) {
          const kf = compareKey(text);
          if (kf.length < 2) continue;
          const no = item.number ? `子项${item.number}` : '子项';
          if (kc === kf && !equal.has(item)) equal.set(item, `首句与${no}的${word}一致`);
          else if (kf.length >= 4 && kc.includes(kf) && !contains.has(item))
            contains.set(item, `首句包含${no}的${word}`);
        }
      }
    }
  }
  for (const hits of [equal, contains]) {
    if (hits.size > 1) return { kind: 'tie', items: [...hits.keys()] };
    const [hit] = hits;
    if (hit) return { kind: 'match', item: hit[0], evidence: hit[1] };
  }

  // Second kind: a name or a distinctive indicator found in exactly one item.
  const kp = compareKey(paragraph.text);
  const indicatorOwners = new Map<string, Set<number>>();
  for (const item of scope) {
    for (const indicator of item.indicators) {
      const key = `${compareKey(indicator.name)}|${canonicalUnit(indicator.unit)}`;
      indicatorOwners.set(key, (indicatorOwners.get(key) ?? new Set()).add(item.id));
    }
  }
  const hits = new Map<MatchItem, string>();
  for (const item of scope) {
    const kn = compareKey(item.name);
    if (kn.length >= 4 && kp.includes(kn)) {
      hits.set(item, `段落含子项名称“${item.name}”，${where}仅此一项`);
      continue;
    }
    for (const indicator of item.indicators) {
      const key = `${compareKey(indicator.name)}|${canonicalUnit(indicator.unit)}`;
      if (indicatorOwners.get(key)?.size !== 1 || !mentionsIndicator(paragraph.text, indicator)) continue;
      hits.set(item, `段落含指标“${indicator.name}”及其单位“${indicator.unit}”，${where}仅此一项有此指标`);
      break;
    }
  }
  if (hits.size > 1) return { kind: 'tie', items: [...hits.keys()] };
  const [hit] = hits;
  return hit ? { kind: 'match', item: hit[0], evidence: hit[1] } : { kind: 'none' };
}

function matchOf(
  paragraph: BulletinParagraph,
  item: MatchItem,
  evidence: string,
  claimedDone: boolean,
  genre: string,
): BulletinMatch {
  // The district paragraph restates the target first: numbers are read from what follows.
  const progress = genre === 'district' ? splitCommitment(paragraph.text).progress : paragraph.text;
  const values = item.indicators.flatMap((indicator) => {
    const found = valueFor(progress, indicator);
    return found ? [{ indicatorId: indicator.id, value: found.value, text: found.text }] : [];
  });
  return { paragraph, itemId: item.id, evidence, claimedDone, values };
}

/** `“提高居民医保门(急)诊报销待遇”工作已完成`: quoted names said to be done. */
const DONE_CLAIM =
  /((?:[“"「][^”"」]{2,60}[”"」][、和及与，,]?)+)(?:等)?(?:工作|项目|任务)?(?:均|已经)?已(?:全部|全面)?完成/gu;

/** Items a paragraph names as done, by their exact name, each with the sentence that says so. */
function doneClaims(paragraph: BulletinParagraph, items: readonly MatchItem[]): Map<number, BulletinParagraph> {
  const result = new Map<number, BulletinParagraph>();
  if (!paragraph.text.includes('完成')) return result;
  for (const m of paragraph.text.matchAll(DONE_CLAIM)) {
    const names = [...(m[1] ?? '').matchAll(/[“"「]([^”"」]{2,60})[”"」]/gu)].map((q) => compareKey(q[1] ?? ''));
    const start = paragraph.text.lastIndexOf('。', m.index) + 1;
    const stop = paragraph.text.indexOf('。', m.index);
    const sentence = paragraph.text.slice(start, stop < 0 ? undefined : stop + 1).trim();
    for (const key of names) {
      const named = items.filter((item) => compareKey(item.name) === key);
      const only = named[0];
      if (named.length === 1 && only) result.set(only.id, { ...paragraph, text: sentence });
    }
  }
  return result;
}
