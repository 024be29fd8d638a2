import Fastify from 'fastify';
import { sql } from 'kysely';
import { computeDeadline } from '../core/feedback/deadline.js';
import type { DialectName } from '../server/db/database.js';
import { createFeedbackServices } from '../server/modules/feedback/feedback.module.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { loadTest, round1 } from './bench-kit.js';
import { loadUnits } from './measure-data.js';

// `npm run bench -- feedback [--quick]`: 200,000 citizen reports over the 3,321 communes (20,000 with --quick) in
// a fresh database, then the app's own code paths: report submission through the reports service (no photos;
// one at a time for its latency, then 16 at once for the rate a server sustains), the public list and Open311
// `GET requests.json` each computed afresh (a different page or commune each time) and then one URL under 50
// clients (p99, answered from the cache of public answers), the deadline of every open report. Baseline, in the
// same run and first: a bare Fastify route under the same load generator.

export type FeedbackFigures = {
  db: DialectName;
  reports: number;
  communes: number;
  load_ms: number;
  baseline_p99_ms: number;
  baseline_rps: number;
  submit_sequential_per_s: number;
  submit_per_s: number;
  submit_p50_ms: number;
  submit_p99_ms: number;
  submit_concurrent_p99_ms: number;
  list_p50_ms: number;
  list_p99_ms: number;
  list_rps: number;
  list_ratio: number;
  list_cold_p50_ms: number;
  list_cold_p99_ms: number;
  open311_p99_ms: number;
  open311_rps: number;
  open311_cold_p50_ms: number;
  open311_cold_p99_ms: number;
  deadlines_ms: number;
  deadlines: number;
};

const NOW = '2026-10-26T02:00:00.000Z';
const STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'answered',
  'closed',
  'reopened',
  'refused',
] as const;
/** Submissions in flight at once in the concurrent part (what the app's database pool serves). */
const SUBMITTERS = 16;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

