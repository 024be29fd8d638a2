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

// Assigns competition ranks to positions already in display order; unranked (null) values get null.
function assignRanks(
  sorted: readonly number[],
  valueAt: (position: number) => number | null,
  set: (position: number, rank: number | null) => void,
): void {
  let prevKey: number | null = null;
  let prevRank = 0;
  sorted.forEach((position, n) => {
    const key = rankKey(valueAt(position));
    if (key === null) {
      set(position, null);
      return;
    }
    const rank = n > 0 && key === prevKey ? prevRank : n + 1;
    set(position, rank);
    prevKey = key;
    prevRank = rank;
  });
}

/** Items in display order with their ranks, index-aligned: rankUnits without building a new object per item. */
export interface RankedOrder<T> {
  items: T[];
  ranks: (number | null)[];
  peerGroups: (string | null)[];
  peerRanks: (number | null)[];
}

export function rankOrder<T extends RankInput>(
  items: readonly T[],
  options: RankOptions<T> = {},
): RankedOrder<T> {
  // Keys and id strings computed once per item, not once per comparison: thousands of units sort in a few ms.
  const decorated = items.map((item) => ({ item, key: rankKey(item.value), id: String(item.unitId) }));
  decorated.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return b.key - a.key;
    }
    const byName = collator.compare(a.item.name, b.item.name);
    if (byName !== 0) return byName;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const sorted = decorated.map((d) => d.item);
  const ranks: (number | null)[] = new Array(sorted.length).fill(null);
  const peerRanks: (number | null)[] = new Array(sorted.length).fill(null);
  const peerGroups = sorted.map((item) => options.peerGroupOf?.(item) ?? null);
  const positions = sorted.map((_, i) => i);
  assignRanks(
    positions,
    (i) => sorted[i].value,
    (i, rank) => {
      ranks[i] = rank;
    },
  );
  if (options.peerGroupOf) {
    const byGroup = new Map<string, number[]>();
    positions.forEach((i) => {
      const group = peerGroups[i];
      if (group === null) return;
      const list = byGroup.get(group) ?? [];
      list.push(i);
      byGroup.set(group, list);
    });
    for (const list of byGroup.values()) {
      assignRanks(
        list,
        (i) => sorted[i].value,
        (i, rank) => {
          peerRanks[i] = rank;
        },
      );
    }
  }
  return { items: sorted, ranks, peerGroups, peerRanks };
}

export function rankUnits<T extends RankInput>(
  items: readonly T[],
  options: RankOptions<T> = {},
): Ranked<T>[] {
  const o = rankOrder(items, options);
  return o.items.map((item, i) => ({
    ...item,
    rank: o.ranks[i],
    peerGroup: o.peerGroups[i],
    peerRank: o.peerRanks[i],
  }));
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
