import type {
  Dashboard,
  DashboardKpi,
  DashboardQuery,
  DashboardRankedRow,
  DashboardUnitKind,
} from '../../../../core/contracts/dashboard.js';
import type { KpiSummary } from '../../../../core/contracts/kpis.js';
import type { Period as MeasurePeriod } from '../../../../core/contracts/measure.js';
import { canRollUp, type Periodicity, parsePeriodCode } from '../../../../core/measure/kpi-periods.js';
import {
  aggregateAcrossUnits,
  type KpiTimeAggregation,
  type KpiValueType,
  type RawValue,
  rollUpOverTime,
} from '../../../../core/measure/kpi-values.js';
import { STATUS_BUCKETS } from '../../../../core/steer/types.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { canReadDashboard } from '../dashboard.policy.js';
import type { OverviewService, OverviewServiceDeps } from '../dashboard.types.js';
import type { AreaUnit, KpiRawRow } from './overview.repository.js';

// The DX dashboard of an area: every section is what the owning module's own service answers for the same area
// (KPI summaries, Measure's published ranking and completion, Steer's leader dashboard and products register,
// the contest's participation, Community's roll-up), called with the caller as actor so each module's scope rules
// hold. A section the caller may not read is null, never an error for the whole page. The unit-type filter keeps
// departments or communes in the unit lists and the counts built from them; KPI figures stay the area's.
// Nothing is cached here: the whole answer is cached in front of this service (overview-cache.ts, under the
// viewer's scope and the source modules' revisions), and each module's own caches check their revisions.

/** The headline KPIs (the committee's seed figures), in the order a leader reads them. */
export const HEADLINE_KPIS = [
  'EDOC_SENT',
  'DIGSIG_RATE_PROVINCE',
  'DIGSIG_RATE_COMMUNE',
  'ONLINE_PS_RATE',
  'ONLINE_PAYMENT_RATE',
  'INTERNET_USERS_RATE',
  'ECOM_STALLS',
  'ECOM_PRODUCTS',
] as const;
export const FEEDBACK_KPIS = { onTime: 'FEEDBACK_ON_TIME_RATE', satisfaction: 'FEEDBACK_SATISFACTION_RATE' };
const TREND_QUARTERS = 4;
const LIST = 5;
const OVERDUE_LIST = 10;

/** 'department' | 'commune' | 'other' for the unit-type filter (the framework's kinds, as Steer groups units). */
export function unitGroupOf(
  u: Pick<AreaUnit, 'kind' | 'type' | 'level'>,
): 'department' | 'commune' | 'other' {
  const k = measureUnitKind(u);
  if (k === 'department') return 'department';
  if (k === 'commune' || k === 'ward' || k === 'special_zone') return 'commune';
  return 'other';
}

export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The quarter codes ending with the one containing `date`, oldest first. */
export function lastQuarters(date: string, count: number): string[] {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const idx = y * 4 + q - i;
    out.push(`${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`);
  }
  return out;
}

/** The two complete months before the one containing `date` ('2026-10', '2026-11' for 2026-12-06). */
export function lastTwoMonths(date: string): [string, string] {
  const idx = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const code = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return [code(idx - 2), code(idx - 1)];
}

/** Runs a section; a section the caller may not read (403) or that has nothing for the area (404) is null. */
async function section<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return null;
    throw e;
  }
}

type Area = {
  unit: AreaUnit;
  ancestors: number[];
  ids: Set<number>;
  /** Units kept by the unit-type filter (the whole area when 'all'). */
  kept: Set<number>;
  kind: DashboardUnitKind;
};

type KpiDef = {
  code: string;
  nameVi: string;
  nameEn: string;
  unitOfMeasure: string;
  valueType: string;
  periodicity: string;
  timeAggregation: string;
};

