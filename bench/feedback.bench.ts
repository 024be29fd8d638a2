import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { computeDeadline } from '../core/feedback/deadline.js';
import type { DialectName } from '../server/db/database.js';
import { createFeedbackServices } from '../server/modules/feedback/feedback.module.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { loadTest } from './bench-kit.js';
import { loadUnits } from './measure-data.js';

// `npm run bench -- feedback [--quick]`: 200,000 citizen reports over the 3,321 communes (20,000 with --quick) in
// a fresh database, then the app's own code paths: report submission through the reports service (no photos,
// sequential, rate and p50/p99), the public list API and Open311 `GET requests.json` under 50 clients (p99), the
// deadline of every open report; baseline: a bare Fastify route under the same load.

export type FeedbackFigures = {
  db: DialectName;
  reports: number;
  communes: number;
  load_ms: number;
  baseline_p99_ms: number;
  baseline_rps: number;
  submit_per_s: number;
  submit_p50_ms: number;
  submit_p99_ms: number;
  list_p50_ms: number;
  list_p99_ms: number;
  list_rps: number;
  open311_p99_ms: number;
  open311_rps: number;
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
    const category = await db
      .insertInto('feedbackCategories')
      .values({
        code: 'BENCH',
        nameVi: 'Giao thông',
        nameEn: 'Roads',
        deadlineAmount: 10,
        deadlineKind: 'working_days',
        defaultUnitId: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const loadMs = performance.now() - l0;
    log(`[${dialect}] loaded ${total} reports over ${communes.length} communes in ${Math.round(loadMs)} ms`);

    // Submissions through the service (what the public route calls after its checks), for a few seconds.
    const submitTimes: number[] = [];
    const s0 = performance.now();
    let n = 0;
    while (performance.now() - s0 < seconds * 1000) {
      const a = performance.now();
      await services.reports.create(ctx, {
        categoryId: category.id,
        title: 'Đèn đường hỏng',
        description: 'Cả dãy đèn không sáng',
        areaUnitId: communes[n % communes.length],
        contact: { kind: 'phone', value: '0912345678' },
        showName: false,
        photoFileIds: [],
        source: 'web',
      });
      submitTimes.push(performance.now() - a);
      n++;
    }
    const submitPerS = n / ((performance.now() - s0) / 1000);
    submitTimes.sort((a, b) => a - b);

    // Deadline of every open report.
    const open = await db
      .selectFrom('feedbackReports')
      .select('assignedAt')
      .where('status', 'in', ['assigned', 'in_progress', 'reopened'])
      .execute();
    const d0 = performance.now();
    for (const r of open) if (r.assignedAt) computeDeadline(r.assignedAt.slice(0, 10), 10, 'working_days');
    const deadlinesMs = performance.now() - d0;

    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const list = await loadTest(
      `${address}/api/public/feedback/reports?categoryId=${category.id}&page=3`,
      seconds,
    );
    const open311 = await loadTest(`${address}/api/open311/v2/requests.json?service_code=BENCH`, seconds);
    const bare = Fastify();
    bare.get('/ping', async () => ({ ok: true }));
    const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
    const baseline = await loadTest(`${bareAddress}/ping`, seconds);
    await bare.close();
    return {
      db: dialect,
      reports: total,
      communes: communes.length,
      load_ms: Math.round(loadMs),
      baseline_p99_ms: baseline.latency.p99,
      baseline_rps: Math.round(baseline.requests.average),
      submit_per_s: Math.round(submitPerS),
      submit_p50_ms: Math.round(pct(submitTimes, 50) * 10) / 10,
      submit_p99_ms: Math.round(pct(submitTimes, 99) * 10) / 10,
      list_p50_ms: list.latency.p50,
      list_p99_ms: list.latency.p99,
      list_rps: Math.round(list.requests.average),
      open311_p99_ms: open311.latency.p99,
      open311_rps: Math.round(open311.requests.average),
      deadlines_ms: Math.round(deadlinesMs * 10) / 10,
      deadlines: open.length,
    };
  } finally {
    await t.close();
  }
}

export function formatFeedbackTable(rows: FeedbackFigures[]): string {
  const keys: [string, keyof FeedbackFigures][] = [
    ['reports', 'reports'],
    ['baseline bare route p99 (ms)', 'baseline_p99_ms'],
    ['submissions / s (no photos)', 'submit_per_s'],
    ['submission p50 / p99 (ms)', 'submit_p99_ms'],
    ['public list p99, 50 clients (target < 100 ms)', 'list_p99_ms'],
    ['Open311 requests.json p99 (ms)', 'open311_p99_ms'],
    ['deadlines of all open reports (ms)', 'deadlines_ms'],
  ];
  return keys
    .map(
      ([label, key]) =>
        `${label.padEnd(48)} ${rows.map((r) => (key === 'submit_p99_ms' ? `${r.submit_p50_ms} / ${r.submit_p99_ms}` : String(r[key]))).join('  ')}`,
    )
    .join('\n');
}
