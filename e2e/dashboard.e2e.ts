import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The DX dashboard in Chromium as the demo leader: the headline KPIs, the ranking, tasks, contest, feedback and
// community figures render in Vietnamese with Vietnamese number formats; the unit-type filter narrows the lists;
// the committee briefing downloads as PDF and DOCX; the same dashboard on a 360 px phone, no sideways scroll.
const PASSWORD = 'Demo@2026';
const LEADER = 'lanhdao@demo.dxboard.vn';

describe('DX dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let desktopCtx: BrowserContext;
  let phoneCtx: BrowserContext;
  let page: Page;
  let phone: Page;

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function check(p: Page, name: string) {
    await screenshot(p, name);
    await p.screenshot({ path: `${SCREENSHOT_DIR}/${name}-viewport.png` });
    expect(await seriousA11yViolations(p), name).toEqual([]);
  }
  async function signIn(p: Page, next: string) {
    await p.goto(url(`/app/login?next=${encodeURIComponent(next)}`));
    await p.getByLabel('Email').fill(LEADER);
    await p.getByLabel('Mật khẩu').fill(PASSWORD);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await p.waitForURL((u) => !u.pathname.endsWith('/login'));
    await p.goto(url(next));
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    desktopCtx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    phoneCtx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
      isMobile: true,
      hasTouch: true,
    });
    page = await desktopCtx.newPage();
    phone = await phoneCtx.newPage();
    page.setDefaultTimeout(20_000);
    phone.setDefaultTimeout(20_000);
  }, 200_000);
  afterAll(async () => {
    await desktopCtx?.close();
    await phoneCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the province's figures from every module", async () => {
    await signIn(page, '/app/dashboard');
    await page.getByRole('heading', { name: 'Bảng điều hành chuyển đổi số' }).waitFor();
    await page.getByTestId('kpi-card').first().waitFor();
    expect(await page.getByTestId('kpi-card').count()).toBeGreaterThanOrEqual(6);
    const values = await page.getByTestId('kpi-value').allInnerTexts();
    // Vietnamese formats: thousands with '.', decimals with ','; real figures, no placeholder dashes.
    expect(values.some((v) => /\d{1,3}(\.\d{3})+/.test(v))).toBe(true);
    expect(values.some((v) => /\d+,\d %/.test(v))).toBe(true);
    expect(values.filter((v) => v.trim() === '—')).toEqual([]);
    await page.getByTestId('ranking').waitFor();
    await page.getByText('Dẫn đầu').waitFor();
    await page.getByTestId('tasks').getByText('Quá hạn chưa hoàn thành').first().waitFor();
    await page.getByTestId('contest').waitFor();
    await page.getByTestId('feedback').getByText('Trả lời đúng hạn').waitFor();
    await page.getByTestId('community').getByText('Xã, phường có tổ').waitFor();
    await page.locator('[role=img][aria-label="Nhiệm vụ theo tình trạng"] svg').waitFor();
    await check(page, 'dashboard-leader-desktop');
  });

  it('drills down from a figure to the unit behind it, and filters by unit type', async () => {
    const first = page.getByTestId('ranking').getByRole('link').first();
    const name = ((await first.textContent()) ?? '').trim();
    await page.locator('label', { hasText: /^Xã, phường$/ }).click();
    await page.getByTestId('ranking').waitFor();
    await expect
      .poll(() => page.getByTestId('ranking').getByRole('link', { name }).count())
      .toBeGreaterThan(0);
    await page.getByTestId('ranking').getByRole('link', { name }).first().click();
    await page.waitForURL(/\/app\/measure\/periods\/\d+\/units\/\d+\/profile/);
    await page.goBack();
    await page.getByTestId('kpi-card').first().waitFor();
  });

  it('downloads the committee briefing as PDF and DOCX', async () => {
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('briefing-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^bao-cao-nhanh-cds-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(await pdf.path()).toBeTruthy();
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('briefing-docx').click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(await docx.path()).toBeTruthy();
  });

  it('fits a 360 px phone', async () => {
    await signIn(phone, '/app/dashboard');
    await phone.getByTestId('kpi-card').first().waitFor();
    await phone.getByTestId('community').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await check(phone, 'dashboard-leader-phone');
  });
});
