/**
 * Where candidates overlap, the higher priority wins (a GitHub token in `token = "…"` is a GitHub token); at equal
 * priority the one that starts first, then the one produced first. Linear after sorting: one sweep per priority level
 * against the disjoint, sorted set kept from the levels above.
 */
export interface Ranked {
  start: number;
  end: number;
  priority: number;
}

export function resolveOverlaps<T extends Ranked>(candidates: readonly T[]): T[] {
  const byLevel = new Map<number, T[]>();
  for (const c of candidates) {
    const level = byLevel.get(c.priority);
    if (level) level.push(c);
    else byLevel.set(c.priority, [c]);
  }
  let kept: T[] = [];
  for (const priority of [...byLevel.keys()].sort((a, b) => b - a)) {
    const level = byLevel.get(priority)!.sort((a, b) => a.start - b.start); // stable: ties keep production order
    const accepted: T[] = [];
    let above = 0;
    let lastEnd = -1;
    for (const c of level) {
      while (above < kept.length && kept[above].end <= c.start) above++;
      if (above < kept.length && kept[above].start < c.end) continue;
      if (c.start < lastEnd) continue;
      accepted.push(c);
      lastEnd = c.end;
    }
    kept = mergeSorted(kept, accepted);
  }
  return kept;
}

function mergeSorted<T extends Ranked>(a: T[], b: T[]): T[] {
  if (!a.length) return b;
  if (!b.length) return a;
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) merged.push(a[i++]);
    else merged.push(b[j++]);
  }
  return merged;
}
