import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// Committee meetings in Chromium on the demo: the secretariat opens the demo province committee's quarterly
// meeting, sees its conclusions and their tasks' status, turns one more conclusion into a task (an unreadable
// deadline first: the message quotes it and nothing typed is lost), and downloads the briefing pack; a leader
// reads the meeting on a 360 px phone without any editing action. Screenshots go to test-results/screenshots.
const PASSWORD = 'Demo@2026';

describe('committee meetings', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let meetingUrl = '';
  let page: Page;

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function signIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      locale: 'vi-VN',
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url('/app/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/app\/?$/);
    return page;
  }
  async function checkPage(page: Page, name: string, within?: string) {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page, within), name).toEqual([]);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the demo meeting and shows its conclusions turned into tasks with their status', async () => {
    page = await signIn('thamdinh@demo.dxboard.vn', { width: 1280, height: 900 });
    await page.goto(url('/app/steer/meetings'));
    await page.getByRole('heading', { name: 'Họp Ban Chỉ đạo' }).waitFor();
    const card = page.getByTestId('meeting-card').first();
    await card.getByText(/Thông báo kết luận \d+\/TB-BCĐCĐS/).waitFor();
    await card.getByText('3/5 đã giao nhiệm vụ').waitFor();
    await checkPage(page, 'steer-meetings-list');
    await card.getByRole('link').click();
    await page.waitForURL(/\/app\/steer\/meetings\/\d+$/);
    meetingUrl = page.url();
    await page.getByRole('heading', { name: 'Kết luận', exact: true }).waitFor();
    const statuses = page.getByTestId('conclusion-status');
    await expect.poll(() => statuses.count()).toBe(3);
    expect(await page.getByText('Thành phần tham dự').count()).toBe(1);
    expect(await page.getByTestId('assign-button').count()).toBe(2);
    // Words, never codes.
    expect(await page.getByText(/regular_quarterly|overdue|in_progress/).count()).toBe(0);
  });

  it('turns a conclusion into a task in one step, keeping what was typed when the deadline is unreadable', async () => {
    await page.getByTestId('assign-button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('assign-lead').fill('tai chinh');
    await page
      .getByRole('option', { name: /Sở Tài chính/ })
      .first()
      .click();
    await dialog.getByTestId('assign-deadline').fill('Quý 5/2026');
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await dialog.getByText(/Giao nhiệm vụ này cho/).waitFor();
    await checkPage(page, 'steer-meeting-assign-confirm', '[role=dialog]');
    await dialog.getByTestId('confirm-assign').click();
    await dialog.getByText('Thời hạn "Quý 5/2026" không phải ngày, tháng hoặc quý có thật').first().waitFor();
    expect(await dialog.getByTestId('assign-deadline').inputValue()).toBe('Quý 5/2026');
    await checkPage(page, 'steer-meeting-assign-error', '[role=dialog]');
    const year = new Date().getFullYear();
    await dialog.getByTestId('assign-deadline').fill(`Quý IV/${year}`);
    await dialog.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await dialog.getByTestId('confirm-assign').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('conclusion-status').count()).toBe(4);
    expect(await page.getByTestId('assign-button').count()).toBe(1);
    await page.getByText('Đơn vị chủ trì: Sở Tài chính', { exact: false }).first().waitFor();
    await checkPage(page, 'a meeting with conclusions turned into tasks');
  });

  it('downloads the briefing pack after saying what it contains', async () => {
    await page.getByTestId('briefing-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/nhiệm vụ đến hạn và quá hạn kể từ cuộc họp trước/).waitFor();
    await checkPage(page, 'steer-meeting-briefing-confirm', '[role=dialog]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('briefing-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Bao-cao-phuc-vu-hop-\d{4}-\d{2}-\d{2}\.docx$/);
    const path = await download.path();
    expect(path).toBeTruthy();
  });

  it('shows a leader the meeting on a 360 px phone, reading only', async () => {
    const phone = await signIn('lanhdao@demo.dxboard.vn', { width: 360, height: 740 });
    await phone.goto(meetingUrl);
    await phone.getByRole('heading', { name: 'Kết luận', exact: true }).waitFor();
    await expect.poll(() => phone.getByTestId('conclusion-status').count()).toBe(4);
    expect(await phone.getByTestId('assign-button').count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkPage(phone, 'steer-meeting-leader-phone');
    await phone.goto(url('/app/steer/meetings'));
    await phone.getByTestId('meeting-card').first().waitFor();
    expect(await phone.getByRole('button', { name: 'Thêm cuộc họp' }).count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkPage(phone, 'steer-meetings-list-leader-phone');
  });
});
