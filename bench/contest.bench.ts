import Fastify from 'fastify';
import type { DialectName } from '../server/db/database.js';
import { createContestServices } from '../server/modules/contest/contest.module.js';
import { cccdOf, contestConfig, contestScenario } from '../server/modules/contest/contest-test-fixtures.js';
import { loginAs } from '../test/helpers/login.js';

// `npm run bench -- contest [--quick]`: a contest on a fresh database with its bank; N participants registered
// through the service (5,000; 500 with --quick), then through the HTTP routes (app.inject, in process): a start
// burst (all N starts, 100 at a time, p50/p99 and errors), answer saves and submissions (rate, p50/p99) against a
// bare Fastify route returning the same payload in the same run, the provisional board, and the round close
// (ranking, prizes, collective table) over every attempt. Not yet: the 1,000,000-attempt close and the
// SIGKILL durability run of issue 13.

export type ContestFigures = {
  db: DialectName;
  participants: number;
  register_ms: number;
  burst_starts: number;
  burst_errors: number;
  burst_ms: number;
  burst_p50_ms: number;
  burst_p99_ms: number;
  save_per_s: number;
  save_p99_ms: number;
  submit_per_s: number;
  submit_p50_ms: number;
  submit_p99_ms: number;
  bare_per_s: number;
  submit_ratio_to_bare: number;
  board_p99_ms: number;
  close_attempts: number;
  close_ms: number;
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] * 10) / 10;
};

export async function runContestBench(
  dialect: DialectName,
  { quick = false, log = console.log }: { quick?: boolean; log?: (s: string) => void } = {},
): Promise<ContestFigures> {
  const n = quick ? 500 : 5000;
  const s = await contestScenario(dialect);
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
    const services = createContestServices(s.t.deps);
    const r0 = performance.now();
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) {
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
    const register_ms = Math.round(performance.now() - r0);
    log(`${dialect}: ${n} participants registered in ${register_ms} ms`);

    // Start burst: every participant starts, 100 requests in flight at a time.
    const latencies: number[] = [];
    const attempts: { id: number; token: string; questions: { id: number }[] }[] = [];
    let errors = 0;
    const b0 = performance.now();
    for (let i = 0; i < n; i += 100) {
      await Promise.all(
        tokens.slice(i, i + 100).map(async (token) => {
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
    }
    const burst_ms = Math.round(performance.now() - b0);
    log(`${dialect}: start burst ${n} in ${burst_ms} ms, p99 ${pct(latencies, 99)} ms, errors ${errors}`);

    // Saves then submissions, one after another (the rate one client sees), against a bare route.
    const answersOf = (a: (typeof attempts)[number]) =>
      Object.fromEntries(a.questions.map((q, k) => [q.id, [k % 4]]));
    const saveLat: number[] = [];
    const sv0 = performance.now();
    for (const a of attempts.slice(0, Math.min(1000, attempts.length))) {
      const t0 = performance.now();
      await s.t.app.inject({
        method: 'PUT',
        url: `/api/public/contest-attempts/${a.id}/answers`,
        headers: { 'x-contest-token': a.token },
        payload: { answers: answersOf(a), prediction: 5 },
      });
      saveLat.push(performance.now() - t0);
    }
    const save_per_s = Math.round((saveLat.length / (performance.now() - sv0)) * 1000);
    const subLat: number[] = [];
    let sample: unknown = null;
    const su0 = performance.now();
    for (const a of attempts) {
      const t0 = performance.now();
      const res = await s.t.app.inject({
        method: 'POST',
        url: `/api/public/contest-attempts/${a.id}/submit`,
        headers: { 'x-contest-token': a.token },
        payload: { answers: answersOf(a), prediction: 5 },
      });
      subLat.push(performance.now() - t0);
      sample ??= res.json();
    }
    const submit_per_s = Math.round((subLat.length / (performance.now() - su0)) * 1000);
    const bare = Fastify();
    bare.post('/bare', async () => sample);
    await bare.ready();
    const ba0 = performance.now();
    for (let i = 0; i < subLat.length; i++)
      await bare.inject({ method: 'POST', url: '/bare', payload: { answers: {}, prediction: 5 } });
    const bare_per_s = Math.round((subLat.length / (performance.now() - ba0)) * 1000);
    await bare.close();
    log(
      `${dialect}: submissions ${submit_per_s}/s (p99 ${pct(subLat, 99)} ms) against a bare route ${bare_per_s}/s`,
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

    // Close the round over every attempt: finish open ones, rank, award, collective, KPI.
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
    const close_ms = Math.round(performance.now() - c0);
    log(`${dialect}: round close over ${attempts.length} attempts in ${close_ms} ms`);
    return {
      db: dialect,
      participants: n,
      register_ms,
      burst_starts: n,
      burst_errors: errors,
      burst_ms,
      burst_p50_ms: pct(latencies, 50),
      burst_p99_ms: pct(latencies, 99),
      save_per_s,
      save_p99_ms: pct(saveLat, 99),
      submit_per_s,
      submit_p50_ms: pct(subLat, 50),
      submit_p99_ms: pct(subLat, 99),
      bare_per_s,
      submit_ratio_to_bare: Math.round((submit_per_s / bare_per_s) * 1000) / 1000,
      board_p99_ms: pct(boardLat, 99),
      close_attempts: attempts.length,
      close_ms,
    };
  } finally {
    await s.t.close();
  }
}

export function formatContestTable(rows: ContestFigures[]): string {
  const keys = Object.keys(rows[0]).filter((k) => k !== 'db') as (keyof ContestFigures)[];
  return [
    `figure | ${rows.map((r) => r.db).join(' | ')}`,
    ...keys.map((k) => `${k} | ${rows.map((r) => r[k]).join(' | ')}`),
  ].join('\n');
}
