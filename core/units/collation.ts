// Vietnamese sort order (a ă â b c d đ e ê …), numeric-aware so "Phường 2" sorts before "Phường 10".
const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'variant' });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Returns a new array sorted by `key` in Vietnamese order; ties keep their input order. */
export function sortVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((x, y) => collator.compare(x.k, y.k) || x.index - y.index)
    .map((x) => x.item);
}