export async function runFeedbackBench(
  dialect: DialectName,
  {
    seconds = 6,
    quick = false,
    log = console.log,
  }: { seconds?: number; quick?: boolean; log?: (s: string) => void } = {},
): Promise<FeedbackFigures> {
  const total = quick ? 20_000 : 200_000;
  const t = await createTestApp(dialect, { now: NOW });
  try {
    const db = t.deps.db;
    const now = t.clock.now().toISOString();
    const l0 = performance.now();
    const { communes } = await loadUnits(db, now);
    const services = createFeedbackServices(t.deps);
    const ctx = { actor: null };
    const newCategory = (code: string, nameVi: string, nameEn: string, deadlineAmount: number) =>
      db
        .insertInto('feedbackCategories')
        .values({
          code,
          nameVi,
          nameEn,
          deadlineAmount,
          deadlineKind: 'working_days',
          defaultUnitId: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const category = await newCategory('BENCH', 'Giao thông', 'Roads', 10);
    // Half the submissions go to a category routed by rules (one per commune: the commune handles its own
    // lighting), so a submission also looks up its rule, is assigned and gets its deadline and notice.
    const routed = await newCategory('BENCH_ROUTED', 'Chiếu sáng', 'Street lights', 5);
    for (let i = 0; i < communes.length; i += 500)
      await db
        .insertInto('feedbackRoutingRules')
        .values(
          communes.slice(i, i + 500).map((unitId) => ({
            categoryId: routed.id,
            areaUnitId: unitId,
            unitId,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute();
    const chunk = 500;
    for (let i = 0; i < total; i += chunk) {
      const rows = [];
      for (let j = i; j < Math.min(total, i + chunk); j++) {
        const status = STATUSES[j % STATUSES.length];
        const day = String(1 + (j % 28)).padStart(2, '0');
        const month = String(8 + (j % 3)).padStart(2, '0');
        rows.push({
          code: `PA-2026-B${String(j).padStart(7, '0')}`,
          categoryId: category.id,
          title: `Phản ánh số ${j}`,
          description: 'Ổ gà trên đường liên xã',
          lat: 21 + (j % 100) / 100,
          lng: 105 + (j % 97) / 100,
          areaUnitId: communes[j % communes.length],
          address: null,
          contactKind: 'phone' as const,
          contact: '0912345678',
          status,
          unitId: communes[j % communes.length],
          deadline: status === 'received' ? null : `2026-${month}-${day}`,
          assignedAt: status === 'received' ? null : `2026-${month}-01T02:00:00.000Z`,
          firstAnsweredAt: null,
          firstAnswerOnTime: null,
          answeredAt: null,
          answer: null,
          closedAt: null,
          refuseKind: null,
          refuseReason: null,
          satisfaction: null,
          satisfactionReason: null,
          ratedAt: null,
          extensionDays: null,
          extensionReason: null,
          extensionStatus: null,
          source: 'bench',
          createdAt: `2026-${month}-${day}T02:00:00.000Z`,
          updatedAt: now,
        });
      }
      await db.insertInto('feedbackReports').values(rows).execute();
    }
    // A running PostgreSQL has statistics of its tables (autovacuum); right after a bulk load it has none yet.
    if (dialect === 'postgres') await sql`analyze feedback_reports`.execute(db);
    const loadMs = performance.now() - l0;
    log(`[${dialect}] loaded ${total} reports over ${communes.length} communes in ${Math.round(loadMs)} ms`);

    // The baseline first, on a quiet process: a bare Fastify route under the same load generator.
    const bare = Fastify();
    bare.get('/ping', async () => ({ ok: true }));
    const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
    const baseline = await loadTest(`${bareAddress}/ping`, seconds);
    await bare.close();

    const submitInput = (i: number) => ({
      categoryId: i % 2 === 0 ? category.id : routed.id,
      title: 'Đèn đường hỏng',
      description: 'Cả dãy đèn không sáng',
      areaUnitId: communes[i % communes.length],
      contact: { kind: 'phone' as const, value: '0912345678' },
      showName: false,
      photoFileIds: [],
      source: 'web' as const,
    });
    // Submissions through the service (what the public route calls after its checks): one at a time (each
    // submission's own latency), then SUBMITTERS at once, as citizens' requests arrive at a server.
    const submitTimes: number[] = [];
    let n = 0;
    const s0 = performance.now();
    while (performance.now() - s0 < seconds * 1000) {
      const a = performance.now();
      await services.reports.create(ctx, submitInput(n));
      submitTimes.push(performance.now() - a);
      n++;
    }
    const submitSequentialPerS = n / ((performance.now() - s0) / 1000);
    submitTimes.sort((a, b) => a - b);
    const concurrentTimes: number[] = [];
    let m = 0;
    const c0 = performance.now();
    await Promise.all(
      Array.from({ length: SUBMITTERS }, async () => {
        while (performance.now() - c0 < seconds * 1000) {
          const a = performance.now();
          await services.reports.create(ctx, submitInput(n + m++));
          concurrentTimes.push(performance.now() - a);
        }
      }),
    );
    const submitPerS = concurrentTimes.length / ((performance.now() - c0) / 1000);
    concurrentTimes.sort((a, b) => a - b);

    // The routed half really was routed: each is assigned to its commune with a deadline.
    const routedRows = await db
      .selectFrom('feedbackReports')
      .select(['status', 'unitId', 'areaUnitId', 'deadline'])
      .where('categoryId', '=', routed.id)
      .execute();
    const unrouted = routedRows.filter(
      (r) => r.status !== 'assigned' || r.unitId !== r.areaUnitId || !r.deadline,
    );
    if (routedRows.length === 0 || unrouted.length > 0)
      throw new Error(`${unrouted.length} of ${routedRows.length} routed submissions were not assigned`);
    log(`[${dialect}] ${routedRows.length} of the submissions routed by rule and assigned`);

    // Deadline of every open report.
    const open = await db
      .selectFrom('feedbackReports')
      .select('assignedAt')
      .where('status', 'in', ['assigned', 'in_progress', 'reopened'])
      .execute();
    const d0 = performance.now();
    for (const r of open) if (r.assignedAt) computeDeadline(r.assignedAt.slice(0, 10), 10, 'working_days');
    const deadlinesMs = performance.now() - d0;

    // Each public answer computed afresh (cache misses: a different commune or page each time), one at a time.
    const cold = async (urls: string[]) => {
      const times: number[] = [];
      for (const url of urls) {
        const a = performance.now();
        const res = await t.app.inject({ url });
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        times.push(performance.now() - a);
      }
      return times.sort((x, y) => x - y);
    };
    const coldList = await cold(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? `/api/public/feedback/reports?areaUnitId=${communes[(i * 37) % communes.length]}`
          : `/api/public/feedback/reports?categoryId=${category.id}&page=${1 + (i % 40)}`,
      ),
    );
    const coldOpen311 = await cold(
      Array.from(
        { length: 20 },
        (_, i) =>
          `/api/open311/v2/requests.json?service_code=BENCH&end_date=2026-10-${String(6 + i).padStart(2, '0')}T00:00:00%2B07:00`,
      ),
    );

    // Then the same URL under 50 clients: after the first request, answers come from the cache of public
    // answers (keyed by the feedback tables' revisions, so still exact).
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const list = await loadTest(
      `${address}/api/public/feedback/reports?categoryId=${category.id}&page=3`,
      seconds,
    );
    await drain(address);
    const open311 = await loadTest(`${address}/api/open311/v2/requests.json?service_code=BENCH`, seconds);
    await drain(address);
    if (list.non2xx || open311.non2xx)
      throw new Error(`non-2xx answers under load: list ${list.non2xx}, Open311 ${open311.non2xx}`);
    return {
      db: dialect,
      reports: total,
      communes: communes.length,
      load_ms: Math.round(loadMs),
      baseline_p99_ms: baseline.latency.p99,
      baseline_rps: Math.round(baseline.requests.average),
      submit_sequential_per_s: Math.round(submitSequentialPerS),
      submit_per_s: Math.round(submitPerS),
      submit_p50_ms: round1(pct(submitTimes, 50)),
      submit_p99_ms: round1(pct(submitTimes, 99)),
      submit_concurrent_p99_ms: round1(pct(concurrentTimes, 99)),
      list_p50_ms: list.latency.p50,
      list_p99_ms: list.latency.p99,
      list_rps: Math.round(list.requests.average),
      list_ratio: round1(list.latency.p99 / Math.max(1, baseline.latency.p99)),
      list_cold_p50_ms: round1(pct(coldList, 50)),
      list_cold_p99_ms: round1(pct(coldList, 99)),
      open311_p99_ms: open311.latency.p99,
      open311_rps: Math.round(open311.requests.average),
      open311_cold_p50_ms: round1(pct(coldOpen311, 50)),
      open311_cold_p99_ms: round1(pct(coldOpen311, 99)),
      deadlines_ms: round1(deadlinesMs),
      deadlines: open.length,
    };
  } finally {
    await t.close();
  }
}

/** Waits until the server has answered what the load generator left queued (the next load starts clean). */
async function drain(address: string) {
  await fetch(`${address}/api/health`).then((r) => r.arrayBuffer());
}

export function formatFeedbackTable(rows: FeedbackFigures[]): string {
  const keys: [string, (r: FeedbackFigures) => string][] = [
    ['reports', (r) => String(r.reports)],
    ['baseline bare route p99 (ms) / req/s', (r) => `${r.baseline_p99_ms} / ${r.baseline_rps}`],
    [
      'submissions / s, one at a time (p50 / p99 ms)',
      (r) => `${r.submit_sequential_per_s} (${r.submit_p50_ms} / ${r.submit_p99_ms})`,
    ],
    [
      `submissions / s, ${SUBMITTERS} at once (target ≥ 1000; p99 ms)`,
      (r) => `${r.submit_per_s} (${r.submit_concurrent_p99_ms})`,
    ],
    ['public list p99, 50 clients (target < 100 ms)', (r) => `${r.list_p99_ms} (${r.list_ratio}× baseline)`],
    ['public list, each computed afresh p50 / p99', (r) => `${r.list_cold_p50_ms} / ${r.list_cold_p99_ms}`],
    ['Open311 requests.json p99, 50 clients / req/s', (r) => `${r.open311_p99_ms} / ${r.open311_rps}`],
    [
      'Open311 requests.json afresh p50 / p99 (ms)',
      (r) => `${r.open311_cold_p50_ms} / ${r.open311_cold_p99_ms}`,
    ],
    ['deadlines of all open reports (ms)', (r) => `${r.deadlines_ms} (${r.deadlines})`],
  ];
  return keys.map(([label, f]) => `${label.padEnd(56)} ${rows.map(f).join('  |  ')}`).join('\n');
}
