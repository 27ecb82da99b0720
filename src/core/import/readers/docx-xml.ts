/** Walking fast-xml-parser's ordered output of WordprocessingML (read-docx.ts). */

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }`, or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

export function tagOf(node: XmlNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'];
  if (attributes === null || typeof attributes !== 'object') return undefined;
  const value = (attributes as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The first child with this tag. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Children with this tag, looking through content controls and custom XML, which wrap rows, cells and paragraphs. */
export function* childrenThrough(node: XmlNode, tags: ReadonlySet<string>): Generator<XmlNode> {
  for (const c of childrenOf(node)) {
    const tag = tagOf(c);
    if (tag === undefined) continue;
    if (tags.has(tag)) yield c;
    else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml') yield* childrenThrough(c, tags);
  }
}

export function intAttribute(node: XmlNode | undefined, fallback: number): number {
  if (!node) return fallback;
  const value = Number.parseInt(attribute(node, 'val') ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Hidden text Minxin itself wrote: the programme embedded in an exported file
 * (src/core/export/embedded-document.ts), read so the file imports back exactly.
 */
export function isEmbeddedCopy(run: XmlNode): boolean {
  const t = child(run, 't');
  return t !== undefined && textOf(t).startsWith('minxin:');
}

/** A run formatted as hidden text (w:vanish), which Word neither shows nor prints. */
export function isHidden(run: XmlNode): boolean {
  const rPr = child(run, 'rPr');
  const vanish = rPr && child(rPr, 'vanish');
  if (!vanish) return false;
  const value = attribute(vanish, 'val');
  return value !== '0' && value !== 'false' && value !== 'off';
}

export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((c) => {
      const text = c['#text'];
      return typeof text === 'string' || typeof text === 'number' ? String(text) : '';
    })
    .join('');
}
