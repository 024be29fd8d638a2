import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { deriveTaskStatus } from '../core/steer/task-status.js';
import type { DialectName } from '../server/db/database.js';
import type { UserActor } from '../server/lib/actor.js';
import { createNotificationJobs } from '../server/modules/notifications/notifications.module.js';
import { createReportServices } from '../server/modules/steer/reports/reports.feature.js';
import { createSteerTaskServices, createUrgingServices } from '../server/modules/steer/steer.module.js';
import { refreshStatusSpans } from '../server/modules/steer/tasks/status-spans.js';
import { loadStatusInputs } from '../server/modules/steer/tasks/task-views.js';
import { loginAs } from '../test/helpers/login.js';
import { createTestApp } from '../test/helpers/test-app.js';
import { type LoadResult, loadTest, median, round1 } from './bench-kit.js';
import { loadUnits } from './measure-data.js';
import { loadSteerData, STEER_FULL, STEER_QUICK } from './steer-data.js';

// `npm run bench -- steer [--quick]`: 34 provinces' worth of Steer plans (≈ 10,000 tasks led by 3,321 communes
// and the provinces, 100,000 progress updates) in a fresh database, then the app's own code paths: status of
// every task as of a date (the tasks service's list: counts from the stored status spans, the first page),
// a province's quarterly report issued through the reports service, the leader dashboard API under 50
// clients, the day's reminder run and digest; baseline: the raw SQL count of the same tasks by stored state.

export type SteerFigures = {
  db: DialectName;
  size: 'full' | 'quick';
  units: number;
  tasks: number;
  progress_updates: number;
  history_rows: number;
  load_ms: number;
  raw_sql_ms: number;
  status_spans: number;
  status_spans_build_ms: number;
  status_all_ms: number;
  status_ratio_to_raw_sql: number;
  status_counts_ms: number;
  status_inputs_ms: number;
  status_derive_ms: number;
  quarter_report_ms: number;
  quarter_report_tasks: number;
  dashboard_cold_ms: number;
  dashboard_p50_ms: number;
  dashboard_p99_ms: number;
  dashboard_rps: number;
  dashboard_non_2xx: number;
  dashboard_bytes: number;
  reminders_run_ms: number;
  reminders_sent: number;
  digest_ms: number;
  digests: number;
  digest_run_ms: number;
  emails_delivered_ms: number | null;
  emails_sent: number;
};

/** Vietnam 09:00 on 26/10/2026: Q3 is over, Q4 running; October's deadlines and monthly reports are days away. */
const NOW = '2026-10-26T02:00:00.000Z';
const AS_OF = '2026-10-26';
const QUARTER = '2026-Q3';

