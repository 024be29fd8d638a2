// History across reorganisation: re-express values of old units in the new structure, on demand.
// 'mean'     – mean of the predecessors' values, weighted only by the share of each old unit that went into
//              the new one (a full merger is the simple mean: the DTI 2024 precedent for merged provinces);
// 'weighted' – as 'mean' but each predecessor also weighted by weights[old] (population, headcount…);
// 'sum'      – Σ value × share, for counts; when the shares of each old unit add up to 1 the total is conserved.
// A predecessor without a value for a code (or, for 'weighted', without a weight) is left out for that code.

export type LineageRule = 'mean' | 'weighted' | 'sum';

export interface LineageEdge {
  from: string | number;
  to: string | number;
  // Share of the old unit that went into the new one (0..1); a full transfer is 1 (the default).
  share?: number;
}

export type ValuesByUnit = Record<string, Record<string, number | null | undefined>>;

export function aggregateAcrossLineage(
  valuesByOldUnit: ValuesByUnit,
  edges: readonly LineageEdge[],
  rule: LineageRule,
  weights: Record<string, number> = {},
): Record<string, Record<string, number>> {
  const acc = new Map<string, Map<string, { sum: number; weight: number }>>();
  for (const edge of edges) {
    const from = String(edge.from);
    const to = String(edge.to);
    const share = edge.share ?? 1;
    const old = valuesByOldUnit[from];
    if (!old || !(share > 0) || !Number.isFinite(share)) continue;
    let unitWeight = 1;
    if (rule === 'weighted') {
      const w = weights[from];
      if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0) continue;
      unitWeight = w;
    }
    const target = acc.get(to) ?? new Map<string, { sum: number; weight: number }>();
    acc.set(to, target);
    for (const [code, value] of Object.entries(old)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const cell = target.get(code) ?? { sum: 0, weight: 0 };
      const w = share * unitWeight;
      cell.sum += rule === 'sum' ? value * share : value * w;
      cell.weight += w;
      target.set(code, cell);
    }
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [to, cells] of acc) {
    const row: Record<string, number> = {};
    for (const [code, { sum, weight }] of cells) {
      if (rule === 'sum') row[code] = sum;
      else if (weight > 0) row[code] = sum / weight;
    }
    out[to] = row;
  }
  return out;
}
