export const JURISDICTION_LEVELS = ['city', 'district', 'town'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/** 天津市 → city, 西青区 / 蓟州县 → district, 杨柳青镇 / xx街道 → town; a guess used when a document names a new jurisdiction. */
export function guessJurisdictionLevel(name: string): JurisdictionLevel {
  const trimmed = name.trim();
  if (/(镇|乡|街道|街)$/.test(trimmed)) return 'town';
  if (/(区|县|旗)$/.test(trimmed)) return 'district';
  if (/市$/.test(trimmed)) return 'city';
  return 'district';
}

/** Every id at or under `rootId` in a parent-linked list. */
export function descendantsOf(rootId: number, all: readonly { id: number; parentId: number | null }[]): number[] {
  const children = new Map<number, number[]>();
  for (const j of all) {
    if (j.parentId === null) continue;
    const list = children.get(j.parentId) ?? [];
    list.push(j.id);
    children.set(j.parentId, list);
  }
  const result: number[] = [];
  const stack = [rootId];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}
