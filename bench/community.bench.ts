import { sql } from 'kysely';
import type { DialectName } from '../server/db/database.js';
import type { UserActor } from '../server/lib/actor.js';
import { createCommunityServices } from '../server/modules/community/community.module.js';
import { loginAs } from '../test/helpers/login.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { loadTest, median, round1 } from './bench-kit.js';
import { COMMUNITY_FULL, COMMUNITY_QUICK, loadCommunityData } from './community-data.js';
import { loadUnits } from './measure-data.js';

// `npm run bench -- community [--quick]`: the country's community digital technology teams in a fresh database
// (3,321 communes, 100,000 villages each with a team, 600,000 members, 2,000,000 activities of 2026; --quick a
// tenth of the teams, members and activities), then the app's own code paths: the monthly roll-up of the whole
// country through the roll-ups service (per commune and month, per skill, teams, members, villages, laggards),
// the roll-up API a province's leader opens (the Community dashboard) and the country's under 50 concurrent
// clients, and the public "find a team near you" API (the communes list the page opens with, and one commune's
// teams). Baseline in the same run: a raw SQL count of the same activities by commune.

export type CommunityFigures = {
  db: DialectName;
  size: 'full' | 'quick';
  communes: number;
  villages: number;
  teams: number;
  members: number;
  activities: number;
  skill_rows: number;
  load_ms: number;
  raw_sql_ms: number;
  rollup_ms: number;
  rollup_cached_ms: number;
  rollup_structure_write_ms: number;
  rollup_ratio_to_raw_sql: number;
  rollup_bytes: number;
  dashboard_cold_ms: number;
  dashboard_p50_ms: number;
  dashboard_p99_ms: number;
  dashboard_rps: number;
  dashboard_non_2xx: number;
  country_bytes: number;
  country_p50_ms: number;
  country_p99_ms: number;
  country_non_2xx: number;
  public_home_p50_ms: number;
  public_home_p99_ms: number;
  public_home_non_2xx: number;
  public_teams_p99_ms: number;
  public_teams_non_2xx: number;
  overview_cold_ms: number;
  overview_p50_ms: number;
  overview_p99_ms: number;
  overview_rps: number;
  overview_non_2xx: number;
  portal_home_cold_ms: number;
  portal_home_p50_ms: number;
  portal_home_p99_ms: number;
  portal_home_non_2xx: number;
};

/** Vietnam 09:00 on 15/10/2026: ten months of the year's activities are in. */
const NOW = '2026-10-15T02:00:00.000Z';
const YEAR = 2026;

