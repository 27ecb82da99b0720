import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Mutations for the fuzz: byte-level (flips, cuts, insertions, zeroed and
 * repeated runs) for any file, and XML-level inside a sound zip (snippets
 * spliced in, ranges cut, parts dropped) for Word and Excel packages.
 */

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'zero'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('zero' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 256 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);

export function mutateBytes(source: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  // A copy (Buffer#slice would be a view), as a plain Uint8Array (Buffer#fill refuses ranges past the end).
  let bytes: Uint8Array = Uint8Array.from(source);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.kind === 'flip') bytes[at] = (bytes[at] ?? 0) ^ (1 << m.bit);
    else if (m.kind === 'truncate') bytes = bytes.slice(0, at);
    else if (m.kind === 'insert') bytes = concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
    else if (m.kind === 'zero') bytes.fill(0, at, at + m.length);
    else {
      const chunk = bytes.slice(at, at + m.length);
      bytes = concat(bytes.subarray(0, at), ...Array<Uint8Array>(m.times).fill(chunk), bytes.subarray(at));
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Snippets spliced into the XML of a package: structure, entities, odd text. */
const XML_SNIPPETS = [
  '<w:p>',
  '</w:tc>',
  '<w:tbl><w:tr><w:tc>',
  '<w:gridSpan w:val="99999999"/>',
  '<w:vMerge/>',
  '<c r="ZZZ99999" t="s"><v>99999999</v></c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<row r="0">',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&a;',
  '&#0;',
  '&#xD800;',
  ']]>',
  '<![CDATA[',
  '<?pi x?>',
  '<!--',
  '"',
  '\u0000',
  '\u202e',
  '民心',
  '<x:c>',
] as const;

export type XmlMutation =
  | { kind: 'splice'; entry: number; at: number; text: string; times: number }
  | { kind: 'cut'; entry: number; at: number; length: number }
  | { kind: 'drop'; entry: number };

export const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      entry: fc.nat(),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...XML_SNIPPETS), fc.string({ maxLength: 12 })),
      times: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 2_000 })),
    }),
  },
  fc.record({
    kind: fc.constant('cut' as const),
    entry: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({ kind: fc.constant('drop' as const), entry: fc.nat() }),
);

/** Unzip a package, change its XML, zip it again (so the zip itself is sound and the XML is what is hostile). */
export function mutatePackage(source: Uint8Array, mutations: readonly XmlMutation[]): Uint8Array {
  const files = unzipSync(source);
  const names = Object.keys(files).sort();
  const decoder = new TextDecoder();
  for (const m of mutations) {
    if (names.length === 0) break;
    const name = names[m.entry % names.length] as string;
    if (m.kind === 'drop') {
      delete files[name];
      names.splice(names.indexOf(name), 1);
      continue;
    }
    const text = decoder.decode(files[name]);
    const at = text.length === 0 ? 0 : m.at % text.length;
    const changed =
      m.kind === 'splice'
        ? text.slice(0, at) + m.text.repeat(m.times) + text.slice(at)
        : text.slice(0, at) + text.slice(at + m.length);
    files[name] = strToU8(changed);
  }
  return zipSync(files);
}
