import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// Steer plans and tasks in Chromium on the demo plan: the secretariat reads the plan's task tree with statuses as
// of a date, opens a task reported done and verifies it (with a confirmation), sees the extended task with both
// deadlines and its history; a commune officer sees only his commune's tasks, reports progress and is refused an
// extension to a past date in Vietnamese; the task page on a 360 px phone.
const PASSWORD = 'Demo@2026';
const SECRETARIAT = 'thamdinh@demo.dxboard.vn';
const OFFICER = 'canbo.xa@demo.dxboard.vn';

describe('steer plans and tasks', () => {
  let server: RunningServer;
  let browser: Browser;
  let secretariatCtx: BrowserContext;
  let officerCtx: BrowserContext;
  let sec: Page;
  let officer: Page;

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function check(page: Page, name: string) {
    await screenshot(page, name);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-viewport.png` });
    expect(await seriousA11yViolations(page), name).toEqual([]);
  }
  async function signIn(page: Page, email: string, next: string) {
    await page.goto(url(`/app/login?next=${encodeURIComponent(next)}`));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(url(next));
  }
  async function openTask(page: Page, title: RegExp) {
    await page.getByRole('link', { name: title }).first().click();
    await page.waitForURL(/\/app\/steer\/tasks\/\d+/);
    await page.getByTestId('state-badge').waitFor();
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const context = (width: number, height: number) =>
      browser.newContext({ viewport: { width, height }, locale: 'vi-VN', reducedMotion: 'reduce' });
    secretariatCtx = await context(1280, 900);
    officerCtx = await context(1280, 900);
    sec = await secretariatCtx.newPage();
    officer = await officerCtx.newPage();
    sec.setDefaultTimeout(15_000);
    officer.setDefaultTimeout(15_000);
  }, 200_000);
  afterAll(async () => {
    await secretariatCtx?.close();
    await officerCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the plans landing and the task tree with statuses in words, as of a chosen date', async () => {
    await signIn(sec, SECRETARIAT, '/app/steer');
    await sec.getByTestId('plan-card').first().waitFor();
    await expect.poll(() => sec.getByRole('link', { name: 'Kế hoạch, nhiệm vụ' }).count()).toBe(1);
    await check(sec, 'steer-plans-secretariat');
    await sec.getByRole('link', { name: /15\/KH-BCĐCĐS/ }).click();
    await sec.getByTestId('task-group').first().waitFor();
    expect(await sec.getByTestId('task-group').count()).toBe(5);
    const badges = await sec.getByTestId('status-badge').allInnerTexts();
    expect(badges.some((b) => b.startsWith('Quá hạn chưa hoàn thành'))).toBe(true);
    expect(badges.some((b) => b.startsWith('Hoàn thành đúng hạn'))).toBe(true);
    expect(badges.join(' ')).not.toMatch(/overdue|done_on_time|in_progress/);
    await expect.poll(() => sec.getByText('trước đây: Sở Thông tin và Truyền thông').count()).toBe(1);
    await check(sec, 'steer-plan-tree-secretariat');
    // As of an early date nothing is overdue yet.
    const year = new Date().getFullYear();
    await sec.getByTestId('as-of').fill(`${year}-02-01`);
    await expect
      .poll(async () =>
        (await sec.getByTestId('status-badge').allInnerTexts()).some((b) => b.startsWith('Quá hạn')),
      )
      .toBe(false);
    await screenshot(sec, 'steer-plan-tree-early-date');
  });

  it('lets the secretariat verify a task reported done, after a confirmation', async () => {
    await sec.getByTestId('as-of').fill(new Date().toISOString().slice(0, 10));
    await openTask(sec, /Phủ sóng di động 4G\/5G/);
    expect(await sec.getByTestId('state-badge').innerText()).toBe('Đã báo cáo hoàn thành');
    await check(sec, 'steer-task-reported-done');
    await sec.getByTestId('action-verify').click();
    await sec.getByTestId('confirm-dialog').waitFor();
    expect(await sec.getByTestId('confirm-dialog').innerText()).toContain('Xác nhận nhiệm vụ đã hoàn thành?');
    await sec.getByTestId('confirm-dialog-ok').click();
    await expect.poll(() => sec.getByTestId('state-badge').innerText()).toBe('Đã xác nhận hoàn thành');
    expect(await sec.getByTestId('history').innerText()).toContain(
      'Đã báo cáo hoàn thành → Đã xác nhận hoàn thành',
    );
  });

  it('shows an extended task with its original and current deadline and its history', async () => {
    await sec.goto(url('/app/steer'));
    await sec.getByRole('link', { name: /15\/KH-BCĐCĐS/ }).click();
    await openTask(sec, /Triển khai bệnh án điện tử/);
    const due = await sec.getByTestId('current-due').innerText();
    expect(due).toMatch(/^30\/11\/\d{4} \(hạn ban đầu: 31\/07\/\d{4}\)$/);
    expect(await sec.getByTestId('extension').first().innerText()).toContain('Đồng ý');
    await check(sec, 'steer-task-extended');
  });

  it('shows a commune officer only his commune’s tasks; he reports progress and is refused a past deadline', async () => {
    await signIn(officer, OFFICER, '/app/steer');
    await officer.getByRole('link', { name: /15\/KH-BCĐCĐS/ }).click();
    await officer.getByTestId('task-row').first().waitFor();
    const titles = await officer.getByTestId('task-row').allInnerTexts();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join('\n')).not.toContain('Bảo đảm an toàn thông tin'); // confidential, not his
    expect(titles.join('\n')).not.toContain('Tuyên truyền, phổ biến Nghị quyết');
    await check(officer, 'steer-plan-tree-commune-officer');
    await openTask(officer, /Ra mắt mô hình "Phường số"/);
    const form = officer.getByTestId('report-form');
    await form.getByLabel('Tỷ lệ hoàn thành (%)').fill('30');
    await form.getByLabel('Kết quả thực hiện').fill('Đã khảo sát 12 tổ dân phố, lập kế hoạch ra mắt');
    await form.getByLabel('Kiến nghị, đề xuất').fill('Đề nghị Sở KH&CN hỗ trợ wifi công cộng');
    await officer.getByTestId('send-report').click();
    await expect.poll(() => officer.getByTestId('progress-item').count()).toBe(1);
    expect(await officer.getByTestId('state-badge').innerText()).toBe('Đang thực hiện');
    await officer.getByLabel('Hạn mới đề nghị').fill('2020-01-01');
    await officer.getByLabel('Lý do đề nghị gia hạn').fill('Chờ kinh phí');
    await officer.getByRole('button', { name: 'Đề nghị gia hạn' }).click();
    await expect.poll(() => officer.getByText(/Hạn mới 01\/01\/2020 đã qua/).count()).toBeGreaterThan(0);
    await check(officer, 'steer-task-commune-officer');
  });

  it('reads on a 360 px phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
      isMobile: true,
    });
    const page = await phone.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, OFFICER, '/app/steer');
    await page.getByRole('link', { name: /15\/KH-BCĐCĐS/ }).click();
    await openTask(page, /Ra mắt mô hình "Phường số"/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await check(page, 'steer-task-phone');
    await phone.close();
  });
});
