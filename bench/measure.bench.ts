import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { seededRandom } from '../core/measure/robustness.js';
import { COMMUNE_SET } from '../core/measure/templates/index.js';
import { componentsOf } from '../core/measure/values.js';
import type { DialectName } from '../server/db/database.js';
import type { UserActor } from '../server/lib/actor.js';
import { createMeasureServices } from '../server/modules/measure/measure.module.js';
import { createPeriodsRepository } from '../server/modules/measure/periods/periods.repository.js';
import { loginAs } from '../test/helpers/login.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { type LoadResult, loadTest, median, round1 } from './bench-kit.js';
import { loadUnits, loadValues, randomValue } from './measure-data.js';

// `npm run bench -- measure`: 3,321 communes × the commune set (47 components) × 5 periods in a fresh
// database, then the app's own code paths against the raw SQL aggregation of the same stored points.

export type MeasureFigures = {
  db: DialectName;
  units: number;
  components: number;
  values_loaded: number;
  load_ms: number;
  raw_sql_ms: number;
  full_rescore_ms: number;
  rescore_ratio_to_raw_sql: number;
  full_recompute_ms: number;
  ratio_to_raw_sql: number;
  all_periods_ms: number;
  single_edit_save_ms: number;
  single_edit_ms: number;
  ranking_p50_ms: number;
  ranking_p99_ms: number;
  ranking_rps: number;
  ranking_non_2xx: number;
  public_ranking_p50_ms: number;
  public_ranking_p99_ms: number;
  public_ranking_rps: number;
  ranking_page_bytes: number;
  ranking_full_list_bytes: number;
};

const PERIODS = [2021, 2022, 2023, 2024, 2025];