export async function runCommunityBench(
  dialect: DialectName,
  {
    seconds = 6,
    quick = false,
    log = console.log,
  }: { seconds?: number; quick?: boolean; log?: (s: string) => void } = {},
): Promise<CommunityFigures> {
  const size = quick ? COMMUNITY_QUICK : COMMUNITY_FULL;
  const t = await createTestApp(dialect, { now: NOW });
  try {
    const db = t.deps.db;
    const now = t.clock.now().toISOString();
    const loadStart = performance.now();
    const { root, communes } = await loadUnits(db, now);
    const data = await loadCommunityData(db, { root, communes, size, now });
    const loadMs = performance.now() - loadStart;
    log(
      `[${dialect}] loaded ${communes.length} communes, ${data.villages} villages and teams, ${data.members} ` +
        `members, ${data.activities} activities (${data.skills} skill rows) in ${Math.round(loadMs)} ms`,
    );
    if (dialect === 'postgres') {
      for (const table of [
        'community_activities',
        'community_activity_skills',
        'community_teams',
        'community_members',
        'community_people',
        'units',
        'unit_closure',
        // The summaries kept by triggers took many small updates during the load: vacuumed here so autovacuum
        // does not start on them in the middle of a timed load test.
        'community_activity_months',
        'community_skill_years',
        'community_commune_teams',
        'unit_village_counts',
        'community_person_communes',
        'community_commune_people',
        'community_person_spread',
      ])
        await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    } else await sql`analyze`.execute(db);

    const admin = await loginAs(t, { role: 'admin', unitId: root });
    const actor: UserActor = {
      kind: 'user',
      userId: admin.userId,
      email: admin.email,
      fullName: 'Bench',
      sessionId: 'bench',
      grants: [{ role: 'leader', unitId: root }],
    };
    const services = createCommunityServices(t.deps);
    const runs = quick ? 3 : 5;

    // Baseline: the same activities (the year's) counted by commune in SQL.
    const rawSql = () =>
      sql<{
        commune: number;
        n: number;
      }>`select commune_id as commune, count(*) as n from community_activities
        where activity_date >= ${`${YEAR}-01-01`} and activity_date <= ${`${YEAR}-12-31`}
        group by commune_id`.execute(db);
    const raw = (await rawSql()).rows;
    for (const r of raw)
      if (Number(r.n) !== data.perCommune.get(Number(r.commune)))
        throw new Error(`raw SQL counted ${r.n} activities for commune ${r.commune}`);
    const rawMs = await median(7, rawSql);

    // The monthly roll-up of the whole country through the roll-ups service (what GET /api/community/rollup
    // answers for the national unit): checked against the hand count, then timed.
    const rollup = () => services.rollups.rollup(actor, { unitId: root, year: YEAR });
    const first = await rollup();
    if (first.totals.sessions !== data.activities)
      throw new Error(`the roll-up counted ${first.totals.sessions} activities`);
    for (const c of first.communes)
      if (c.sessions !== (data.perCommune.get(c.communeId) ?? 0))
        throw new Error(`the roll-up counted ${c.sessions} activities for commune ${c.communeId}`);
    if (first.totals.teams !== data.teams) throw new Error(`the roll-up counted ${first.totals.teams} teams`);
    // Each timed run computes afresh: a write between reads (here a bump of one revision counter, as any write to
    // the community tables does) makes the service's cache miss, as in production after an activity is logged
    // or a target set; the roll-up's structure (teams, villages, members) is reused until those tables change,
    // which the next figure measures.
    const bump = () =>
      sql`update data_revisions set revision = revision + 1 where name = 'community_targets'`.execute(db);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await bump();
      const r0 = performance.now();
      await rollup();
      samples.push(performance.now() - r0);
    }
    samples.sort((a, b) => a - b);
    const rollupMs = samples[Math.floor(samples.length / 2)];
    // The same after a write to the teams' members (the structure of the roll-up is read again too).
    const structureSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
      await sql`update data_revisions set revision = revision + 1 where name = 'community_members'`.execute(
        db,
      );
      const r0 = performance.now();
      await rollup();
      structureSamples.push(performance.now() - r0);
    }
    structureSamples.sort((a, b) => a - b);
    const rollupStructureMs = structureSamples[Math.floor(structureSamples.length / 2)];
    const cachedMs = await median(runs, rollup);
    const rollupBytes = Buffer.byteLength(JSON.stringify(first));
    log(
      `[${dialect}] roll-up: ${first.totals.communes} communes, ${first.totals.sessions} sessions, ` +
        `${first.totals.people} people, ${first.laggards.length} laggards`,
    );

    // Through the real app on a port, 50 concurrent clients each: a province's leader opening the Community
    // dashboard (the province's roll-up), the country's, and the public page's two reads.
    const province = Number(
      (
        await db
          .selectFrom('units')
          .select('id')
          .where('kind', '=', 'province')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const leader = await loginAs(t, { role: 'leader', unitId: province });
    const national = await loginAs(t, { role: 'leader', unitId: root });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const dashboardUrl = `${address}/api/community/rollup?unitId=${province}&year=${YEAR}`;
    const c0 = performance.now();
    const probe = await fetch(dashboardUrl, { headers: { cookie: leader.headers.cookie } });
    await probe.arrayBuffer();
    const coldMs = performance.now() - c0;
    if (probe.status !== 200) throw new Error(`roll-up API answered ${probe.status}`);
    // Steady state: each URL is asked once first (the first request computes; it is reported above for the
    // province), then 50 clients for `seconds`.
    const warm = async (u: string, cookie?: string) => {
      const res = await fetch(u, { headers: cookie ? { cookie } : {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${u} answered ${res.status}`);
    };
    // Every client asks for compression as browsers do (phones on mobile networks above all): the shared answers
    // are compressed once per revision (server/lib/shared-body.ts), so this measures what readers get.
    const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
    const dashboard = await loadTest(dashboardUrl, seconds, { ...BROWSER, cookie: leader.headers.cookie });
    const homeUrl = `${address}/api/public/community/communes`;
    await warm(homeUrl);
    const publicHome = await loadTest(homeUrl, seconds, BROWSER);
    const teamsUrl = `${address}/api/public/community/teams?communeId=${communes[0]}`;
    await warm(teamsUrl);
    const publicTeams = await loadTest(teamsUrl, seconds, BROWSER);
    // The DX dashboard (GET /api/dashboard) of the province's leader and the public home (GET /api/public/home),
    // each cached under the revisions of its source modules: the first request computes (reported cold), then
    // 50 clients. The home's per-address limit is lifted for the run (every request comes from one address).
    const timed = async (u: string, cookie?: string) => {
      const s0 = performance.now();
      await warm(u, cookie);
      return performance.now() - s0;
    };
    const overviewUrl = `${address}/api/dashboard?unitId=${province}`;
    const overviewColdMs = await timed(overviewUrl, leader.headers.cookie);
    const overview = await loadTest(overviewUrl, seconds, { ...BROWSER, cookie: leader.headers.cookie });
    t.deps.rateLimiter.hit = async (_key, _limit, windowSeconds) => ({
      allowed: true,
      count: 1,
      retryAfterSeconds: windowSeconds,
    });
    const portalUrl = `${address}/api/public/home`;
    const portalColdMs = await timed(portalUrl);
    const portal = await loadTest(portalUrl, seconds, BROWSER);
    // Last: the country's first page (100 communes and laggards, the provinces summed; the whole view is
    // ~1.9 MB, in `rollup_bytes`).
    const countryUrl = `${address}/api/community/rollup?unitId=${root}&year=${YEAR}`;
    await warm(countryUrl, national.headers.cookie);
    const countryBytes = (
      await (await fetch(countryUrl, { headers: { cookie: national.headers.cookie } })).arrayBuffer()
    ).byteLength;
    const country = await loadTest(countryUrl, seconds, { ...BROWSER, cookie: national.headers.cookie });

    return {
      db: dialect,
      size: quick ? 'quick' : 'full',
      communes: communes.length,
      villages: data.villages,
      teams: data.teams,
      members: data.members,
      activities: data.activities,
      skill_rows: data.skills,
      load_ms: Math.round(loadMs),
      raw_sql_ms: round1(rawMs),
      rollup_ms: round1(rollupMs),
      rollup_cached_ms: round1(cachedMs),
      rollup_structure_write_ms: round1(rollupStructureMs),
      rollup_ratio_to_raw_sql: Math.round((rollupMs / rawMs) * 100) / 100,
      rollup_bytes: rollupBytes,
      dashboard_cold_ms: round1(coldMs),
      dashboard_p50_ms: dashboard.latency.p50,
      dashboard_p99_ms: dashboard.latency.p99,
      dashboard_rps: Math.round(dashboard.requests.average),
      dashboard_non_2xx: dashboard.non2xx,
      country_bytes: countryBytes,
      country_p50_ms: country.latency.p50,
      country_p99_ms: country.latency.p99,
      country_non_2xx: country.non2xx,
      public_home_p50_ms: publicHome.latency.p50,
      public_home_p99_ms: publicHome.latency.p99,
      public_home_non_2xx: publicHome.non2xx,
      public_teams_p99_ms: publicTeams.latency.p99,
      public_teams_non_2xx: publicTeams.non2xx,
      overview_cold_ms: round1(overviewColdMs),
      overview_p50_ms: overview.latency.p50,
      overview_p99_ms: overview.latency.p99,
      overview_rps: Math.round(overview.requests.average),
      overview_non_2xx: overview.non2xx,
      portal_home_cold_ms: round1(portalColdMs),
      portal_home_p50_ms: portal.latency.p50,
      portal_home_p99_ms: portal.latency.p99,
      portal_home_non_2xx: portal.non2xx,
    };
  } finally {
    await t.close();
  }
}

const TARGETS: Partial<Record<keyof CommunityFigures, [string, (v: number) => boolean]>> = {
  rollup_ratio_to_raw_sql: ['≤ 3', (v) => v <= 3],
  dashboard_p99_ms: ['< 100', (v) => v < 100],
  public_home_p99_ms: ['< 100', (v) => v < 100],
  overview_p99_ms: ['< 100', (v) => v < 100],
  portal_home_p99_ms: ['< 100', (v) => v < 100],
};

export function formatCommunityTable(all: CommunityFigures[]): string {
  const rows: [string, keyof CommunityFigures, string][] = [
    ['raw SQL count(*) of the year GROUP BY commune (baseline)', 'raw_sql_ms', 'ms'],
    ['monthly roll-up of the country (roll-ups service)', 'rollup_ms', 'ms'],
    ['  ratio to raw SQL (target ≤ 3)', 'rollup_ratio_to_raw_sql', '×'],
    ['  the same, data unchanged (cached under the revisions)', 'rollup_cached_ms', 'ms'],
    ['  the same after a write to members (structure read again too)', 'rollup_structure_write_ms', 'ms'],
    ['  its JSON (every commune)', 'rollup_bytes', 'B'],
    ["province's roll-up API, first request", 'dashboard_cold_ms', 'ms'],
    ["province's roll-up API p50 (50 clients)", 'dashboard_p50_ms', 'ms'],
    ["province's roll-up API p99 (target < 100)", 'dashboard_p99_ms', 'ms'],
    ["province's roll-up API throughput", 'dashboard_rps', 'req/s'],
    ["province's roll-up API non-2xx", 'dashboard_non_2xx', ''],
    ["country's roll-up API, a page of 100 communes: its JSON", 'country_bytes', 'B'],
    ["country's roll-up API p50 (50 clients)", 'country_p50_ms', 'ms'],
    ["country's roll-up API p99", 'country_p99_ms', 'ms'],
    ["country's roll-up API non-2xx", 'country_non_2xx', ''],
    ['public communes API p50 (50 clients)', 'public_home_p50_ms', 'ms'],
    ['public communes API p99 (target < 100)', 'public_home_p99_ms', 'ms'],
    ['public communes API non-2xx', 'public_home_non_2xx', ''],
    ["public commune's teams API p99", 'public_teams_p99_ms', 'ms'],
    ["public commune's teams API non-2xx", 'public_teams_non_2xx', ''],
    ["DX dashboard API (province's leader), first request", 'overview_cold_ms', 'ms'],
    ['DX dashboard API p50 (50 clients)', 'overview_p50_ms', 'ms'],
    ['DX dashboard API p99 (target < 100)', 'overview_p99_ms', 'ms'],
    ['DX dashboard API throughput', 'overview_rps', 'req/s'],
    ['DX dashboard API non-2xx', 'overview_non_2xx', ''],
    ['public home API, first request', 'portal_home_cold_ms', 'ms'],
    ['public home API p50 (50 clients)', 'portal_home_p50_ms', 'ms'],
    ['public home API p99 (target < 100)', 'portal_home_p99_ms', 'ms'],
    ['public home API non-2xx', 'portal_home_non_2xx', ''],
  ];
  const head = `${'figure'.padEnd(58)}${all.map((f) => f.db.padStart(14)).join('')}`;
  const lines = rows.map(
    ([label, key, unit]) =>
      `${label.padEnd(58)}${all.map((f) => `${f[key] ?? '—'} ${unit}`.padStart(14)).join('')}`,
  );
  const verdicts = Object.entries(TARGETS).map(([key, [target, ok]]) => {
    const k = key as keyof CommunityFigures;
    return `target ${k} ${target}: ${all.map((f) => `${f.db} ${ok(Number(f[k])) ? 'PASS' : 'FAIL'} (${f[k]})`).join(', ')}`;
  });
  return [head, ...lines, '', ...verdicts].join('\n');
}
