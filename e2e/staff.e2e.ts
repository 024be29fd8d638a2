import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The journeys of the Foundation issue, in order, in one signed-in browser context.
const ADMIN = { email: 'admin@demo.dxboard.vn', password: 'Demo@2026' };

describe('staff app journeys', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now();
  const newUserEmail = `can.bo.${stamp}@demo.dxboard.vn`;
  const newUserName = `Nguyễn Thị Kiểm Thử ${stamp}`;

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function checkPage(name: string, within?: string) {
    await screenshot(page, name);
    expect(await seriousA11yViolations(page, within), name).toEqual([]);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'vi-VN',
      // Modals then open without a fade, so axe measures contrast on the final colours.
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('rejects a wrong password with a Vietnamese message, then signs in as the demo admin', async () => {
    await page.goto(url('/app/units'));
    await page.waitForURL(/\/app\/login\?next=/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await checkPage('staff-login-error');

    await page.getByLabel('Mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Back to where we were going before sign-in.
    await page.waitForURL(/\/app\/units/);
    await page.getByRole('heading', { level: 1, name: 'Đơn vị' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByText('Nhật ký').count(),
    ).toBe(1);
  });

  it('finds a commune typed without diacritics and opens its lineage graph', async () => {
    await page.getByTestId('unit-search').fill('bach thong');
    const results = page.getByTestId('unit-search-results');
    const commune = results.getByRole('link', { name: 'Xã Bạch Thông' });
    await commune.waitFor();
    await checkPage('staff-units-search');
    await commune.click();
    await page.getByRole('heading', { level: 1, name: 'Xã Bạch Thông' }).waitFor();
    const graph = page.getByTestId('lineage-graph');
    await graph.locator('svg').waitFor();
    // Three communes merged into Bạch Thông on 1 July 2025: their nodes are drawn left of it.
    for (const name of ['Dương Phong', 'Quang Thuận', 'Đồng Thắng']) {
      await expect.poll(() => graph.locator('svg text', { hasText: name }).count()).toBeGreaterThan(0);
    }
    const table = page.getByRole('table').filter({ hasText: 'Dương Phong' });
    expect(await table.getByText('toàn bộ').count()).toBeGreaterThanOrEqual(3);
    await checkPage('staff-unit-lineage');
  });

  it('creates a user with a role on a unit picked by search', async () => {
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByLabel('Họ và tên').fill(newUserName);
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    // The server's field errors are shown beside the fields they concern.
    await expect.poll(() => dialog.getByText('Sai định dạng').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Email').fill(newUserEmail);
    await dialog.getByLabel('Mật khẩu ban đầu').fill('Kiem-thu-2026!');
    const unitInput = dialog.getByTestId('grant-unit-0');
    await unitInput.fill('bach thong');
    await page.getByRole('option', { name: /Xã Bạch Thông/ }).click();
    await checkPage('staff-user-create', '[role=dialog]');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByLabel('Tìm theo tên hoặc email').fill(newUserEmail);
    await page.getByRole('cell', { name: new RegExp(newUserName) }).waitFor();
    await expect.poll(() => page.getByText('Cán bộ đầu mối · Bạch Thông').count()).toBeGreaterThan(0);
    await checkPage('staff-users');
  });

  it('shows the user creation in the audit log with its after values', async () => {
    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    await page.getByLabel('Hành động').fill('user.created');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    const row = page.getByTestId('audit-table').getByRole('row').filter({ hasText: 'user.created' }).first();
    await row.waitFor();
    await checkPage('staff-audit');
    await row.getByRole('button', { name: 'Xem thay đổi' }).click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    expect(await diff.getByText(newUserEmail).count()).toBe(1);
    await checkPage('staff-audit-diff', '[role=dialog]');
    await page.keyboard.press('Escape');
  });

  it('creates an API token, shows it once with a copy button, and revokes it', async () => {
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByLabel(/^Tên/).fill(`Hệ thống KPI ${stamp}`);
    await page.getByRole('textbox', { name: 'Đơn vị' }).fill('thai nguyen');
    await page
      .getByRole('option', { name: /Tỉnh Thái Nguyên/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Tạo token' }).click();
    const dialog = page.getByRole('dialog');
    const token = (await dialog.getByTestId('new-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(await dialog.getByRole('button', { name: 'Sao chép' }).count()).toBe(1);
    await checkPage('staff-token-created', '[role=dialog]');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The list shows only the prefix, never the token again.
    expect(await page.getByText(token).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: `Hệ thống KPI ${stamp}` });
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Đã thu hồi').waitFor();
    await checkPage('staff-tokens');
  });

  it('switches to English, keeps it after a reload, and localises API errors', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.goto(url('/app/units/999999999'));
    await page.getByRole('alert').getByText('Not found').waitFor();
    await page.goto(url('/app/no-such-page'));
    await page.getByText('Page not found.').waitFor();
    await checkPage('staff-english');
  });

  it('works on a phone: the burger opens the navigation', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url('/app/'));
    await page.getByRole('button', { name: 'Toggle menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Units' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Units' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage('staff-phone-units');
  });

  it('signs out and protects the app again', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/app\/login/);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