export async function runSteerBench(
  dialect: DialectName,
  {
    seconds = 6,
    quick = false,
    log = console.log,
  }: { seconds?: number; quick?: boolean; log?: (s: string) => void } = {},
): Promise<SteerFigures> {
  const size = quick ? STEER_QUICK : STEER_FULL;
  const t = await createTestApp(dialect, { now: NOW });
  try {
    const db = t.deps.db;
    const now = t.clock.now().toISOString();
    const loadStart = performance.now();
    const { root, communes } = await loadUnits(db, now);
    const data = await loadSteerData(db, { root, size, asOf: AS_OF, now });
    const loadMs = performance.now() - loadStart;
    log(
      `[${dialect}] loaded ${data.provinces.length} provinces, ${communes.length} communes, ${data.tasks} tasks, ` +
        `${data.progress} progress updates, ${data.history} history rows, ${data.extensions} extensions, ` +
        `${data.users} users in ${Math.round(loadMs)} ms`,
    );
    if (dialect === 'postgres') {
      for (const table of [
        'steer_tasks',
        'steer_task_history',
        'steer_progress_updates',
        'steer_task_coordinators',
        'steer_task_extensions',
        'units',
        'unit_closure',
        'role_assignments',
        'users',
      ])
        await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    } else await sql`pragma wal_checkpoint(truncate)`.execute(db);

    const admin = await loginAs(t, { role: 'admin', unitId: root });
    const actor: UserActor = {
      kind: 'user',
      userId: admin.userId,
      email: admin.email,
      fullName: 'Bench',
      sessionId: 'bench',
      grants: [{ role: 'admin', unitId: root }],
    };
    const steerTasks = createSteerTaskServices(t.deps);
    // The stored status spans of every task (the triggers marked the bulk-loaded tasks stale): what the first
    // reader after a migration or `npx dxboard rebuild-steer-status` pays once.
    const s0 = performance.now();
    const built = await refreshStatusSpans(steerTasks.repo, db);
    const spansBuildMs = performance.now() - s0;
    if (built !== data.tasks) throw new Error(`status spans built for ${built} tasks`);
    const spanRows = Number(
      (
        await db
          .selectFrom('steerTaskStatusSpans')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // As autovacuum would on a running server: building the spans rewrote the day counts' rows through their
    // triggers (one update per span), which left ten dead row versions per live one for the counts to skip.
    if (dialect === 'postgres')
      for (const table of ['steer_task_status_spans', 'steer_task_status_day_counts'])
        await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    log(
      `[${dialect}] status spans: ${spanRows} spans of ${built} tasks built in ${Math.round(spansBuildMs)} ms`,
    );
    const reports = createReportServices(t.deps, steerTasks);
    const urging = createUrgingServices(t.deps, steerTasks);
    const notifications = createNotificationJobs(t.deps);
    const runs = quick ? 3 : 5;

    // Baseline: the same tasks counted by their stored state, in SQL.
    const rawSql = () =>
      sql<{ state: string; n: number }>`select state, count(*) as n from steer_tasks group by state`.execute(
        db,
      );
    const counted = (await rawSql()).rows.reduce((s, r) => s + Number(r.n), 0);
    if (counted !== data.tasks) throw new Error(`raw SQL counted ${counted} tasks`);
    const rawMs = await median(7, rawSql);

    // Status of every task as of a date through the tasks service (what GET /api/steer/tasks?asOf= runs): every
    // task counted by its status on the date (the stored spans), the scoped ids in plan order, and the first
    // page of 50 in full with deriveTaskStatus's detail.
    const listAll = () => steerTasks.tasks.listTasks(actor, { asOf: AS_OF, page: 1, pageSize: 50 });
    const first = await listAll();
    if (first.total !== data.tasks) throw new Error(`the tasks service listed ${first.total} tasks`);
    const statusMs = await median(runs, listAll);
    const countsMs = await median(runs, () => steerTasks.repo.statusCountsAsOf({ scopeRoots: null }, AS_OF));
    // The reference path, for comparison and as a check: the status inputs of every task read in bulk, and
    // deriveTaskStatus over each; its counts must equal the list's.
    const rows = await steerTasks.repo.listTasks({ scopeRoots: null });
    const inputsMs = await median(runs, () => loadStatusInputs(steerTasks.repo, rows));
    const inputs = await loadStatusInputs(steerTasks.repo, rows);
    const deriveMs = await median(runs, async () => {
      for (const r of rows) deriveTaskStatus(inputs.get(r.id)!, AS_OF);
    });
    const buckets: Record<string, number> = {};
    for (const r of rows) {
      const b = deriveTaskStatus(inputs.get(r.id)!, AS_OF).bucket ?? 'none';
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    log(`[${dialect}] status on ${AS_OF}: ${JSON.stringify(buckets)}`);
    for (const [bucket, n] of Object.entries(first.counts.bucket))
      if ((buckets[bucket] ?? 0) !== n)
        throw new Error(`the list counted ${n} ${bucket} tasks, deriveTaskStatus ${buckets[bucket] ?? 0}`);

    // A quarterly report for one province, issued through the reports service (computed at the quarter's
    // cut-off inside its transaction, stored, audited, the task KPIs written).
    const province = data.provinces[0];
    const ctx = { actor };
    let reportTasks = 0;
    const reportMs = await median(quick ? 3 : 5, async () => {
      const issued = await reports.reports.issue(ctx, { unitId: province, period: QUARTER });
      reportTasks = issued.taskCount;
    });

    // The leader dashboard through the real app on a port: a province's leader, 50 concurrent clients.
    const leader = await loginAs(t, { role: 'leader', unitId: province });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/api/steer/dashboard?unitId=${province}`;
    const c0 = performance.now();
    const probe = await fetch(url, { headers: { cookie: leader.headers.cookie } });
    const bytes = (await probe.arrayBuffer()).byteLength;
    const coldMs = performance.now() - c0;
    if (probe.status !== 200) throw new Error(`dashboard API answered ${probe.status}`);
    const load = await loadTest(url, seconds, { cookie: leader.headers.cookie });

    // The day's reminder run for every unit, then the digest that mails each person's waiting items.
    const r0 = performance.now();
    const run = await urging.reminders.run();
    const remindersMs = performance.now() - r0;
    const d0 = performance.now();
    const digest = await notifications.runDigest({ force: true });
    const digestMs = performance.now() - d0;
    log(
      `[${dialect}] reminders: ${run.tasks} open tasks judged, ${run.sent} sent in ${Math.round(remindersMs)} ms; ` +
        `digest: ${digest.digests} digests of ${digest.items} items in ${Math.round(digestMs)} ms`,
    );
    // Until the background jobs have mailed everything (urgent reminders at once, the digests): the in-process
    // queue and the recording mailer of the test app, so this is the database work of sending, not SMTP.
    let deliveredMs: number | null = null;
    const deadline = performance.now() + (quick ? 60_000 : 180_000);
    while (performance.now() < deadline) {
      const left = await db
        .selectNoFrom((eb) => [
          eb
            .selectFrom('notificationDeliveries')
            .select((e) => e.fn.countAll().as('n'))
            .where('channel', '=', 'email')
            .where('status', 'in', ['pending', 'sending'])
            .as('deliveries'),
          eb
            .selectFrom('notificationDigests')
            .select((e) => e.fn.countAll().as('n'))
            .where('status', 'in', ['pending', 'sending'])
            .as('digests'),
        ])
        .executeTakeFirstOrThrow();
      if (Number(left.deliveries) + Number(left.digests) === 0) {
        deliveredMs = performance.now() - r0;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }

    return {
      db: dialect,
      size: quick ? 'quick' : 'full',
      units: communes.length + data.provinces.length,
      tasks: data.tasks,
      progress_updates: data.progress,
      history_rows: data.history,
      load_ms: Math.round(loadMs),
      raw_sql_ms: round1(rawMs),
      status_spans: spanRows,
      status_spans_build_ms: Math.round(spansBuildMs),
      status_all_ms: round1(statusMs),
      status_ratio_to_raw_sql: Math.round((statusMs / rawMs) * 100) / 100,
      status_counts_ms: round1(countsMs),
      status_inputs_ms: round1(inputsMs),
      status_derive_ms: round1(deriveMs),
      quarter_report_ms: round1(reportMs),
      quarter_report_tasks: reportTasks,
      dashboard_cold_ms: round1(coldMs),
      dashboard_p50_ms: load.latency.p50,
      dashboard_p99_ms: load.latency.p99,
      dashboard_rps: Math.round(load.requests.average),
      dashboard_non_2xx: load.non2xx,
      dashboard_bytes: bytes,
      reminders_run_ms: Math.round(remindersMs),
      reminders_sent: run.sent,
      digest_ms: Math.round(digestMs),
      digests: digest.digests,
      digest_run_ms: Math.round(remindersMs + digestMs),
      emails_delivered_ms: deliveredMs === null ? null : Math.round(deliveredMs),
      emails_sent: t.sentMail.length,
    };
  } finally {
    await t.close();
  }
}

const TARGETS: Partial<Record<keyof SteerFigures, [string, (v: number) => boolean]>> = {
  status_ratio_to_raw_sql: ['≤ 3', (v) => v <= 3],
  dashboard_p99_ms: ['< 100', (v) => v < 100],
  digest_run_ms: ['< 10000', (v) => v < 10_000],
};

export function formatSteerTable(all: SteerFigures[]): string {
  const rows: [string, keyof SteerFigures, string][] = [
    ['raw SQL count(*) GROUP BY state (baseline)', 'raw_sql_ms', 'ms'],
    ['status spans built for every task (once)', 'status_spans_build_ms', 'ms'],
    ['  spans stored', 'status_spans', ''],
    ['status of all tasks as of a date (tasks service)', 'status_all_ms', 'ms'],
    ['  ratio to raw SQL (target ≤ 3)', 'status_ratio_to_raw_sql', '×'],
    ['  of which: count of the spans on the date', 'status_counts_ms', 'ms'],
    ['reference: bulk status inputs (3 queries)', 'status_inputs_ms', 'ms'],
    ['reference: deriveTaskStatus × all tasks', 'status_derive_ms', 'ms'],
    ['quarterly report of one province, issued', 'quarter_report_ms', 'ms'],
    ['  tasks in that report', 'quarter_report_tasks', ''],
    ['dashboard API, first request (computed)', 'dashboard_cold_ms', 'ms'],
    ['dashboard API p50 (50 clients)', 'dashboard_p50_ms', 'ms'],
    ['dashboard API p99 (target < 100)', 'dashboard_p99_ms', 'ms'],
    ['dashboard API throughput', 'dashboard_rps', 'req/s'],
    ['dashboard API non-2xx', 'dashboard_non_2xx', ''],
    ['dashboard JSON', 'dashboard_bytes', 'B'],
    ['reminder run for all units', 'reminders_run_ms', 'ms'],
    ['  reminders sent', 'reminders_sent', ''],
    ['digest run', 'digest_ms', 'ms'],
    ['  digests made', 'digests', ''],
    ['reminders + digest (target < 10 s)', 'digest_run_ms', 'ms'],
    ['until every email is handed to the mailer', 'emails_delivered_ms', 'ms'],
    ['  emails sent', 'emails_sent', ''],
  ];
  const head = `${'figure'.padEnd(52)}${all.map((f) => f.db.padStart(14)).join('')}`;
  const lines = rows.map(
    ([label, key, unit]) =>
      `${label.padEnd(52)}${all.map((f) => `${f[key] ?? '—'} ${unit}`.padStart(14)).join('')}`,
  );
  const verdicts = Object.entries(TARGETS).map(([key, [target, ok]]) => {
    const k = key as keyof SteerFigures;
    return `target ${k} ${target}: ${all.map((f) => `${f.db} ${ok(Number(f[k])) ? 'PASS' : 'FAIL'} (${f[k]})`).join(', ')}`;
  });
  return [head, ...lines, '', ...verdicts].join('\n');
}
