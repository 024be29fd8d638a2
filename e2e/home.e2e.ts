import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The staff home per role on the demo data, in Chromium: the commune officer sees "Việc của đơn vị" (the unit's
// urgent tasks, the open 2026 index entry in draft, the citizen reports to answer, the latest notifications),
// the appraiser the three stages of the appraisal queue, the viewer a read-only summary with the published
// ranking. Each on a desktop and on a 360 px phone, with an axe check and no sideways scrolling.
const PASSWORD = 'Demo@2026';
const OFFICER = 'canbo.xa@demo.dxboard.vn';
const APPRAISER = 'thamdinh@demo.dxboard.vn';
const VIEWER = 'xem@demo.dxboard.vn';

type Task = { id: number; title: string };
type SteerHome = { overdue: Task[]; dueSoon: Task[]; returned: Task[]; reportThisWeek: Task[] };
type QueueItem = { unitName: string; periodName: string; stage: string };

describe('staff home per role', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function check(page: Page, name: string) {
    await screenshot(page, name);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-viewport.png` });
    expect(await seriousA11yViolations(page), name).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: sideways scrolling`).toBeLessThanOrEqual(0);
  }
  async function signedIn(email: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url('/app/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(url('/app/'));
    await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
    return page;
  }
  const apiJson = async <T>(page: Page, path: string): Promise<T> => {
    const res = await page.request.get(url(path));
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  }, 200_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the commune officer the unit’s work: tasks, the open entry, reports to answer, notifications', async () => {
    const page = await signedIn(OFFICER, 1280, 900);
    const me = await apiJson<{ grants: { role: string; unitId: number; unitName: string }[] }>(
      page,
      '/api/auth/me',
    );
    const unit = me.grants.find((g) => g.role === 'officer') as { unitId: number; unitName: string };
    await page.getByRole('heading', { name: `Việc của đơn vị: ${unit.unitName}` }).waitFor();
    await expect.poll(() => page.getByTestId('home-grants').innerText()).toContain(unit.unitName);

    // Steer: the most urgent task the unit's own home API reports is on the page, linked to its task page.
    const steer = await apiJson<SteerHome>(page, '/api/steer/home');
    const urgent = [...steer.overdue, ...steer.returned, ...steer.dueSoon, ...steer.reportThisWeek];
    expect(urgent.length).toBeGreaterThan(0);
    const tasks = page.getByTestId('home-tasks');
    const first = tasks.getByRole('link', { name: urgent[0].title });
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe(`/app/steer/tasks/${urgent[0].id}`);
    expect(await tasks.getByTestId('home-tasks-count').innerText()).toBe(
      String(new Set(urgent.map((t) => t.id)).size),
    );

    // Measure: the open 2026 period with the commune's entry in draft and a link to the entry page.
    const entry = page.getByTestId('home-entry').filter({ hasText: 'Chỉ số CĐS cấp xã 2026' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Đang nhập, chưa nộp');
    expect(await entry.getByRole('link', { name: 'Nhập số liệu' }).getAttribute('href')).toMatch(
      /^\/app\/measure\/periods\/\d+\/units\/\d+\/entry$/,
    );

    // Feedback: what the ward still owes an answer, as the feedback queue lists it (the nearest deadline first),
    // or the empty state that says so.
    const owed = await Promise.all(
      ['assigned', 'in_progress', 'reopened'].map((status) =>
        apiJson<{ items: { title: string; unitId: number; deadline: string | null }[] }>(
          page,
          `/api/feedback/reports?status=${status}&unitId=${unit.unitId}&pageSize=50`,
        ),
      ),
    );
    const ours = owed
      .flatMap((o) => o.items)
      .filter((r) => r.unitId === unit.unitId)
      .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
    const feedback = page.getByTestId('home-feedback');
    if (ours.length) {
      await feedback.getByRole('link', { name: ours[0].title }).first().waitFor();
    } else {
      await feedback.getByText('Không có phản ánh nào đang chờ đơn vị trả lời.').waitFor();
    }
    expect(await feedback.getByTestId('home-feedback-count').innerText()).toBe(String(ours.length));

    // Notifications: the newest one, as the centre lists it.
    const newest = await apiJson<{ items: { title: string }[] }>(
      page,
      '/api/notifications?sort=newest&pageSize=5',
    );
    expect(newest.items.length).toBeGreaterThan(0);
    await page.getByTestId('home-notifications').getByText(newest.items[0].title).first().waitFor();

    // Officers see neither the appraisal queue nor the dashboard.
    expect(await page.getByTestId('home-queue').count()).toBe(0);
    await check(page, 'home-officer-desktop');

    await first.click();
    await page.waitForURL(/\/app\/steer\/tasks\/\d+/);
  });

  it('fits the officer’s home on a 360 px phone', async () => {
    const page = await signedIn(OFFICER, 360, 740);
    await page.getByTestId('home-entry').first().waitFor();
    await page.getByTestId('home-notification').first().waitFor();
    await page.getByTestId('home-tasks-count').waitFor();
    await check(page, 'home-officer-phone');
    // In English, words and never codes.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: /^Work of / }).waitFor();
    await page.getByTestId('home-entry').getByText('In progress, not submitted').first().waitFor();
    await page.getByTestId('home-notification').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Latest notifications');
    expect(text).not.toMatch(/\b(not_started|due_soon|in_progress|h\.[a-z]+)\b/);
    await check(page, 'home-officer-phone-english');
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: /^Việc của đơn vị/ }).waitFor();
  });

  it('shows the appraiser the queue: waiting, resubmitted and returned, with units and appraisal links', async () => {
    const page = await signedIn(APPRAISER, 1280, 900);
    const queue = await apiJson<{ counts: Record<string, number>; items: QueueItem[] }>(
      page,
      '/api/measure/appraisal-queue',
    );
    // The demo 2026 period fills all three stages.
    expect(queue.counts.waiting).toBeGreaterThan(0);
    expect(queue.counts.returned).toBeGreaterThan(0);
    expect(queue.counts.resubmitted).toBeGreaterThan(0);
    const section = page.getByTestId('home-queue');
    await section.getByText(`${queue.counts.waiting} chờ thẩm định`).waitFor();
    for (const stage of ['waiting', 'resubmitted', 'returned']) {
      const item = queue.items.find((i) => i.stage === stage) as QueueItem;
      const column = page.getByTestId(`queue-${stage}`);
      const link = column.getByRole('link', { name: item.unitName, exact: true });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(
        /^\/app\/measure\/periods\/\d+\/units\/\d+\/appraisal$/,
      );
      expect(await column.innerText()).toContain('Chỉ số CĐS cấp xã 2026');
    }
    await expect.poll(() => page.getByTestId('queue-returned').innerText()).toContain('Trả lại');
    await expect.poll(() => page.getByTestId('queue-resubmitted').innerText()).toContain('(lần 2)');
    // The secretariat also gets the DX dashboard.
    await page.locator('#dx-dashboard-heading').waitFor();
    await check(page, 'home-appraiser-desktop');

    const waiting = queue.items.find((i) => i.stage === 'waiting') as QueueItem;
    await page
      .getByTestId('queue-waiting')
      .getByRole('link', { name: waiting.unitName, exact: true })
      .click();
    await page.waitForURL(/\/app\/measure\/periods\/\d+\/units\/\d+\/appraisal$/);
  });

  it('fits the appraiser’s queue on a 360 px phone', async () => {
    const page = await signedIn(APPRAISER, 360, 740);
    await page.getByTestId('queue-item-waiting').first().waitFor();
    await check(page, 'home-appraiser-phone');
  });

  it('gives the viewer a read-only summary with the units and the published ranking', async () => {
    for (const [width, height, name] of [
      [1280, 900, 'home-viewer-desktop'],
      [360, 740, 'home-viewer-phone'],
    ] as const) {
      const page = await signedIn(VIEWER, width, height);
      const viewer = page.getByTestId('home-viewer');
      await viewer.getByText('Tài khoản của bạn chỉ xem được thông tin.').waitFor();
      expect(await page.getByTestId('home-viewer-units').getAttribute('href')).toBe('/app/units');
      expect(await page.getByTestId('home-viewer-dashboard').getAttribute('href')).toBe('/app/dashboard');
      const ranking = page.getByTestId('home-viewer-ranking');
      await ranking.waitFor();
      expect(await ranking.innerText()).toContain('Chỉ số CĐS cấp xã 2025');
      expect(await ranking.getAttribute('href')).toMatch(/^\/\?ranking=\d+$/);
      expect(await page.getByTestId('officer-home').count()).toBe(0);
      expect(await page.getByTestId('home-queue').count()).toBe(0);
      await check(page, name);
    }
  });
});
