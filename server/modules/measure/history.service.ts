import type { RankedUnit } from '../../../core/contracts/measure.js';
import { aggregateAcrossLineage, type LineageEdge, type LineageRule } from '../../../core/measure/lineage.js';
import { rankUnits } from '../../../core/measure/ranking.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import { AppError, notFound } from '../../lib/errors.js';
import { createLru } from './analysis.service.js';
import type { HistoryRepository } from './history.repository.js';
import type { MeasureUnitsRepository } from './measure-units.repository.js';
import type { PeriodsRepository } from './periods.repository.js';
import type { ResultsCore } from './results.service.js';

// History across reorganisation: a published period's results re-expressed in another structure through
// unit_lineage (mean of predecessors = the DTI 2024 precedent; weighted by a headcount; or sum), computed
// on demand from the immutable snapshot and cached. Stored values are never rewritten.

const MAX_HOPS = 4;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

type Options = { rule: LineageRule; weight: 'population' | 'officials' };
type Path = { origin: number; at: number; share: number };
type Contributor = {
  unitId: number;
  unitName: string;
  share: number;
  weight: number | null;
  value: number | null;
};

export function createHistoryService(deps: {
  history: HistoryRepository;
  units: MeasureUnitsRepository;
  periods: PeriodsRepository;
  core: ResultsCore;
}) {
  const { history, units, periods, core } = deps;
  const cache = createLru<unknown>(32);

  /** Old unit → unit of `structureId` edges, following lineage forward; shares multiply along a path. */
  async function edgesInto(fromIds: number[], structureId: number): Promise<LineageEdge[]> {
    const found = new Map<string, LineageEdge>();
    let paths: Path[] = fromIds.map((id) => ({ origin: id, at: id, share: 1 }));
    for (let hop = 0; hop <= MAX_HOPS && paths.length; hop++) {
      const structureOf = new Map(
        (await history.unitsByIds([...new Set(paths.map((p) => p.at))])).map((u) => [u.id, u.structureId]),
      );
      const open = paths.filter((p) => structureOf.get(p.at) !== structureId);
      for (const p of paths.filter((x) => structureOf.get(x.at) === structureId)) {
        const key = `${p.origin}>${p.at}`;
        const prev = found.get(key);
        found.set(key, { from: p.origin, to: p.at, share: (prev?.share ?? 0) + p.share });
      }
      const next = await history.successorEdges([...new Set(open.map((p) => p.at))]);
      paths = open.flatMap((p) =>
        next
          .filter((e) => e.fromUnitId === p.at)
          .map((e) => ({ origin: p.origin, at: e.toUnitId, share: p.share * (e.share ?? 1) })),
      );
    }
    return [...found.values()];
  }

  async function staffPeriod(actor: Actor | null, periodId: number) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const period = await periods.find(periodId);
    if (!period) throw notFound();
    if (!canOnUnit(actor, 'measure.read', await units.ancestorIds(period.rootUnitId))) {
      throw new AppError('FORBIDDEN');
    }
    const snapshot = await core.latestResults(periodId);
    if (!snapshot) throw notFound('measure.not_published');
    return { period, snapshot };
  }

  function valuesOf(list: RankedUnit[]) {
    return Object.fromEntries(
      list.map((u) => [
        String(u.unitId),
        { total: u.value, ...Object.fromEntries(u.mainIndices.map((m) => [m.code, m.value])) },
      ]),
    );
  }

  async function inStructure(actor: Actor | null, periodId: number, structureId: number, o: Options) {
    const { period, snapshot } = await staffPeriod(actor, periodId);
    if (!(await history.structureExists(structureId))) throw notFound();
    const key = `${snapshot.id}:${structureId}:${o.rule}:${o.rule === 'weighted' ? o.weight : ''}`;
    const hit = cache.get(key);
    if (hit) return hit as Awaited<ReturnType<typeof compute>>;
    const compute = async () => {
      const old = snapshot.results.units;
      const edges = await edgesInto(
        old.map((u) => u.unitId),
        structureId,
      );
      const weights =
        o.rule === 'weighted'
          ? await history.headcounts(
              old.map((u) => u.unitId),
              o.weight,
            )
          : new Map();
      const aggregated = aggregateAcrossLineage(valuesOf(old), edges, o.rule, Object.fromEntries(weights));
      const targets = new Map(
        (await history.unitsByIds(Object.keys(aggregated).map(Number))).map((u) => [u.id, u]),
      );
      const byOld = new Map(old.map((u) => [u.unitId, u]));
      const codes = old[0]?.mainIndices.map((m) => m.code) ?? [];
      const rows = [...targets.values()].map((t) => ({
        unitId: t.id,
        unitCode: t.code,
        unitName: t.name,
        name: t.name,
        value: aggregated[String(t.id)]?.total ?? null,
        mainIndices: codes.map((code) => ({ code, value: round1(aggregated[String(t.id)]?.[code]) })),
        predecessors: edges
          .filter((e) => e.to === t.id)
          .map((e) => contributor(byOld.get(Number(e.from)), e.share ?? 1, weights)),
      }));
      return {
        periodId,
        periodName: period.name,
        snapshotId: snapshot.id,
        structureId,
        rule: o.rule,
        weight: o.rule === 'weighted' ? o.weight : null,
        units: rankUnits(rows).map(({ name: _n, ...r }) => ({ ...r, value: round1(r.value), rank: r.rank })),
      };
    };
    const value = await compute();
    cache.set(key, value);
    return value;
  }

  function contributor(u: RankedUnit | undefined, share: number, weights: Map<number, number>): Contributor {
    return {
      unitId: u?.unitId ?? 0,
      unitName: u?.unitName ?? '',
      share: round(share),
      weight: u ? (weights.get(u.unitId) ?? null) : null,
      value: u?.value ?? null,
    };
  }

  /** Predecessors of a unit (any number of hops back) with the share of each that went into it. */
  async function predecessorsOf(unitId: number): Promise<Map<number, number>> {
    const shares = new Map<number, number>();
    let frontier = new Map([[unitId, 1]]);
    for (let hop = 0; hop < MAX_HOPS && frontier.size; hop++) {
      const next = new Map<number, number>();
      for (const e of await history.predecessorEdges([...frontier.keys()])) {
        const s = (frontier.get(e.toUnitId) ?? 0) * (e.share ?? 1);
        if (e.fromUnitId === unitId) continue;
        next.set(e.fromUnitId, (next.get(e.fromUnitId) ?? 0) + s);
        shares.set(e.fromUnitId, (shares.get(e.fromUnitId) ?? 0) + s);
      }
      frontier = next;
    }
    return shares;
  }

  async function unitHistory(actor: Actor | null, unitId: number, o: Options) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!canOnUnit(actor, 'measure.read', await units.ancestorIds(unitId))) throw new AppError('FORBIDDEN');
    const unit = await units.findUnit(unitId);
    if (!unit) throw notFound();
    const preds = await predecessorsOf(unitId);
    const weights = o.rule === 'weighted' ? await history.headcounts([...preds.keys()], o.weight) : new Map();
    const out = [];
    for (const p of await history.publishedPeriodsOfUnits([unitId, ...preds.keys()])) {
      const snapshot = await core.latestResults(p.id);
      if (!snapshot) continue;
      const own = snapshot.results.units.find((u) => u.unitId === unitId);
      const base = { periodId: p.id, periodName: p.name, year: p.year, snapshotId: snapshot.id };
      if (own) {
        out.push({ ...base, direct: true, value: own.value, contributors: [] });
        continue;
      }
      const present = snapshot.results.units.filter((u) => preds.has(u.unitId));
      const edges = present.map((u) => ({ from: u.unitId, to: unitId, share: preds.get(u.unitId) ?? 1 }));
      const agg = aggregateAcrossLineage(valuesOf(present), edges, o.rule, Object.fromEntries(weights));
      out.push({
        ...base,
        direct: false,
        value: round1(agg[String(unitId)]?.total),
        contributors: present.map((u) => contributor(u, preds.get(u.unitId) ?? 1, weights)),
      });
    }
    return { unitId, unitName: unit.name, rule: o.rule, periods: out };
  }

  return { inStructure, unitHistory };
}
export type HistoryService = ReturnType<typeof createHistoryService>;

function round1(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? round(x) : null;
}
