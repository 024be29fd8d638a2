import type { PeriodResults, RankedUnit } from '../../../../core/contracts/measure.js';
import {
  type Coverage,
  effectiveShares,
  type LineageEdge,
  type LineageRule,
  type MissingWeight,
  reexpress,
  type Treatment,
} from '../../../../core/measure/lineage.js';
import { rankUnits } from '../../../../core/measure/ranking.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import { createLru } from '../../../lib/lru.js';
import type { FrameworksRepository } from '../frameworks/frameworks.repository.js';
import type { HistoryRepository, LineageLink } from './history.repository.js';

// Published results re-expressed in another structure through unit_lineage, from one or several source
// snapshots (e.g. the 2024 rankings of Thái Nguyên (cũ) and Bắc Kạn (cũ) → the 92 communes of today). Computed
// on demand from immutable snapshots and cached under the snapshots' ids and the revisions of units, lineage
// and headcounts (bumped by database triggers on every write, in every process): a changed headcount or share
// is seen by the next request in any process, and stored values are never rewritten.

const MAX_HOPS = 4;
const CACHE_SIZE = 64;
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
export const roundOrNull = (x: number | null | undefined): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? round6(x) : null;

export type ReexpressOptions = {
  rule: LineageRule;
  weight: 'population' | 'officials';
  missing: MissingWeight;
};
export type Source = {
  periodId: number;
  snapshot: { id: number; frameworkId: number; results: PeriodResults };
};
/** A path from an old unit to a unit of the target structure; shares multiply along it. */
export type Path = { from: number; to: number; share: number; assumed: boolean };

export type Contributor = {
  unitId: number;
  unitName: string;
  periodId: number;
  share: number;
  shareAssumed: boolean;
  weight: number | null;
  value: number | null;
};

export type ReexpressedUnit = {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  value: number | null;
  rank: number | null;
  mainIndices: { code: string; value: number | null }[];
  predecessors: Contributor[];
  coverage: Coverage;
  treatment: Treatment;
};

export type ReexpressDeps = {
  history: HistoryRepository;
  frameworks: Pick<FrameworksRepository, 'find'>;
};

function valuesOf(list: RankedUnit[]) {
  return Object.fromEntries(
    list.map((u) => [
      String(u.unitId),
      { total: u.value, ...Object.fromEntries(u.mainIndices.map((m) => [m.code, m.value])) },
    ]),
  );
}

/** Points and maxima for the pooled rule; a main index's maximum is points ÷ value, or the framework's. */
function pointsAndMaxima(list: RankedUnit[], mainMax: Map<string, number>) {
  const points: Record<string, Record<string, number | null>> = {};
  const maxima: Record<string, Record<string, number | null>> = {};
  for (const u of list) {
    const id = String(u.unitId);
    points[id] = { total: u.value === null ? null : u.points };
    maxima[id] = { total: u.applicableMax };
    for (const m of u.mainIndices) {
      points[id][m.code] = m.value === null ? null : m.points;
      maxima[id][m.code] =
        m.value === null ? null : m.value > 0 ? m.points / m.value : (mainMax.get(m.code) ?? null);
    }
  }
  return { points, maxima };
}

