import type { Actor } from '../../../lib/actor.js';
import { AppError, notFound } from '../../../lib/errors.js';
import { canReadUnit } from '../measure.policy.js';
import type { HistoryDeps, HistoryService, InStructureOptions } from '../measure.types.js';
import './history.messages.js';
import { type ReexpressOptions, roundOrNull } from './reexpression.js';

// History across reorganisation: published results re-expressed in another structure through unit_lineage
// (mean of predecessors = the DTI 2024 precedent; weighted by a headcount; pooled points), from one or several
// source periods of one framework family; and a unit's history per framework family, back through its
// predecessors, with the reason of every gap. Computation and caching: reexpression.ts.

/** Values on the 0–1 scale are shares of a maximum: adding them up means nothing (a count could be summed). */
function refuseSum(rule: ReexpressOptions['rule']) {
  if (rule === 'sum')
    throw new AppError('VALIDATION', {
      fieldErrors: [{ field: 'querystring.rule', code: 'measure.lineage_sum_not_count' }],
    });
}

export function createHistoryService(deps: HistoryDeps): HistoryService {
  const { history, units, periods, guard, core, reexpression } = deps;

  /** A published period for its root's readers: 401 → 404 → 403, then 404 when not published. */
  async function staffPeriod(actor: Actor | null, periodId: number) {
    const { entity: period } = await guard.forEntity(
      actor,
      canReadUnit,
      () => periods.find(periodId),
      (p) => p.rootUnitId,
    );
    const snapshot = await core.latestResults(periodId);
    if (!snapshot) throw notFound('measure.not_published');
    return { period, snapshot };
  }

  async function inStructure(
    actor: Actor | null,
    periodId: number,
    structureId: number,
    o: InStructureOptions,
  ) {
    const ids = [periodId, ...(o.with ?? []).filter((id) => id !== periodId)];
    const found = [];
    for (const id of [...new Set(ids)]) found.push(await staffPeriod(actor, id));
    refuseSum(o.rule);
    if (!(await history.structureExists(structureId))) throw notFound();
    // One list only from periods of one framework family, whose units do not overlap.
    const families = await Promise.all(found.map((f) => deps.frameworks.find(f.snapshot.frameworkId)));
    const family = families[0]?.code;
    const other = families.findIndex((f) => f?.code !== family);
    if (other > 0)
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: `querystring.with.${other - 1}`, code: 'measure.sources_other_family' }],
      });
    const seen = new Map<number, number>();
    found.forEach((f, i) => {
      for (const u of f.snapshot.results.units) {
        if (seen.has(u.unitId) && seen.get(u.unitId) !== i)
          throw new AppError('VALIDATION', {
            fieldErrors: [{ field: `querystring.with.${i - 1}`, code: 'measure.sources_overlap' }],
          });
        seen.set(u.unitId, i);
      }
    });
    const sources = found.map((f) => ({ periodId: f.period.id, snapshot: f.snapshot }));
    const ranked = await reexpression.inStructure(sources, structureId, o);
    const [first] = found;
    return {
      periodId: first.period.id,
      periodName: first.period.name,
      snapshotId: first.snapshot.id,
      sources: found.map((f) => ({
        periodId: f.period.id,
        periodName: f.period.name,
        year: f.period.year,
        snapshotId: f.snapshot.id,
      })),
      frameworkCode: family ?? '',
      structureId,
      rule: o.rule,
      weight: o.rule === 'weighted' ? o.weight : null,
      missing: o.rule === 'weighted' ? o.missing : null,
      units: ranked,
    };
  }

  /** Why a point of a unit's history has no value. */
  type Gap = 'not_published' | 'not_approved' | 'no_submission' | 'no_predecessor_data' | 'no_weight' | null;

  async function unitHistory(actor: Actor | null, unitId: number, o: InStructureOptions) {
    await guard.forUnit(actor, canReadUnit, unitId);
    refuseSum(o.rule);
    const unit = await units.findUnit(unitId);
    if (!unit) throw notFound();
    const paths = await reexpression.pathsBackFrom(unitId);
    const predIds = paths.map((p) => p.from);
    const target = [unit];
    const out = [];
    for (const p of await history.periodsOfUnits([unitId, ...predIds])) {
      const direct = (await history.participants(p.id, [unitId])).has(unitId);
      const base = {
        periodId: p.id,
        periodName: p.name,
        year: p.year,
        frameworkCode: p.frameworkCode,
        frameworkName: p.frameworkName,
        direct,
      };
      const empty = { snapshotId: null, value: null, contributors: [], coverage: null, treatment: null };
      const snapshot = p.status === 'published' ? await core.latestResults(p.id) : undefined;
      if (!snapshot) {
        out.push({ ...base, ...empty, gap: 'not_published' as Gap, submissionStatus: null });
        continue;
      }
      if (direct) {
        const own = snapshot.results.units.find((u) => u.unitId === unitId);
        const value = roundOrNull(own?.value);
        const status = value === null ? await history.submissionStatus(p.id, unitId) : 'approved';
        const gap: Gap = value !== null ? null : status === null ? 'no_submission' : 'not_approved';
        out.push({ ...base, ...empty, snapshotId: snapshot.id, value, gap, submissionStatus: status });
        continue;
      }
      const present = new Set(snapshot.results.units.filter((u) => u.value !== null).map((u) => u.unitId));
      const [row] = await reexpression.combine(
        [{ periodId: p.id, snapshot }],
        paths.filter((x) => present.has(x.from)),
        target,
        o,
      );
      const value = row?.value ?? null;
      const gap: Gap = value !== null ? null : row ? 'no_weight' : 'no_predecessor_data';
      out.push({
        ...base,
        snapshotId: snapshot.id,
        value,
        contributors: row?.predecessors ?? [],
        coverage: row?.coverage ?? null,
        treatment: row?.treatment ?? null,
        gap,
        submissionStatus: null,
      });
    }
    const families = [...new Map(out.map((x) => [x.frameworkCode, x.frameworkName])).entries()].map(
      ([code, name]) => ({ code, name }),
    );
    return {
      unitId,
      unitName: unit.name,
      rule: o.rule,
      weight: o.rule === 'weighted' ? o.weight : null,
      missing: o.rule === 'weighted' ? o.missing : null,
      families,
      periods: out,
    };
  }

  return { inStructure, unitHistory };
}