export async function runMeasureBench(
  dialect: DialectName,
  { seconds = 6, log = console.log }: { seconds?: number; log?: (s: string) => void } = {},
): Promise<MeasureFigures> {
  const t = await createTestApp(dialect, { now: '2026-03-10T02:00:00.000Z' });
  try {
    const db = t.deps.db;
    const now = t.clock.now().toISOString();
    const loadStart = performance.now();
    const { root, communes } = await loadUnits(db, now);
    const admin = await loginAs(t, { role: 'admin', unitId: root });
    const actor: UserActor = {
      kind: 'user',
      userId: admin.userId,
      email: admin.email,
      fullName: 'Bench',
      sessionId: 'bench',
      grants: [{ role: 'admin', unitId: root }],
    };
    const ctx = { actor };
    const services = createMeasureServices(t.deps);
    const fw = await services.frameworks.importDefinition(ctx, COMMUNE_SET);
    const framework = COMMUNE_SET;
    const periodIds: number[] = [];
    let values = 0;
    for (const year of PERIODS) {
      const p = await services.periods.create(ctx, {
        name: `Đánh giá ${year}`,
        year,
        frameworkId: fw.framework.id,
        rootUnitId: root,
        unitIds: [],
        unitKinds: ['commune', 'ward', 'special_zone'],
        unitGroups: {},
        opensOn: '2026-03-01',
        dueOn: '2026-12-31',
      });
      await services.periods.open(ctx, p.id);
      values += await loadValues(db, { periodId: p.id, framework, units: communes, seed: year, now });
      periodIds.push(p.id);
    }
    const loadMs = performance.now() - loadStart;
    log(
      `[${dialect}] loaded ${communes.length} units × ${componentsOf(framework).length} components × ${PERIODS.length} periods (${values} values) in ${Math.round(loadMs)} ms`,
    );
    const target = periodIds[periodIds.length - 1];

    const rawSql = () =>
      sql`select s.unit_id, sum(v.self_points) as points from measure_values v
          join measure_submissions s on s.id = v.submission_id
          where s.period_id = ${target} group by s.unit_id`.execute(db);
    const rawRows = (await rawSql()).rows.length;
    if (rawRows !== communes.length) throw new Error(`raw SQL saw ${rawRows} units`);
    const rawMs = await median(7, rawSql);

    // Full rescore: every rule of every unit evaluated again from the raw values and all contributions
    // rewritten (what a change of the framework's rules needs).
    const periodsRepo = createPeriodsRepository(db);
    const periodOf = async (id: number) => {
      const p = await periodsRepo.find(id);
      if (!p) throw new Error(`period ${id} missing`);
      return p;
    };
    for (const id of periodIds) await services.scores.rescorePeriod(await periodOf(id));
    const rescoreMs = await median(3, async () => services.scores.rescorePeriod(await periodOf(target)));

    // Full recompute: the period's results aggregated afresh from the stored contributions by the database
    // (main indices, pillars, totals, applicable maxima, bands) and ranked overall, by peer group and by kind.
    const recomputeAndRank = async (id: number) =>
      services.results.compute(await periodOf(id), db, { fresh: true });
    const first = await recomputeAndRank(target);
    if (first.units.length !== communes.length) throw new Error(`ranking has ${first.units.length} units`);
    const fullMs = await median(7, () => recomputeAndRank(target));
    const allMs = await median(3, async () => {
      for (const id of periodIds) await recomputeAndRank(id);
    });

    // A single edit through the app's path: the unit's entry is back with the unit (returned), one value
    // is saved (validation, audit, history, rescoring that unit) and the live ranking page is served again
    // (re-ranked from the stored scores).
    const editUnit = communes[17];
    const sub = await db
      .selectFrom('measureSubmissions')
      .select('id')
      .where('periodId', '=', target)
      .where('unitId', '=', editUnit)
      .executeTakeFirstOrThrow();
    await db.updateTable('measureSubmissions').set({ status: 'returned' }).where('id', '=', sub.id).execute();
    const editable = componentsOf(framework).filter((c) => c.rule.kind !== 'formula');
    const random = seededRandom(99);
    let k = 0;
    const save = () => {
      const c = editable[k++ % editable.length];
      return services.submissions.saveValues(
        ctx,
        { periodId: target, unitId: editUnit },
        { values: { [c.code]: randomValue(c, random) } },
      );
    };
    const livePage = () =>
      services.views.rankingJson(actor, target, { source: 'live', limit: 50, offset: 0 });
    const saveMs = await median(9, save);
    const editMs = await median(7, async () => {
      await save();
      await livePage();
    });
    // Once the edited unit is approved again, the cached live ranking holds what a fresh aggregation gives.
    await db
      .updateTable('measureSubmissions')
      .set({ status: 'submitted' })
      .where('id', '=', sub.id)
      .execute();
    await services.appraisal.approve(ctx, { periodId: target, unitId: editUnit });
    const live = await services.views.fullRanking(actor, target, 'live');
    const fresh = await recomputeAndRank(target);
    const rowOf = (units: { unitId: number; points: number; rank: number | null }[]) =>
      JSON.stringify(units.find((u) => u.unitId === editUnit));
    const { change: _, ...liveRow } = live.units.find((u) => u.unitId === editUnit) ?? { change: null };
    if (JSON.stringify(liveRow) !== rowOf(fresh.units)) throw new Error('the live ranking missed the edit');

    // The API is measured in steady state, not while the database digests the bulk writes above.
    if (dialect === 'postgres') {
      for (const table of [
        'measure_component_scores',
        'measure_values',
        'measure_submissions',
        'measure_periods',
      ])
        await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    } else await sql`pragma wal_checkpoint(truncate)`.execute(db);
    await services.results.publish(ctx, periodIds[0]);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/api/measure/periods/${periodIds[0]}/ranking`;
    const probe = await fetch(url, { headers: { cookie: admin.headers.cookie } });
    const bytes = (await probe.arrayBuffer()).byteLength;
    if (probe.status !== 200) throw new Error(`ranking API answered ${probe.status}`);
    // What one response weighed before paging: the whole list, serialised.
    const fullListBytes = Buffer.byteLength(
      JSON.stringify(await services.views.fullRanking(actor, periodIds[0])),
    );
    const load = await loadTest(url, seconds, { cookie: admin.headers.cookie });
    // The same ranking anonymously (no session lookup): separates the route's own cost from authentication.
    const publicUrl = `${address}/api/public/measure/periods/${periodIds[0]}/ranking`;
    const anonymous = await loadTest(publicUrl, seconds);
    return {
      db: dialect,
      units: communes.length,
      components: componentsOf(framework).length,
      values_loaded: values,
      load_ms: Math.round(loadMs),
      raw_sql_ms: round1(rawMs),
      full_rescore_ms: round1(rescoreMs),
      rescore_ratio_to_raw_sql: Math.round((rescoreMs / rawMs) * 100) / 100,
      full_recompute_ms: round1(fullMs),
      ratio_to_raw_sql: Math.round((fullMs / rawMs) * 100) / 100,
      all_periods_ms: round1(allMs),
      single_edit_save_ms: round1(saveMs),
      single_edit_ms: round1(editMs),
      ranking_p50_ms: load.latency.p50,
      ranking_p99_ms: load.latency.p99,
      ranking_rps: Math.round(load.requests.average),
      ranking_non_2xx: load.non2xx,
      public_ranking_p50_ms: anonymous.latency.p50,
      public_ranking_p99_ms: anonymous.latency.p99,
      public_ranking_rps: Math.round(anonymous.requests.average),
      ranking_page_bytes: bytes,
      ranking_full_list_bytes: fullListBytes,
    };
  } finally {
    await t.close();
  }
}

export function formatTable(all: MeasureFigures[]): string {
  const rows: [string, keyof MeasureFigures, string][] = [
    ['raw SQL SUM(points) GROUP BY unit', 'raw_sql_ms', 'ms'],
    ['full rescore: every rule again (rescorePeriod)', 'full_rescore_ms', 'ms'],
    ['  ratio to raw SQL', 'rescore_ratio_to_raw_sql', '×'],
    ['full recompute (aggregate + rank), one period', 'full_recompute_ms', 'ms'],
    ['  ratio to raw SQL (target ≤ 3)', 'ratio_to_raw_sql', '×'],
    ['all five periods', 'all_periods_ms', 'ms'],
    ['single edit: save one value', 'single_edit_save_ms', 'ms'],
    ['single edit: save + live page re-ranked (< 50)', 'single_edit_ms', 'ms'],
    ['ranking API page p50 (50 clients)', 'ranking_p50_ms', 'ms'],
    ['ranking API p99 (target < 100)', 'ranking_p99_ms', 'ms'],
    ['ranking API throughput', 'ranking_rps', 'req/s'],
    ['ranking API non-2xx', 'ranking_non_2xx', ''],
    ['public ranking API p50 (anonymous)', 'public_ranking_p50_ms', 'ms'],
    ['public ranking API p99 (anonymous)', 'public_ranking_p99_ms', 'ms'],
    ['public ranking API throughput', 'public_ranking_rps', 'req/s'],
    ['ranking page (50 rows) JSON', 'ranking_page_bytes', 'B'],
    ['whole ranking list JSON (unpaged)', 'ranking_full_list_bytes', 'B'],
  ];
  const head = `${'figure'.padEnd(52)}${all.map((f) => f.db.padStart(12)).join('')}`;
  const lines = rows.map(
    ([label, key, unit]) => `${label.padEnd(52)}${all.map((f) => `${f[key]} ${unit}`.padStart(12)).join('')}`,
  );
  return [head, ...lines].join('\n');
}
