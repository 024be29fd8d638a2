import type { RankingQuery } from '../../../../core/contracts/measure.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { componentsOf, effectiveValuesOf, parseDefinition } from '../../../../core/measure/values.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import { canReadUnit } from '../measure.policy.js';
import type { ResultsViews, ResultsViewsDeps } from '../measure.types.js';
import { parseTargets, targetGaps } from '../periods/targets.js';
import { createComponentView } from './component-view.service.js';
import { createPreviousResults } from './previous-results.js';
import {
  buildFullRanking,
  type FullRanking,
  pageKey,
  rankingPageJson,
  rowsWithChange,
} from './ranking-page.js';

const FULL_RANKING_CACHE_SIZE = 16;
const RANKING_PAGE_CACHE_SIZE = 512;

// Read views over results: ranking with change since the previous period, a unit's profile,
// one component across units, and the completion tracker.

export function createResultsViews(deps: ResultsViewsDeps): ResultsViews {
  const { periods, units, submissions, results, frameworks, clock, engine, guard, core } = deps;

  /** A period for its root's readers: 401 → 404 → 403. */
  const staffPeriod = async (actor: Actor | null, id: number) =>
    (
      await guard.forEntity(
        actor,
        canReadUnit,
        () => periods.find(id),
        (p) => p.rootUnitId,
      )
    ).entity;

  // A published ranking depends only on two immutable snapshots (this period's and the previous one's), so
  // the whole list and its serialised pages are cached: the public ranking page is the hottest read.
  const fullCache = createLru<FullRanking>(FULL_RANKING_CACHE_SIZE);
  const previousFor = createPreviousResults(deps);
  const pageCache = createLru<string>(RANKING_PAGE_CACHE_SIZE);

  async function fullRanking(actor: Actor | null, periodId: number, wanted?: 'published' | 'live') {
    const period = await deps.results.rankingHead(
      periodId,
      actor ? scopeRootsFor(actor, 'measure.read') : [],
    );
    if (!period) throw notFound();
    const found = await core.resultsFor(actor, period, actor ? wanted : 'published');
    const previous = await previousFor(period, found.results);
    if (found.source !== 'published') return { key: null, full: buildFullRanking(period, found, previous) };
    const key = `${found.snapshotId}:${previous?.key ?? 0}:${period.name}`;
    let full = fullCache.get(key);
    if (!full) {
      full = buildFullRanking(period, found, previous);
      fullCache.set(key, full);
    }
    return { key, full };
  }

  async function rankingJson(actor: Actor | null, periodId: number, query: RankingQuery) {
    const { key, full } = await fullRanking(actor, periodId, query.source);
    if (key === null) return rankingPageJson(full, query);
    const cacheKey = `${key}|${pageKey(query)}`;
    const hit = pageCache.get(cacheKey);
    if (hit !== undefined) return hit;
    const json = rankingPageJson(full, query);
    pageCache.set(cacheKey, json);
    return json;
  }

  return {
    /** The whole ranking as one list (exports and the benchmark's full-list size). */
    fullRanking: async (actor: Actor | null, periodId: number, wanted?: 'published' | 'live') => {
      const { full } = await fullRanking(actor, periodId, wanted);
      return { ...full.meta, units: rowsWithChange(full) };
    },
    rankingJson,
    publicRankingJson: (periodId: number, query: Omit<RankingQuery, 'source'>) =>
      rankingJson(null, periodId, { ...query, source: 'published' }),

    async snapshots(actor, periodId) {
      await staffPeriod(actor, periodId);
      const list = [];
      for (const s of await results.listSnapshots(periodId)) {
        list.push({ ...s, unitCount: (await core.snapshotResults(s.id)).units.length });
      }
      return list;
    },

    async profile(actor, periodId, unitId) {
      await guard.forUnit(actor, canReadUnit, unitId);
      const period = await periods.find(periodId);
      if (!period) throw notFound();
      const unit = await units.findUnit(unitId);
      const groups = unit ? await periods.periodUnitGroups(periodId, unitId) : undefined;
      if (!unit || !groups) throw notFound();
      const snapshot = await core.latestResults(periodId);
      const r = snapshot ? snapshot.results : await core.compute(period);
      const result = r.units.find((u) => u.unitId === unitId) ?? null;
      const ordered = [...(result?.mainIndices ?? [])]
        .filter((m) => m.value !== null)
        .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
      const frameworkRow = await frameworks.find(snapshot?.frameworkId ?? period.frameworkId);
      const framework = frameworkRow ? frameworkForYear(parseDefinition(frameworkRow), period.year) : null;
      const submission = await submissions.find(periodId, unitId);
      const rows = submission ? await submissions.values(submission.id) : [];
      const gains = framework
        ? engine
            .gains(framework, effectiveValuesOf(rows).values, { kind: measureUnitKind(unit), groups })
            .slice(0, 5)
        : [];
      const history = [];
      for (const p of await results.publishedPeriodsOfUnit(unitId)) {
        const s = await core.latestResults(p.id);
        const u = s?.results.units.find((x) => x.unitId === unitId);
        history.push({
          periodId: p.id,
          periodName: p.name,
          year: p.year,
          value: u?.value ?? null,
          rank: u?.rank ?? null,
        });
      }
      return {
        periodId,
        unitId,
        unitName: unit.name,
        source: snapshot ? ('published' as const) : ('live' as const),
        result,
        strengths: ordered.slice(0, 3).map((m) => ({ code: m.code, value: m.value })),
        weaknesses: ordered
          .slice(-3)
          .reverse()
          .map((m) => ({ code: m.code, value: m.value })),
        gains,
        history,
        targets: targetGaps(parseTargets(period.targetsJson), framework, result),
      };
    },

    componentAcrossUnits: createComponentView(deps),

    async completion(actor, periodId) {
      const period = await staffPeriod(actor, periodId);
      const today = vietnamDate(clock.now());
      const subs = new Map((await submissions.listForPeriod(periodId)).map((s) => [s.unitId, s]));
      const answered = new Map<number, number>();
      for (const v of await submissions.valuesForPeriod(periodId)) {
        if (v.isNa || v.rawJson !== null) answered.set(v.unitId, (answered.get(v.unitId) ?? 0) + 1);
      }
      const frameworkRow = await frameworks.find(period.frameworkId);
      const componentCount = frameworkRow ? componentsOf(parseDefinition(frameworkRow)).length : 0;
      const counts: Record<string, number> = {
        not_started: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        approved: 0,
        late: 0,
      };
      const list = (await units.findUnits(await periods.periodUnitIds(periodId))).map((u) => {
        const s = subs.get(u.id);
        const status = s?.status ?? ('not_started' as const);
        const submittedOn = s?.submittedAt ? vietnamDate(new Date(s.submittedAt)) : null;
        const inHand = status === 'submitted' || status === 'approved';
        const isLate = inHand ? submittedOn !== null && submittedOn > period.dueOn : today > period.dueOn;
        counts[status] += 1;
        if (isLate) counts.late += 1;
        return {
          unitId: u.id,
          unitName: u.name,
          status,
          answered: answered.get(u.id) ?? 0,
          componentCount,
          submittedAt: s?.submittedAt ?? null,
          isLate,
        };
      });
      list.sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
      return { periodId, today, dueOn: period.dueOn, counts, units: list };
    },
  };
}
