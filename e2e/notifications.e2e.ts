import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.js';
import { type Database, openDatabase } from '../server/db/database.js';
import type { JobQueue } from '../server/jobs/queue.js';
import { systemClock } from '../server/lib/clock.js';
import { createNotifier } from '../server/modules/notifications/notifications.module.js';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The notification centre in Chromium: the demo user's bell shows the demo notifications; an event recorded by
// notify() (as the Steer module will record an overdue task) appears at the top, is opened and marked read,
// and the preferences are saved. Screenshots go to test-results/screenshots.
const ADMIN = { email: 'admin@demo.dxboard.vn', password: 'Demo@2026' };

// The e2e server runs its own jobs: this side only records the event, as a module's transaction would.
const noJobs: JobQueue = {
  registerHandler() {},
  enqueue: async (_name, _payload, options) => options?.jobId ?? 'none',
  schedule: async () => {},
  close: async () => {},
};

describe('notification centre', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let database: Database;

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function checkPage(name: string, within?: string) {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page, within), name).toEqual([]);
  }
  const bell = () => page.getByRole('banner').getByRole('button', { name: /^Thông báo/ });

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await database?.destroy();
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the demo notifications’ unread count on the bell after sign-in', async () => {
    await page.goto(url('/app/login'));
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/app\/?$/);
    await expect.poll(async () => bell().getAttribute('aria-label')).toBe('Thông báo: 4 chưa đọc');
  });

  it('shows an event recorded by notify() at the top of the centre, opens it and marks it read', async () => {
    if (!server.dataDir) return; // E2E_BASE_URL: no access to the server's database
    database = openDatabase({ kind: 'sqlite', path: join(server.dataDir, 'dxboard.sqlite') });
    const admin = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
    const notifier = createNotifier({
      db: database.db,
      clock: systemClock,
      config: loadConfig({ DATA_DIR: server.dataDir }),
      jobs: noJobs,
    });
    await database.db.transaction().execute((trx) =>
      notifier.notify(trx, {
        kind: 'steer.task_overdue',
        recipients: { userIds: [admin.id] },
        title: { vi: 'Nhiệm vụ quá hạn 2 ngày: Cập nhật cổng dịch vụ công', en: 'Task 2 days overdue' },
        body: {
          vi: 'Đề nghị Sở Khoa học và Công nghệ báo cáo tiến độ.',
          en: 'The department is asked to report.',
        },
        link: '/app/measure',
        urgent: true,
        idempotencyKey: `e2e:overdue:${Date.now()}`,
      }),
    );
    await page.reload();
    await expect.poll(async () => bell().getAttribute('aria-label')).toBe('Thông báo: 5 chưa đọc');
    await bell().click();
    const first = page.getByTestId('bell-item').first();
    await expect.poll(() => first.textContent()).toContain('Nhiệm vụ quá hạn 2 ngày');
    await checkPage('notifications-bell', '.mantine-Popover-dropdown');
    await page.getByRole('link', { name: 'Xem tất cả thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    const items = page.getByTestId('notification-item');
    await expect.poll(() => items.count()).toBe(5);
    expect(await items.first().textContent()).toContain('Nhiệm vụ quá hạn 2 ngày');
    expect(await items.first().getByText('Khẩn').count()).toBe(1);
    await checkPage('notifications-centre');
    await items.first().getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
    await expect.poll(async () => bell().getAttribute('aria-label')).toBe('Thông báo: 4 chưa đọc');
    await expect.poll(() => page.getByTestId('unread-summary').textContent()).toBe('4 chưa đọc');
  });

  it('saves the email preference of a category and marks everything read', async () => {
    await page.getByLabel('Email: Điều hành, nhiệm vụ').selectOption('immediate');
    await page.getByRole('button', { name: 'Lưu cách nhận thông báo' }).click();
    await page.getByText('Đã lưu cách nhận thông báo').waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
    await expect.poll(async () => bell().getAttribute('aria-label')).toBe('Thông báo');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    expect(await page.getByLabel('Email: Điều hành, nhiệm vụ').inputValue()).toBe('immediate');
    await checkPage('notifications-centre-read');
  });
});
