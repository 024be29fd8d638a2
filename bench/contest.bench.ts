import { createHash, randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.js';
import type { DialectName } from '../server/db/database.js';
import { createContestServices } from '../server/modules/contest/contest.module.js';
import { cccdOf, contestConfig, contestScenario } from '../server/modules/contest/contest-test-fixtures.js';
import { loginAs } from '../test/helpers/login.js';

// `npm run bench -- contest [--quick] [--db sqlite|postgres|both]`: a contest on a fresh database with its bank;
// N participants (5,000; 500 with --quick; ten through the service, the rest in bulk), then through the HTTP routes
// (app.inject, in process):
// - the start burst: all N start within 10 s (open loop: one start every 10 s ÷ N, whatever the answers'
//   latency), while 50 organiser dashboards poll the participation API (each waits 1 s between its requests);
// - answer saves and submissions at 50 requests in flight, against a bare Fastify route returning the same
//   payload for the same body at the same concurrency in the same run;
// - the provisional board;
// - the round close over CONTEST_BENCH_CLOSE_ATTEMPTS attempts (default 1,000,000 by half as many people;
//   20,000 with --quick): the attempts beyond the HTTP ones are written straight into the database in bulk,
//   submitted, scored and spread over the round, then the organiser closes the round through the API
//   (late attempts finished, ranking, prizes, collective table, participation KPI).

export type ContestFigures = {
  db: DialectName;
  pool_size: number | null;
  participants: number;
  register_ms: number;
  burst_starts: number;
  burst_errors: number;
  burst_s: number;
  burst_p50_ms: number;
  burst_p99_ms: number;
  dashboard_clients: number;
  dashboard_requests: number;
  dashboard_errors: number;
  dashboard_p50_ms: number;
  dashboard_p99_ms: number;
  in_flight: number;
  save_per_s: number;
  save_p50_ms: number;
  save_p99_ms: number;
  submit_per_s: number;
  submit_errors: number;
  submit_p50_ms: number;
  submit_p99_ms: number;
  bare_per_s: number;
  bare_p99_ms: number;
  save_ratio_to_bare: number;
  submit_ratio_to_bare: number;
  board_p99_ms: number;
  close_attempts: number;
  close_people: number;
  close_seed_s: number;
  close_round_s: number;
};

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] * 10) / 10;
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Runs `fn` over `items` with `inFlight` at a time (closed loop); returns the latencies and the rate. */
async function closedLoop<T>(items: T[], inFlight: number, fn: (item: T) => Promise<boolean>) {
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const s0 = performance.now();
        if (!(await fn(item))) errors++;
        lat.push(performance.now() - s0);
      }
    }),
  );
  const ms = performance.now() - t0;
  return { lat, errors, perS: Math.round((items.length / ms) * 1000) };
}

