// History across reorganisation: re-express values of old units in the new structure, on demand.
// 'mean'     – mean of the predecessors' values, weighted only by the share of each old unit that went into
//              the new one (a full merger is the simple mean: the DTI 2024 precedent for merged provinces);
// 'weighted' – as 'mean' but each predecessor also weighted by weights[old] (population, headcount…);
// 'pooled'   – Σ points × share / Σ maximum × share: the predecessors scored as if they had been one unit;
// 'sum'      – Σ value × share, for counts only; when the shares of each old unit add up to 1 the total is
//              conserved. Values on a 0–1 scale are never summed (the caller refuses it).
// A predecessor without a value for a code is left out for that code. For 'weighted', a predecessor without a
// weight is what `missing` says: 'flag' leaves it out and flags the unit, 'mean' falls back to the share-weighted
// mean for that unit, 'exclude' gives the unit no value. Every unit's coverage says how much was used.

export type LineageRule = 'mean' | 'weighted' | 'pooled' | 'sum';
export type MissingWeight = 'flag' | 'mean' | 'exclude';

export interface LineageEdge {
  from: string | number;
  to: string | number;
  // Share of the old unit that went into the new one (0..1); a full transfer is 1 (the default).
  share?: number;
}

export type ValuesByUnit = Record<string, Record<string, number | null | undefined>>;

export interface Coverage {
  /** Predecessors with results. */
  total: number;
  /** Of them, those the rule could use (for 'weighted': those with a weight). */
  used: number;
  /** Σ share of the used predecessors ÷ Σ share of all of them (1 when nothing is missing). */
  shareCovered: number;
  /** 'weighted': Σ weight × share of the used predecessors; null for the other rules. */
  weightUsed: number | null;
}

/** 'complete': every predecessor counted; the others say what happened to missing weights. */
export type Treatment = 'complete' | 'flagged' | 'fallback_mean' | 'excluded';

export interface Reexpressed {
  values: Record<string, number>;
  coverage: Coverage;
  treatment: Treatment;
}

export interface ReexpressInput {
  /** The value of each code of each old unit (for 'pooled': its points). */
  values: ValuesByUnit;
  edges: readonly LineageEdge[];
  rule: LineageRule;
  weights?: Record<string, number>;
  /** 'pooled': the (applicable) maximum of each code of each old unit. */
  maxima?: ValuesByUnit;
  missing?: MissingWeight;
}

const usable = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

type Cell = { sum: number; weight: number };

function combine(
  edges: { from: string; share: number; unitWeight: number }[],
  input: ReexpressInput,
  rule: LineageRule,
): Record<string, number> {
  const cells = new Map<string, Cell>();
  for (const { from, share, unitWeight } of edges) {
    const old = input.values[from];
    if (!old) continue;
    for (const [code, value] of Object.entries(old)) {
      if (!usable(value)) continue;
      const cell = cells.get(code) ?? { sum: 0, weight: 0 };
      if (rule === 'pooled') {
        const max = input.maxima?.[from]?.[code];
        if (!usable(max) || max <= 0) continue;
        cell.sum += value * share;
        cell.weight += max * share;
      } else if (rule === 'sum') {
        cell.sum += value * share;
        cell.weight += share;
      } else {
        cell.sum += value * share * unitWeight;
        cell.weight += share * unitWeight;
      }
      cells.set(code, cell);
    }
  }
  const row: Record<string, number> = {};
  for (const [code, { sum, weight }] of cells) {
    if (rule === 'sum') row[code] = sum;
    else if (weight > 0) row[code] = sum / weight;
  }
  return row;
}

/** Each new unit's re-expressed values, with how many of its predecessors (and how much weight) they rest on. */
export function reexpress(input: ReexpressInput): Record<string, Reexpressed> {
  const byTarget = new Map<string, { from: string; share: number }[]>();
  for (const edge of input.edges) {
    const share = edge.share ?? 1;
    const from = String(edge.from);
    if (!input.values[from] || !(share > 0) || !Number.isFinite(share)) continue;
    const list = byTarget.get(String(edge.to)) ?? [];
    list.push({ from, share });
    byTarget.set(String(edge.to), list);
  }
  const out: Record<string, Reexpressed> = {};
  for (const [to, list] of byTarget) {
    const shareAll = list.reduce((s, e) => s + e.share, 0);
    if (input.rule !== 'weighted') {
      out[to] = {
        values: combine(
          list.map((e) => ({ ...e, unitWeight: 1 })),
          input,
          input.rule,
        ),
        coverage: { total: list.length, used: list.length, shareCovered: 1, weightUsed: null },
        treatment: 'complete',
      };
      continue;
    }
    const weighted = list.flatMap((e) => {
      const w = input.weights?.[e.from];
      return usable(w) && w > 0 ? [{ ...e, unitWeight: w }] : [];
    });
    const coverage: Coverage = {
      total: list.length,
      used: weighted.length,
      shareCovered: shareAll > 0 ? weighted.reduce((s, e) => s + e.share, 0) / shareAll : 0,
      weightUsed: weighted.reduce((s, e) => s + e.share * e.unitWeight, 0),
    };
    if (weighted.length === list.length) {
      out[to] = { values: combine(weighted, input, 'weighted'), coverage, treatment: 'complete' };
    } else if (input.missing === 'exclude') {
      out[to] = { values: {}, coverage, treatment: 'excluded' };
    } else if (input.missing === 'mean') {
      const plain = list.map((e) => ({ ...e, unitWeight: 1 }));
      out[to] = { values: combine(plain, input, 'mean'), coverage, treatment: 'fallback_mean' };
    } else {
      out[to] = { values: combine(weighted, input, 'weighted'), coverage, treatment: 'flagged' };
    }
  }
  return out;
}

/** The values only (the rule's treatment of missing weights: 'flag'). */
export function aggregateAcrossLineage(
  valuesByOldUnit: ValuesByUnit,
  edges: readonly LineageEdge[],
  rule: LineageRule,
  weights: Record<string, number> = {},
): Record<string, Record<string, number>> {
  const all = reexpress({ values: valuesByOldUnit, edges, rule, weights });
  return Object.fromEntries(
    Object.entries(all)
      .filter(([, r]) => Object.keys(r.values).length > 0)
      .map(([to, r]) => [to, r.values]),
  );
}

/**
 * The share each lineage link carries. A full link without a share is all of the old unit (1). A partial link
 * without a share is an assumption: the part of the old unit not given to its other successors, split evenly
 * among its partial links without a share — reported as assumed, never as a real share.
 */
export function effectiveShares(
  edges: readonly { id: number; fromUnitId: number; kind: 'full' | 'partial'; share: number | null }[],
): Map<number, { share: number; assumed: boolean }> {
  const byFrom = new Map<number, typeof edges>();
  for (const e of edges) byFrom.set(e.fromUnitId, [...(byFrom.get(e.fromUnitId) ?? []), e]);
  const out = new Map<number, { share: number; assumed: boolean }>();
  for (const list of byFrom.values()) {
    const known = list.reduce((s, e) => s + (e.share ?? 0), 0);
    const unknown = list.filter((e) => e.share === null && e.kind === 'partial');
    const rest = unknown.length ? Math.max(0, 1 - known) / unknown.length : 0;
    for (const e of list) {
      if (e.share !== null) out.set(e.id, { share: e.share, assumed: false });
      else if (e.kind === 'full') out.set(e.id, { share: 1, assumed: false });
      else out.set(e.id, { share: rest, assumed: true });
    }
  }
  return out;
}