/** A KPI's figure over the area for one period from raw rows (a KPI not applicable to the area's own kind). */
function figureFromRaw(def: KpiDef, rows: KpiRawRow[], periodCode: string): number | null {
  const period = parsePeriodCode(periodCode);
  if (!period || !canRollUp(def.periodicity as Periodicity, period.periodicity)) return null;
  const byUnit = new Map<number, KpiRawRow[]>();
  for (const r of rows) {
    if (r.code !== def.code || r.periodStart < period.start || r.periodStart > period.end) continue;
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  }
  const perUnit = [...byUnit.values()]
    .map((vs) => rollUpOverTime(def.valueType as KpiValueType, def.timeAggregation as KpiTimeAggregation, vs))
    .filter((v): v is RawValue => v !== null);
  return aggregateAcrossUnits(def.valueType as KpiValueType, perUnit);
}

export function createOverviewService(deps: OverviewServiceDeps): Pick<OverviewService, 'overview'> {
  const { repo, guard, sources } = deps;

  async function areaOf(actorIn: Actor | null, query: DashboardQuery): Promise<{ actor: Actor; area: Area }> {
    const signedIn = requireSignedIn(actorIn);
    const unitId = query.unitId ?? scopeRootsFor(signedIn, 'dashboard.read')[0];
    if (!unitId) throw new AppError('FORBIDDEN');
    const { actor, ancestors } = await guard.forUnit(signedIn, canReadDashboard, unitId);
    const unit = await repo.unit(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    const units = await repo.areaUnits(unitId);
    const ids = new Set([unitId, ...units.map((u) => u.id)]);
    const kept =
      query.unitKind === 'all'
        ? ids
        : new Set(units.filter((u) => unitGroupOf(u) === query.unitKind).map((u) => u.id));
    return { actor, area: { unit, ancestors, ids, kept, kind: query.unitKind } };
  }

  /**
   * Headline KPIs and the feedback rates. The trend and month-on-month figures are rolled up from one read of the
   * raw values with the kpis module's own pure functions (core/measure/kpi-values: over time, then across the
   * area's units, as its summary does); the headline figure, target and units reporting are the kpis module's
   * summary of the area for the headline period (one or two calls), so the dashboard shows what /api/kpis/summary
   * shows.
   */
  async function kpis(actor: Actor, area: Area, asOf: string) {
    // KPI periods start in 2000 (core/measure/kpi-periods.ts), as the as-of date does: an as-of date in 2000
    // has a shorter trend rather than quarters of 1999 (found by the route fuzzer: 500 before).
    const quarters = lastQuarters(asOf, TREND_QUARTERS).filter((q) => parsePeriodCode(q) !== null);
    const months = lastTwoMonths(asOf);
    const codes = [...HEADLINE_KPIS, FEEDBACK_KPIS.onTime, FEEDBACK_KPIS.satisfaction];
    const first = parsePeriodCode(quarters[0])!;
    const last = parsePeriodCode(quarters.at(-1)!)!;
    // The caller may read KPIs of the area (measure.read): asked of the kpis module before any raw read.
    const current = await sources.kpis.summary(actor, { unitId: area.unit.id, period: last.code });
    const [defs, raw, provenance] = await Promise.all([
      repo.kpiDefinitions(codes),
      repo.kpiRaw(codes, [...area.ids], first.start, last.end),
      repo.kpiProvenance(codes, [...area.ids]),
    ]);
    const defByCode = new Map(defs.map((d) => [d.code, d]));
    const rawFigure = (code: string, period: string) => {
      const def = defByCode.get(code);
      return def ? figureFromRaw(def, raw, period) : null;
    };
    const summaries = new Map<string, Promise<KpiSummary>>([[last.code, Promise.resolve(current)]]);
    const summaryOf = (period: string) => {
      let found = summaries.get(period);
      if (!found) {
        found = sources.kpis.summary(actor, { unitId: area.unit.id, period });
        summaries.set(period, found);
      }
      return found;
    };

    const items: DashboardKpi[] = [];
    for (const code of HEADLINE_KPIS) {
      const def = defByCode.get(code);
      if (!def) continue;
      const trend = quarters.map((period) => ({ period, value: rawFigure(code, period) }));
      const latestIdx = trend.findLastIndex((t) => t.value !== null);
      const period = latestIdx >= 0 ? quarters[latestIdx] : null;
      const official = period ? (await summaryOf(period)).items.find((i) => i.kpi.code === code) : undefined;
      // A KPI that does not apply to the area's own kind (the commune-level signature rate of a province) is
      // not in its summary: its figure is the roll-up of the units it applies to, without a target.
      const value = official ? official.subtreeValue : (trend[latestIdx]?.value ?? null);
      const target = official?.target ?? null;
      const monthly = def.periodicity === 'monthly';
      const previous = monthly
        ? { period: months[0], value: rawFigure(code, months[0]) }
        : latestIdx > 0
          ? trend[latestIdx - 1]
          : null;
      const prov = provenance.get(code);
      items.push({
        code,
        nameVi: def.nameVi,
        nameEn: def.nameEn,
        unitOfMeasure: def.unitOfMeasure,
        valueType: def.valueType as DashboardKpi['valueType'],
        period,
        value,
        target,
        attainment: official ? (official.subtreeAttainment ?? null) : null,
        unitsReporting: official?.subtreeUnitsReporting ?? 0,
        trend,
        lastMonth: monthly ? { period: months[1], value: rawFigure(code, months[1]) } : null,
        previous,
        source: prov?.source ?? null,
        asOf: prov ? prov.enteredAt.slice(0, 10) : null,
      });
    }
    const feedbackQuarter = [...quarters]
      .reverse()
      .find(
        (q) =>
          rawFigure(FEEDBACK_KPIS.onTime, q) !== null || rawFigure(FEEDBACK_KPIS.satisfaction, q) !== null,
      );
    let feedback = null;
    if (feedbackQuarter) {
      const summary = await summaryOf(feedbackQuarter);
      const item = (code: string) => summary.items.find((i) => i.kpi.code === code);
      const rate = (code: string) => {
        const v = item(code)?.subtreeValue;
        return v == null ? null : v / 100;
      };
      feedback = {
        period: feedbackQuarter,
        onTimeRate: rate(FEEDBACK_KPIS.onTime),
        satisfactionRate: rate(FEEDBACK_KPIS.satisfaction),
        onTimeUnits: item(FEEDBACK_KPIS.onTime)?.subtreeUnitsReporting ?? 0,
        satisfactionUnits: item(FEEDBACK_KPIS.satisfaction)?.subtreeUnitsReporting ?? 0,
      };
    }
    return { items, feedback };
  }

  /** Periods whose root is the area or one of its ancestors: the newest published one and the newest open one. */
  async function measure(actor: Actor, area: Area) {
    const periods = (await sources.measurePeriods.list(actor)).filter(
      (p) => area.ancestors.includes(p.rootUnitId) || area.ids.has(p.rootUnitId),
    );
    const newest = (list: MeasurePeriod[]) =>
      [...list].sort((a, b) => b.year - a.year || b.dueOn.localeCompare(a.dueOn) || b.id - a.id)[0];
    const published = newest(periods.filter((p) => p.status === 'published'));
    const open = newest(periods.filter((p) => p.status === 'open'));
    return {
      ranking: published ? await ranking(actor, area, published.id) : null,
      progress: open ? await progress(actor, area, open) : null,
    };
  }

  async function ranking(actor: Actor, area: Area, periodId: number) {
    const full = await sources.measureViews.fullRanking(actor, periodId, 'published');
    const rows = full.units.filter((u) => area.kept.has(u.unitId));
    const ranked = rows.filter((u) => u.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const view = (u: (typeof rows)[number]): DashboardRankedRow => ({
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      value: u.value,
      band: u.band?.name ?? null,
      rankDelta: u.change?.rankDelta ?? null,
      valueDelta: u.change?.valueDelta ?? null,
    });
    const movers = rows
      .filter((u) => (u.change?.rankDelta ?? 0) !== 0)
      .sort(
        (a, b) =>
          Math.abs(b.change?.rankDelta ?? 0) - Math.abs(a.change?.rankDelta ?? 0) ||
          (a.rank ?? 0) - (b.rank ?? 0),
      );
    const bands = new Map<string, { code: string; name: string; count: number }>();
    for (const u of ranked) {
      if (!u.band) continue;
      const b = bands.get(u.band.code) ?? { code: u.band.code, name: u.band.name, count: 0 };
      b.count += 1;
      bands.set(u.band.code, b);
    }
    return {
      periodId: full.periodId,
      periodName: full.periodName,
      computedAt: full.computedAt,
      previousPeriodId: full.previousPeriodId,
      unitCount: rows.length,
      top: ranked.slice(0, LIST).map(view),
      bottom: ranked.slice(Math.max(LIST, ranked.length - LIST)).map(view),
      movers: movers.slice(0, LIST).map(view),
      bands: [...bands.values()],
    };
  }

  async function progress(actor: Actor, area: Area, period: MeasurePeriod) {
    const completion = await sources.measureViews.completion(actor, period.id);
    const units = completion.units.filter((u) => area.kept.has(u.unitId));
    const counts = { not_started: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
    for (const u of units) counts[u.status] += 1;
    return {
      periodId: period.id,
      periodName: period.name,
      dueOn: completion.dueOn,
      unitCount: units.length,
      counts,
      late: units.filter((u) => u.isLate).length,
    };
  }

  async function steer(actor: Actor, area: Area, asOf: string) {
    const doc = await sources.steerDashboard.dashboard(actor, {
      unitId: area.unit.id,
      asOf,
      periodType: 'month',
    });
    const year = Number(asOf.slice(0, 4));
    const without = await sources.steerProducts.withoutProduct(actor, {
      unitId: area.unit.id,
      year,
      group: area.kind === 'all' ? undefined : area.kind,
    });
    const filtered = area.kind !== 'all';
    let figures = {
      total: doc.totals.total,
      split: doc.totals.split,
      completionRate: doc.totals.completionRate,
      onTimeRate: doc.totals.onTimeRate,
    };
    if (filtered) {
      // The unit rows of the kept lead units, added up with the report's own rates (done ÷ due, on time ÷ due).
      const split = Object.fromEntries(STATUS_BUCKETS.map((b) => [b, 0])) as typeof doc.totals.split;
      const dueSplit = { ...split };
      for (const u of doc.units.filter((x) => area.kept.has(x.unitId))) {
        for (const b of STATUS_BUCKETS) {
          split[b] += u.split[b];
          dueSplit[b] += u.dueSplit[b];
        }
      }
      const due = STATUS_BUCKETS.reduce((a, b) => a + dueSplit[b], 0);
      figures = {
        total: STATUS_BUCKETS.reduce((a, b) => a + split[b], 0),
        split,
        completionRate: due === 0 ? null : (dueSplit.done_on_time + dueSplit.done_late) / due,
        onTimeRate: due === 0 ? null : dueSplit.done_on_time / due,
      };
    }
    const groups: ('department' | 'commune')[] =
      area.kind === 'all' ? ['department', 'commune'] : [area.kind];
    return {
      asOf: doc.asOf,
      ...figures,
      splitBefore: filtered ? null : doc.splitBefore,
      previousAsOf: doc.previousAsOf,
      keyOverdue: doc.keyOverdue
        .filter((t) => !filtered || area.kept.has(t.leadUnitId))
        .slice(0, OVERDUE_LIST)
        .map((t) => ({
          taskId: t.taskId,
          title: t.title,
          leadUnitId: t.leadUnitId,
          leadUnitName: t.leadUnitName,
          due: t.due,
          daysOverdue: t.daysOverdue,
        })),
      changeCounts: filtered ? {} : doc.changeCounts,
      withoutProduct: {
        year,
        units: groups.reduce((a, g) => a + without.totals[g].units, 0),
        without: groups.reduce((a, g) => a + without.totals[g].without, 0),
        items: without.items.map((i) => ({ unitId: i.unitId, unitName: i.unitName, group: i.group })),
      },
    };
  }

  /** The newest contest organised by the area, one of its units or a unit above it (open first). */
  async function contest(actor: Actor, area: Area) {
    const { items } = await sources.contests.list(actor, {});
    const relevant = items
      .filter(
        (c) =>
          (c.status === 'open' || c.status === 'closed') &&
          (area.ids.has(c.unitId) || area.ancestors.includes(c.unitId)),
      )
      .sort(
        (a, b) =>
          Number(b.status === 'open') - Number(a.status === 'open') ||
          (b.openedAt ?? '').localeCompare(a.openedAt ?? '') ||
          b.id - a.id,
      );
    const chosen = relevant[0];
    if (!chosen) return null;
    const participation = await sources.contests.participation(actor, chosen.id);
    const rows = participation.byUnit.filter((u) => area.kept.has(u.unitId));
    const participants = rows.reduce((a, u) => a + u.participants, 0);
    const withHeadcount = rows.filter((u) => u.headcount !== null);
    const headcount = withHeadcount.length ? withHeadcount.reduce((a, u) => a + (u.headcount ?? 0), 0) : null;
    const counted = withHeadcount.reduce((a, u) => a + u.participants, 0);
    return {
      contestId: chosen.id,
      title: chosen.title,
      status: chosen.status,
      participants,
      headcount,
      rate: headcount ? Math.min(1, counted / headcount) : null,
      byUnit: rows.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        participants: u.participants,
        headcount: u.headcount,
        rate: u.rate,
      })),
    };
  }

  async function community(actor: Actor, area: Area, asOf: string) {
    const r = await sources.communityRollups.rollup(actor, {
      unitId: area.unit.id,
      year: Number(asOf.slice(0, 4)),
      throughMonth: Number(asOf.slice(5, 7)),
    });
    return {
      year: r.year,
      throughMonth: r.throughMonth,
      communes: r.totals.communes,
      communesWithTeams: r.totals.communesWithTeams,
      coverage: r.totals.communes ? r.totals.communesWithTeams / r.totals.communes : null,
      teams: r.totals.teams,
      members: r.totals.members,
      sessions: r.totals.sessions,
      people: r.totals.people,
      laggards: r.laggards.map((l) => ({
        communeId: l.communeId,
        communeName: l.communeName,
        reasons: l.reasons,
      })),
      months: r.months.map((m) => ({ month: m.month, sessions: m.sessions, people: m.people })),
    };
  }

  return {
    async overview(actorIn, query): Promise<Dashboard> {
      const { actor, area } = await areaOf(actorIn, query);
      const asOf = query.asOf ?? vietnamDate(deps.clock.now());
      const [kpiPart, measurePart, steerPart, contestPart, communityPart] = await Promise.all([
        section(() => kpis(actor, area, asOf)),
        section(() => measure(actor, area)),
        section(() => steer(actor, area, asOf)),
        section(() => contest(actor, area)),
        section(() => community(actor, area, asOf)),
      ]);
      return {
        scope: { unitId: area.unit.id, unitName: area.unit.name, unitKind: area.kind },
        asOf,
        compareTo: daysBefore(asOf, 30),
        kpis: kpiPart?.items ?? [],
        measure: measurePart,
        steer: steerPart,
        contest: contestPart,
        feedback: kpiPart?.feedback ?? null,
        community: communityPart,
      };
    },
  };
}
