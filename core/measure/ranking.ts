// Rankings: standard competition ranking (1, 2, 2, 4), overall and within peer groups. Values are compared
// after quantising to 1e-9 so that sums added in a different order still tie; display order breaks ties by
// name with Vietnamese collation, then by id, so the same input always gives the same table.

export interface RankInput {
  unitId: string | number;
  name: string;
  value: number | null;
}

export interface RankOptions<T extends RankInput> {
  peerGroupOf?: (item: T) => string | null | undefined;
}

export type Ranked<T extends RankInput> = T & {
  rank: number | null;
  peerGroup: string | null;
  peerRank: number | null;
};

const QUANTUM = 1e9;
export const rankKey = (value: number | null): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * QUANTUM);

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareForDisplay(a: RankInput, b: RankInput): number {
  const ka = rankKey(a.value);
  const kb = rankKey(b.value);
  if (ka !== kb) {
    if (ka === null) return 1;
    if (kb === null) return -1;
    return kb - ka;
  }
  const byName = collator.compare(a.name, b.name);
  if (byName !== 0) return byName;
  return String(a.unitId) < String(b.unitId) ? -1 : String(a.unitId) > String(b.unitId) ? 1 : 0;
}

// Assigns competition ranks to items already sorted for display; unranked (null) values get null.
function assignRanks<T extends RankInput>(sorted: T[], set: (item: T, rank: number | null) => void): void {
  let prevKey: number | null = null;
  let prevRank = 0;
  sorted.forEach((item, pos) => {
    const key = rankKey(item.value);
    if (key === null) {
      set(item, null);
      return;
    }
    const rank = pos > 0 && key === prevKey ? prevRank : pos + 1;
    set(item, rank);
    prevKey = key;
    prevRank = rank;
  });
}

export function rankUnits<T extends RankInput>(
  items: readonly T[],
  options: RankOptions<T> = {},
): Ranked<T>[] {
  const out: Ranked<T>[] = items
    .map((item) => ({
      ...item,
      rank: null as number | null,
      peerGroup: options.peerGroupOf?.(item) ?? null,
      peerRank: null as number | null,
    }))
    .sort(compareForDisplay);
  assignRanks(out, (item, rank) => {
    item.rank = rank;
  });
  if (options.peerGroupOf) {
    const byGroup = new Map<string, Ranked<T>[]>();
    for (const item of out) {
      if (item.peerGroup === null) continue;
      const list = byGroup.get(item.peerGroup) ?? [];
      list.push(item);
      byGroup.set(item.peerGroup, list);
    }
    for (const list of byGroup.values()) {
      assignRanks(list, (item, rank) => {
        item.peerRank = rank;
      });
    }
  }
  return out;
}

// Fast path for the robustness analyses: competition ranks of a plain value array (index-aligned).
export function competitionRanks(values: Float64Array): Int32Array {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++)
    keys[i] = Number.isFinite(values[i]) ? Math.round(values[i] * QUANTUM) : -Infinity;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
  const ranks = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = idx[p];
    ranks[i] = p > 0 && keys[i] === keys[idx[p - 1]] ? ranks[idx[p - 1]] : p + 1;
  }
  return ranks;
}