export function createReexpression(deps: ReexpressDeps) {
  const { history } = deps;
  const cache = createLru<ReexpressedUnit[]>(CACHE_SIZE);

  /** Shares of links, with the assumed ones marked (a partial link without a share). */
  async function linksFrom(fromIds: number[]) {
    const links = await history.successorEdges(fromIds);
    return { links, shares: effectiveShares(links) };
  }

  /** Old unit → unit of `structureId` paths, following lineage forward. */
  async function pathsInto(fromIds: number[], structureId: number): Promise<Path[]> {
    const found = new Map<string, Path>();
    let open: Path[] = fromIds.map((id) => ({ from: id, to: id, share: 1, assumed: false }));
    for (let hop = 0; hop <= MAX_HOPS && open.length; hop++) {
      const structureOf = new Map(
        (await history.unitsByIds([...new Set(open.map((p) => p.to))])).map((u) => [u.id, u.structureId]),
      );
      for (const p of open.filter((x) => structureOf.get(x.to) === structureId)) {
        const key = `${p.from}>${p.to}`;
        const prev = found.get(key);
        found.set(key, {
          ...p,
          share: (prev?.share ?? 0) + p.share,
          assumed: (prev?.assumed ?? false) || p.assumed,
        });
      }
      open = open.filter((p) => structureOf.get(p.to) !== structureId);
      const { links, shares } = await linksFrom([...new Set(open.map((p) => p.to))]);
      open = open.flatMap((p) =>
        links
          .filter((e) => e.fromUnitId === p.to)
          .map((e) => {
            const s = shares.get(e.id)!;
            return {
              from: p.from,
              to: e.toUnitId,
              share: p.share * s.share,
              assumed: p.assumed || s.assumed,
            };
          }),
      );
    }
    return [...found.values()];
  }

  /** Predecessors of a unit (any number of hops back), each with the share of it that went into the unit. */
  async function pathsBackFrom(unitId: number): Promise<Path[]> {
    const found = new Map<number, Path>();
    let frontier: Path[] = [{ from: unitId, to: unitId, share: 1, assumed: false }];
    for (let hop = 0; hop < MAX_HOPS && frontier.length; hop++) {
      const incoming: LineageLink[] = await history.predecessorEdges([
        ...new Set(frontier.map((p) => p.from)),
      ]);
      // The share of a link depends on its old unit's other links.
      const { shares } = await linksFrom([...new Set(incoming.map((e) => e.fromUnitId))]);
      const next: Path[] = [];
      for (const p of frontier) {
        for (const e of incoming.filter((x) => x.toUnitId === p.from && x.fromUnitId !== unitId)) {
          const s = shares.get(e.id) ?? { share: e.share ?? 1, assumed: false };
          const path = {
            from: e.fromUnitId,
            to: unitId,
            share: p.share * s.share,
            assumed: p.assumed || s.assumed,
          };
          next.push(path);
          const prev = found.get(e.fromUnitId);
          found.set(e.fromUnitId, {
            ...path,
            share: (prev?.share ?? 0) + path.share,
            assumed: (prev?.assumed ?? false) || path.assumed,
          });
        }
      }
      frontier = next;
    }
    return [...found.values()];
  }

  async function mainMaxOf(frameworkId: number): Promise<Map<string, number>> {
    const row = await deps.frameworks.find(frameworkId);
    if (!row) return new Map();
    return new Map(
      parseDefinition(row)
        .groups.flatMap((g) => g.mainIndices)
        .map((m) => [m.code, m.maxPoints]),
    );
  }

  /**
   * The old units of `sources` carried onto `targets` along `paths`, ranked. `paths` lead from old units to
   * target units; weights are read for the 'weighted' rule.
   */
  async function combine(
    sources: Source[],
    paths: Path[],
    targets: { id: number; code: string; name: string; kind: string; type: string; level: number }[],
    o: ReexpressOptions,
  ): Promise<ReexpressedUnit[]> {
    const old = sources.flatMap((s) => s.snapshot.results.units.map((u) => ({ u, periodId: s.periodId })));
    const byOld = new Map(old.map((x) => [x.u.unitId, x]));
    const edges: LineageEdge[] = paths.filter((p) => byOld.has(p.from));
    const weights =
      o.rule === 'weighted'
        ? await history.headcounts([...byOld.keys()], o.weight)
        : new Map<number, number>();
    let values = valuesOf(old.map((x) => x.u));
    let maxima: ReturnType<typeof pointsAndMaxima>['maxima'] | undefined;
    if (o.rule === 'pooled') {
      const parts = await Promise.all(
        sources.map(async (s) =>
          pointsAndMaxima(s.snapshot.results.units, await mainMaxOf(s.snapshot.frameworkId)),
        ),
      );
      values = Object.assign({}, ...parts.map((p) => p.points));
      maxima = Object.assign({}, ...parts.map((p) => p.maxima));
    }
    const result = reexpress({
      values,
      maxima,
      edges,
      rule: o.rule,
      weights: Object.fromEntries(weights),
      missing: o.missing,
    });
    const codes = [...new Set(old.flatMap((x) => x.u.mainIndices.map((m) => m.code)))];
    const rows = targets
      .filter((t) => result[String(t.id)])
      .map((t) => {
        const r = result[String(t.id)];
        return {
          unitId: t.id,
          unitCode: t.code,
          unitName: t.name,
          unitKind: measureUnitKind(t),
          name: t.name,
          value: roundOrNull(r.values.total),
          mainIndices: codes.map((code) => ({ code, value: roundOrNull(r.values[code]) })),
          predecessors: paths
            .filter((p) => p.to === t.id && byOld.has(p.from))
            .map((p) => {
              const { u, periodId } = byOld.get(p.from)!;
              return {
                unitId: u.unitId,
                unitName: u.unitName,
                periodId,
                share: round6(p.share),
                shareAssumed: p.assumed,
                weight: weights.get(u.unitId) ?? null,
                value: u.value,
              };
            }),
          coverage: { ...r.coverage, shareCovered: round6(r.coverage.shareCovered) },
          treatment: r.treatment,
        };
      });
    return rankUnits(rows).map(({ name: _n, peerGroup: _g, peerRank: _p, ...r }) => ({ ...r, rank: r.rank }));
  }

  /** Snapshots of one or several periods re-expressed in `structureId` (every unit reached, ranked in one list). */
  async function inStructure(sources: Source[], structureId: number, o: ReexpressOptions) {
    // Read before the data: a write that lands meanwhile moves the key, so a stale result is never found again.
    const revisions = await history.revisions();
    const ids = sources.map((s) => s.snapshot.id).sort((a, b) => a - b);
    const key = [
      ids.join('+'),
      structureId,
      o.rule,
      o.rule === 'weighted' ? `${o.weight}:${o.missing}` : '',
      revisions,
    ].join('|');
    const hit = cache.get(key);
    if (hit) return hit;
    const oldIds = sources.flatMap((s) => s.snapshot.results.units.map((u) => u.unitId));
    const paths = await pathsInto(oldIds, structureId);
    const targets = await history.unitsByIds([...new Set(paths.map((p) => p.to))]);
    const units = await combine(sources, paths, targets, o);
    cache.set(key, units);
    return units;
  }

  return { inStructure, pathsBackFrom, combine };
}
export type Reexpression = ReturnType<typeof createReexpression>;