export async function runContestBench(
  dialect: DialectName,
  { quick = false, log = console.log }: { quick?: boolean; log?: (s: string) => void } = {},
): Promise<ContestFigures> {
  const n = quick ? 500 : 5000;
  const inFlight = 50;
  const closeAttempts = Number(process.env.CONTEST_BENCH_CLOSE_ATTEMPTS ?? (quick ? 20_000 : 1_000_000));
  // PostgreSQL: the app's pool (DATABASE_POOL_SIZE, as the server would read it), not the tests' smaller one.
  const poolSize = loadConfig({ DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }).databasePoolSize;
  const s = await contestScenario(dialect, { env: { DATABASE_POOL_SIZE: String(poolSize) } });
  try {
    const created = await s.t.app.inject({
      method: 'POST',
      url: '/api/contest/contests',
      headers: s.organiser.headers,
      payload: {
        unitId: s.tree.province,
        title: 'Bench',
        slug: 'bench-contest',
        config: contestConfig(s, { attemptsPerRound: null }),
      },
    });
    const contestId = created.json().id as number;
    await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${contestId}/open`,
      headers: s.organiser.headers,
    });
    // Registration is not what is measured here (its CAPTCHA, encryption and unique keys are tested elsewhere):
    // a few through the service, the rest written in bulk with their tokens' hashes.
    const services = createContestServices(s.t.deps);
    const r0 = performance.now();
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) {
      const reg = await services.play.register(
        'bench-contest',
        {
          groupKey: i % 3 ? 'officials' : 'citizens',
          fullName: `Người thi ${i}`,
          cccd: cccdOf(),
          unitId: i % 2 ? s.tree.communeA : s.tree.communeB,
          consent: true,
        },
        { ip: '127.0.0.1' },
        { isDemo: true },
      );
      tokens.push(reg.token);
    }
    const bulk = Array.from({ length: n - tokens.length }, () => randomBytes(32).toString('base64url'));
    for (let i = 0; i < bulk.length; i += 500)
      await s.t.deps.db
        .insertInto('contestParticipants')
        .values(
          bulk.slice(i, i + 500).map((token, k) => ({
            contestId,
            groupKey: (i + k) % 3 ? 'officials' : 'citizens',
            fullName: `Người thi ${i + k + 10}`,
            unitId: (i + k) % 2 ? s.tree.communeA : s.tree.communeB,
            tokenHash: createHash('sha256').update(token).digest('hex'),
            verified: 1,
            createdAt: '2026-03-02T01:00:00.000Z',
            isDemo: 1,
          })),
        )
        .execute();
    tokens.push(...bulk);
    const register_ms = Math.round(performance.now() - r0);
    log(
      `${dialect}: ${n} participants registered in ${register_ms} ms${dialect === 'postgres' ? ` (pool of ${poolSize})` : ''}`,
    );

    // Start burst: one start every 10 s ÷ N (open loop), while 50 dashboards poll the participation API.
    const latencies: number[] = [];
    const attempts: { id: number; token: string; questions: { id: number }[] }[] = [];
    let errors = 0;
    let bursting = true;
    const dashLat: number[] = [];
    let dashErrors = 0;
    const dashboards = Array.from({ length: 50 }, async (_, k) => {
      await new Promise((r) => setTimeout(r, (k * 1000) / 50));
      while (bursting) {
        const t0 = performance.now();
        const res = await s.t.app.inject({
          url: `/api/contest/contests/${contestId}/participation`,
          headers: s.organiser.headers,
        });
        dashLat.push(performance.now() - t0);
        if (res.statusCode !== 200) dashErrors++;
        await new Promise((r) => setTimeout(r, 1000));
      }
    });
    const gap = 10_000 / n;
    const b0 = performance.now();
    await Promise.all(
      tokens.map(async (token, i) => {
        const due = b0 + i * gap - performance.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        const t0 = performance.now();
        const res = await s.t.app.inject({
          method: 'POST',
          url: '/api/public/contests/bench-contest/attempts',
          headers: { 'x-contest-token': token },
        });
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) errors++;
        else attempts.push({ id: res.json().id, token, questions: res.json().questions });
      }),
    );
    const burst_s = round3((performance.now() - b0) / 1000);
    bursting = false;
    await Promise.all(dashboards);
    log(
      `${dialect}: start burst ${n} in ${burst_s} s, p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, errors ${errors}; ` +
        `dashboard ${dashLat.length} requests p99 ${pct(dashLat, 99)} ms, errors ${dashErrors}`,
    );

    // Saves then submissions, 50 in flight, against a bare route with the same body, payload and concurrency.
    const answersOf = (a: (typeof attempts)[number]) =>
      Object.fromEntries(a.questions.map((q, k) => [q.id, [k % 4]]));
    // The bare route runs before the saves and after the submissions (the machine's load drifts): the mean.
    let sample: unknown = attempts.length ? null : {};
    const bareOnce = async () => {
      const bare = Fastify();
      bare.post('/bare', async () => sample);
      await bare.ready();
      const run = await closedLoop(attempts, inFlight, async (a) => {
        const res = await bare.inject({
          method: 'POST',
          url: '/bare',
          headers: { 'x-contest-token': a.token },
          payload: { answers: answersOf(a), prediction: 5 },
        });
        return res.statusCode === 200;
      });
      await bare.close();
      return run;
    };
    if (attempts.length) {
      // The payload of a submission, from a first one outside the measured runs.
      const [first] = attempts.splice(0, 1);
      const res = await s.t.app.inject({
        method: 'POST',
        url: `/api/public/contest-attempts/${first.id}/submit`,
        headers: { 'x-contest-token': first.token },
        payload: { answers: answersOf(first), prediction: 5 },
      });
      sample = res.json();
    }
    const bareBefore = await bareOnce();
    const saves = await closedLoop(attempts, inFlight, async (a) => {
      const res = await s.t.app.inject({
        method: 'PUT',
        url: `/api/public/contest-attempts/${a.id}/answers`,
        headers: { 'x-contest-token': a.token },
        payload: { answers: answersOf(a), prediction: 5 },
      });
      return res.statusCode === 200;
    });
    const submits = await closedLoop(attempts, inFlight, async (a) => {
      const res = await s.t.app.inject({
        method: 'POST',
        url: `/api/public/contest-attempts/${a.id}/submit`,
        headers: { 'x-contest-token': a.token },
        payload: { answers: answersOf(a), prediction: 5 },
      });
      return res.statusCode === 200;
    });
    const bareAfter = await bareOnce();
    const bareRun = {
      perS: Math.round((bareBefore.perS + bareAfter.perS) / 2),
      lat: [...bareBefore.lat, ...bareAfter.lat],
    };
    log(
      `${dialect}: saves ${saves.perS}/s (p99 ${pct(saves.lat, 99)} ms), submissions ${submits.perS}/s ` +
        `(p50 ${pct(submits.lat, 50)} ms, p99 ${pct(submits.lat, 99)} ms, errors ${submits.errors}) ` +
        `against a bare route ${bareRun.perS}/s, ${inFlight} in flight`,
    );

    const boardLat: number[] = [];
    for (let i = 0; i < 50; i++) {
      s.t.clock.advance(11_000);
      const t0 = performance.now();
      await s.t.app.inject({
        url: '/api/public/contests/bench-contest/leaderboard?round=d1&group=officials',
      });
      boardLat.push(performance.now() - t0);
    }

    // The round close at scale: the rest of the attempts written in bulk, then the close through the API.
    const seed0 = performance.now();
    const extra = Math.max(0, closeAttempts - attempts.length);
    const people = Math.ceil(extra / 2);
    await seedAttempts(s.t.deps.db, dialect, contestId, [s.tree.communeA, s.tree.communeB], people, extra);
    const close_seed_s = round3((performance.now() - seed0) / 1000);
    log(`${dialect}: ${extra} more attempts by ${people} people written in ${close_seed_s} s`);
    s.t.clock.set('2026-03-03T02:00:00.000Z');
    const organiser = await loginAs(s.t, {
      role: 'secretariat',
      unitId: s.tree.province,
      email: s.organiser.email,
    });
    const c0 = performance.now();
    const closed = await s.t.app.inject({
      method: 'POST',
      url: `/api/contest/contests/${contestId}/rounds/d1/close`,
      headers: organiser.headers,
    });
    if (closed.statusCode !== 200)
      throw new Error(`close: ${closed.statusCode} ${closed.body.slice(0, 200)}`);
    const close_round_s = round3((performance.now() - c0) / 1000);
    log(`${dialect}: round close over ${attempts.length + extra} attempts in ${close_round_s} s`);
    return {
      db: dialect,
      pool_size: dialect === 'postgres' ? poolSize : null,
      participants: n,
      register_ms,
      burst_starts: n,
      burst_errors: errors,
      burst_s,
      burst_p50_ms: pct(latencies, 50),
      burst_p99_ms: pct(latencies, 99),
      dashboard_clients: 50,
      dashboard_requests: dashLat.length,
      dashboard_errors: dashErrors,
      dashboard_p50_ms: pct(dashLat, 50),
      dashboard_p99_ms: pct(dashLat, 99),
      in_flight: inFlight,
      save_per_s: saves.perS,
      save_p50_ms: pct(saves.lat, 50),
      save_p99_ms: pct(saves.lat, 99),
      submit_per_s: submits.perS,
      submit_errors: submits.errors,
      submit_p50_ms: pct(submits.lat, 50),
      submit_p99_ms: pct(submits.lat, 99),
      bare_per_s: bareRun.perS,
      bare_p99_ms: pct(bareRun.lat, 99),
      save_ratio_to_bare: round3(saves.perS / bareRun.perS),
      submit_ratio_to_bare: round3(submits.perS / bareRun.perS),
      board_p99_ms: pct(boardLat, 99),
      close_attempts: attempts.length + extra,
      close_people: attempts.length + people,
      close_seed_s,
      close_round_s,
    };
  } finally {
    await s.t.close();
  }
}

/**
 * `people` demo participants with `attempts` submitted attempts between them (two each, the last person one
 * when odd) in round d1, written set-wise by the database itself: scores 0–4, predictions, durations and start
 * times spread over the round's day.
 */
async function seedAttempts(
  db: import('kysely').Kysely<import('../server/db/schema.js').DB>,
  dialect: DialectName,
  contestId: number,
  units: [number, number],
  people: number,
  attempts: number,
) {
  if (attempts === 0) return;
  const series =
    dialect === 'postgres'
      ? sql`select g as i from generate_series(1, ${sql.lit(people)}) as g`
      : sql`select value as i from generate_series(1, ${sql.lit(people)})`;
  const hasSeries =
    dialect === 'postgres' ||
    (await sql`select 1 from generate_series(1, 1)`.execute(db).then(
      () => true,
      () => false,
    ));
  const nums = hasSeries
    ? series
    : sql`with recursive s(i) as (select 1 union all select i + 1 from s where i < ${sql.lit(people)}) select i from s`;
  const at = "'2026-03-01T17:00:00.000Z'";
  const iso = (ms: string) =>
    dialect === 'postgres'
      ? `to_char(timestamp '2026-03-01 17:00:00' + (${ms}) * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%fZ', '2026-03-01 17:00:00', '+' || ((${ms}) / 1000.0) || ' seconds')`;
  await sql`
    insert into contest_participants (contest_id, group_key, full_name, unit_id, token_hash, verified, created_at, is_demo)
    select ${sql.lit(contestId)}, case when i % 3 = 0 then 'citizens' else 'officials' end, 'Người thi mẫu ' || i,
      case when i % 2 = 0 then ${sql.lit(units[0])} else ${sql.lit(units[1])} end, 'bench-' || i, 1, ${sql.raw(at)}, 1
    from (${nums}) as n`.execute(db);
  const base = await db
    .selectFrom('contestParticipants')
    .select((e) => e.fn.min('id').as('id'))
    .where('tokenHash', '=', 'bench-1')
    .executeTakeFirstOrThrow();
  for (const seq of [1, 2]) {
    const count = seq === 1 ? people : attempts - people;
    if (count <= 0) continue;
    // Start: spread over 23 h of the round's day; duration 60–600 s; score 0–4 from a cheap hash of (i, seq).
    const start = `((cast(i as bigint) * 7919 + ${seq} * 104729) % 82800000)`;
    const dur = `(60000 + (i * 31 + ${seq} * 17) % 540000)`;
    await sql`
      insert into contest_attempts (contest_id, participant_id, round_key, seq, seed, draw_json, answers_json,
        prediction, status, started_at, deadline_at, submitted_at, score, total, duration_ms, late, is_demo)
      select ${sql.lit(contestId)}, ${sql.lit(base.id)} + i - 1, 'd1', ${sql.lit(seq)}, 'bench', '[]', '{}', (i * 13 + ${sql.lit(seq)}) % 50,
        'submitted', ${sql.raw(iso(start))}, ${sql.raw(iso(`${start} + 600000`))}, ${sql.raw(iso(`${start} + ${dur}`))},
        (i * 37 + ${sql.lit(seq)} * 11) % 5, 4, ${sql.raw(dur)}, 0, 1
      from (${nums}) as n where i <= ${sql.lit(count)}`.execute(db);
  }
}

export function formatContestTable(rows: ContestFigures[]): string {
  const keys = Object.keys(rows[0]).filter((k) => k !== 'db') as (keyof ContestFigures)[];
  return [
    `figure | ${rows.map((r) => r.db).join(' | ')}`,
    ...keys.map((k) => `${k} | ${rows.map((r) => r[k]).join(' | ')}`),
  ].join('\n');
}
