import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtp, startWebhook } from '../../server/modules/notifications/delivery/test-receivers.js';
import { signWebhook } from '../../server/modules/notifications/notifications.module.js';
import { deleteRedisKeys, REDIS_SKIP_NOTE, redisTestUrl } from '../helpers/test-redis.js';
import { type AppProcess, startAppProcess, stopAppProcess } from './app-process.js';

// Notifications with two real app processes on one PostgreSQL schema and one Redis (BullMQ): both run the
// job workers and both declare the sweep. Deliveries left pending (as a crash would leave them, or as notify()
// writes them) are each sent exactly once: one email per recipient at the SMTP server, one signed POST per
// recipient at the webhook relay, every row 'sent' after one attempt — and nothing more on later sweeps.

const pgUrl = process.env.TEST_DATABASE_URL;
const baseRedisUrl = redisTestUrl();
if (!pgUrl && process.env.CI === 'true') {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-process test would be skipped.');
}
const PG_SKIP_NOTE = 'needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)';
const SECRET = 'two-processes-webhook-secret';
const RECIPIENTS = 10;

async function withPg<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.runIf(pgUrl && baseRedisUrl)(
  `notifications with two app processes (${PG_SKIP_NOTE}; ${REDIS_SKIP_NOTE})`,
  () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-notify-two-'));
    // A Redis database of its own: the processes' BullMQ queue and schedules never meet another run's.
    // (Computed while the suite is collected, also when it is skipped: no Redis URL then.)
    const redisUrl = `${(baseRedisUrl ?? '').replace(/\/\d*$/, '')}/${randomInt(1, 16)}`;
    const apps: AppProcess[] = [];
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let hook: Awaited<ReturnType<typeof startWebhook>>;

    beforeAll(async () => {
      smtp = await startSmtp();
      hook = await startWebhook(() => 200);
      await deleteRedisKeys(redisUrl, 'dxb:');
      await withPg((c) => c.query(`create schema ${schema}`));
      const env = {
        DATABASE_URL: pgUrl as string,
        PGOPTIONS: `-c search_path=${schema}`,
        REDIS_URL: redisUrl,
        DATA_DIR: dataDir,
        DEMO_SEED: 'false',
        SMTP_URL: smtp.url,
        NOTIFY_WEBHOOK_URL: hook.url,
        NOTIFY_WEBHOOK_SECRET: SECRET,
        NOTIFY_SWEEP_SECONDS: '1',
      };
      apps.push(await startAppProcess('A', env));
      apps.push(await startAppProcess('B', env));
    }, 300_000);

    afterAll(async () => {
      await Promise.all(apps.map(stopAppProcess));
      await withPg((c) => c.query(`drop schema if exists ${schema} cascade`));
      await deleteRedisKeys(redisUrl, 'dxb:');
      await smtp?.close();
      await hook?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('sends each pending delivery exactly once while both processes sweep', async () => {
      const now = new Date().toISOString();
      await withPg(async (c) => {
        await c.query('begin');
        const users: number[] = [];
        for (let i = 0; i < RECIPIENTS; i++) {
          const { rows } = await c.query(
            `insert into ${schema}.users (email, full_name, created_at, updated_at) values ($1, $2, $3, $3) returning id`,
            [`nguoi.nhan.${i}@xa.gov.vn`, `Người nhận ${i}`, now],
          );
          users.push(rows[0].id);
        }
        const { rows } = await c.query(
          `insert into ${schema}.notifications (idempotency_key, kind, category, title_vi, title_en, body_vi, body_en, link, urgent, created_at)
           values ('two-processes:1', 'steer.task_overdue', 'steer', 'Nhiệm vụ quá hạn', 'Task overdue', 'Quá hạn 2 ngày', '2 days late', '/app/steer', 1, $1) returning id`,
          [now],
        );
        const notificationId = rows[0].id;
        for (const [i, userId] of users.entries()) {
          for (const channel of ['in_app', 'email', 'webhook']) {
            await c.query(
              `insert into ${schema}.notification_deliveries (notification_id, recipient_key, user_id, address, channel, status, sent_at, created_at, updated_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
              [
                notificationId,
                `user:${userId}`,
                userId,
                channel === 'email' ? `nguoi.nhan.${i}@xa.gov.vn` : null,
                channel,
                channel === 'in_app' ? 'sent' : 'pending',
                channel === 'in_app' ? now : null,
                now,
              ],
            );
          }
        }
        await c.query('commit');
      });

      const statuses = () =>
        withPg(async (c) => {
          const { rows } = await c.query(
            `select channel, status, attempts from ${schema}.notification_deliveries where channel <> 'in_app'`,
          );
          return rows as { channel: string; status: string; attempts: number }[];
        });
      await vi.waitFor(async () => expect((await statuses()).every((r) => r.status === 'sent')).toBe(true), {
        timeout: 30_000,
        interval: 250,
      });
      // Several more sweeps in both processes: nothing is sent again.
      await new Promise((done) => setTimeout(done, 3500));

      const mails = smtp.inbox.filter((m) => m.to[0]?.startsWith('nguoi.nhan.'));
      expect(mails).toHaveLength(RECIPIENTS);
      expect(new Set(mails.map((m) => m.to[0])).size).toBe(RECIPIENTS);
      expect(hook.calls).toHaveLength(RECIPIENTS);
      expect(new Set(hook.calls.map((c) => c.headers['x-dxboard-delivery'])).size).toBe(RECIPIENTS);
      for (const call of hook.calls) {
        const timestamp = String(call.headers['x-dxboard-timestamp']);
        expect(call.headers['x-dxboard-signature']).toBe(signWebhook(SECRET, timestamp, call.body));
      }
      const rows = await statuses();
      expect(rows).toHaveLength(2 * RECIPIENTS);
      expect(rows.map((r) => r.attempts)).toEqual(Array(2 * RECIPIENTS).fill(1));
      for (const app of apps) expect(app.child.exitCode, app.output()).toBeNull();
    }, 60_000);
  },
);
