import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { entryFiles, entryGzipBytes } from './helpers/bundle.js';
import { type RunningServer, startServer, WEB_DIST } from './helpers/server.js';

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

  it('sends the sign-in page in under 100 KB of compressed JS and CSS, without React or Mantine', async () => {
    const login = entryFiles('login/index.html');
    const staff = entryFiles('staff/index.html');
    const loginBytes = entryGzipBytes(login);
    // Printed for the README's budget table: the staff app itself loads only after sign-in.
    console.info(`sign-in page ${loginBytes} B gzip; staff app entry ${entryGzipBytes(staff)} B gzip`);
    for (const file of login)
      expect(readFileSync(join(WEB_DIST, file), 'utf8')).not.toMatch(/mantine|react-dom/i);
    expect(loginBytes).toBeLessThan(100 * 1024);
  });

  it('keeps what was typed when the server is unreachable, and works on a 360 px phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const p = await phone.newPage();
    await p.goto(url('/app/login'));
    await p.getByLabel('Email').fill(ADMIN.email);
    await p.getByLabel('Mật khẩu').fill('typed-before-the-network-dropped');
    await p.route('**/api/auth/login', (route) => route.abort('internetdisconnected'));
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => p.getByRole('alert').textContent()).toContain('Không kết nối được');
    expect(await p.getByLabel('Email').inputValue()).toBe(ADMIN.email);
    expect(await p.getByLabel('Mật khẩu').inputValue()).toBe('typed-before-the-network-dropped');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(p, 'staff-login-phone');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
    await p.getByRole('heading', { level: 1, name: 'Staff sign-in' }).waitFor();
    await phone.close();
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

  it('adds a village below the commune, sets its population, records and deletes a split with a preview', async () => {
    // Still on Xã Bạch Thông. Typed values survive a refusal; dates are dd/mm/yyyy.
    await page.getByTestId('unit-add-child').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('unit-type').fill('Thôn');
    await dialog.getByTestId('unit-name').fill(`Kiểm Thử ${stamp}`);
    await dialog.getByTestId('unit-code').fill(`T${stamp % 1_000_000}`);
    await dialog.getByTestId('unit-kind').click();
    await page.getByRole('option', { name: 'Thôn, tổ dân phố' }).click();
    const validFrom = dialog.getByLabel('Hiệu lực từ ngày');
    await validFrom.fill('31/02/2026');
    await dialog.getByText('Ngày chưa đúng', { exact: false }).waitFor();
    await validFrom.fill('01/08/2025');
    await checkPage('staff-unit-create', '[role="dialog"]');
    await dialog.getByTestId('unit-save').click();
    await dialog.waitFor({ state: 'detached' });
    const village = page.getByRole('link', { name: `Thôn Kiểm Thử ${stamp}` });
    await village.click();
    await page.getByRole('heading', { level: 1, name: `Thôn Kiểm Thử ${stamp}` }).waitFor();

    await page.getByTestId('unit-headcounts').click();
    await page.getByRole('dialog').getByLabel('Số lượng').fill('850');
    await page.getByTestId('headcounts-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('cell', { name: '850' }).count()).toBe(1);

    await page.getByTestId('unit-lineage').click();
    const ln = page.getByRole('dialog');
    await ln.getByTestId('lineage-other').click();
    await ln.getByTestId('lineage-other').fill('bach thong');
    await page
      .getByRole('option', { name: /Xã Bạch Thông/ })
      .first()
      .click();
    await ln.getByText('Một phần đơn vị cũ chuyển sang (chia tách)').click();
    await ln.getByTestId('lineage-save').click();
    await ln.getByText('Nhập phần chuyển sang', { exact: false }).waitFor();
    await ln.getByTestId('lineage-share').fill('40');
    await ln.getByTestId('lineage-preview').locator('svg').waitFor();
    await checkPage('staff-lineage-preview', '[role="dialog"]');
    await ln.getByTestId('lineage-save').click();
    await ln.getByTestId('confirm-dialog-ok').click();
    await ln.waitFor({ state: 'detached' });
    const edges = page.getByRole('table').filter({ hasText: 'một phần' });
    await edges.getByText('40', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: /Xoá quan hệ/ }).click();
    await page.getByTestId('confirm-dialog-ok').click();
    await page.getByText('Đơn vị này không có tiền thân hay kế thừa.').waitFor();
  });

  it('creates a user with a role on a unit picked by search', async () => {
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    // An empty name and unit say what to do, not "Quá ngắn" / "Phải lớn hơn 0" (issue 10).
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await dialog.getByText('Nhập họ tên').waitFor();
    await dialog.getByText('Chọn đơn vị').waitFor();
    expect(await dialog.getByText(/Quá ngắn|Phải lớn hơn/).count()).toBe(0);
    await checkPage('staff-user-create-empty', '[role=dialog]');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByLabel('Họ và tên').fill(newUserName);
    const unitInput = dialog.getByTestId('grant-unit-0');
    await unitInput.fill('bach thong');
    await page.getByRole('option', { name: /Xã Bạch Thông/ }).click();
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    // The server's field errors are shown beside the fields they concern.
    await expect.poll(() => dialog.getByText('Sai định dạng').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Email').fill(newUserEmail);
    await dialog.getByLabel('Mật khẩu ban đầu').fill('Kiem-thu-2026!');
    await checkPage('staff-user-create', '[role=dialog]');
    await dialog.getByRole('button', { name: 'Tạo mới' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Typed without diacritics, the name still finds the user.
    await page.getByLabel('Tìm theo tên hoặc email').fill(`nguyen thi kiem thu ${stamp}`);
    await page.getByRole('cell', { name: new RegExp(newUserName) }).waitFor();
    await expect.poll(() => page.getByText('Cán bộ đầu mối · Bạch Thông').count()).toBeGreaterThan(0);
    await checkPage('staff-users');
  });

  it('shows the user creation in the audit log with its after values', async () => {
    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' }).waitFor();
    // Filters in words: the person by name typed without diacritics, the action by its label, days as dd/mm/yyyy.
    await page.getByRole('searchbox', { name: 'Người thực hiện' }).fill('quan tri');
    await page.getByRole('textbox', { name: 'Hành động' }).fill('tao nguoi dung');
    await page.getByRole('option', { name: 'Tạo người dùng' }).click();
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await page.getByRole('textbox', { name: 'Từ ngày' }).fill(today);
    await page.getByRole('textbox', { name: 'Đến ngày' }).fill(today);
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    const table = page.getByTestId('audit-table');
    const row = table.getByRole('row').filter({ hasText: `Người dùng: ${newUserName}` });
    await row.waitFor();
    expect(await row.getByText('Tạo người dùng').count()).toBe(1);
    // Only the admin's user creations of today are listed.
    expect(await table.getByText('Đăng nhập').count()).toBe(0);
    await checkPage('staff-audit');
    await row.getByRole('button', { name: 'Xem thay đổi' }).click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    expect(await diff.getByText(newUserEmail).count()).toBe(1);
    expect(await diff.getByText('Họ và tên').count()).toBe(1);
    await checkPage('staff-audit-diff', '[role=dialog]');
    await page.keyboard.press('Escape');
  });

  it('creates an API token, shows it once with a copy button, and revokes it', async () => {
    await page.getByRole('link', { name: 'Khoá truy cập API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khoá truy cập API' }).waitFor();
    await page.getByLabel(/^Tên/).fill(`Hệ thống KPI ${stamp}`);
    await page.getByRole('textbox', { name: 'Đơn vị' }).fill('thai nguyen');
    await page
      .getByRole('option', { name: /Tỉnh Thái Nguyên/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Tạo khoá' }).click();
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
    expect(await row.getByText('Đẩy số liệu từ hệ thống khác').count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Đã thu hồi').waitFor();
    await checkPage('staff-tokens');
  });

  it('shows the admin screens in Vietnamese words: no message key, permission or role code (desktop and phone)', async () => {
    // A dotted lowercase code ("audit.read", "users.needName", "measure.submission.return") or a role code.
    const RAW = /\b[a-z]+(\.[a-zA-Z_]+)+\b|\b(admin|secretariat|leader|officer|viewer|anonymous)\b/;
    const pages = [
      { path: '/app/users', heading: 'Người dùng', name: 'users' },
      { path: '/app/tokens', heading: 'Khoá truy cập API', name: 'tokens' },
      { path: '/app/audit', heading: 'Nhật ký hệ thống', name: 'audit' },
    ];
    for (const viewport of [
      { width: 1280, height: 860, tag: 'desktop' },
      { width: 390, height: 844, tag: 'phone' },
    ]) {
      await page.setViewportSize(viewport);
      for (const p of pages) {
        await page.goto(url(p.path));
        await page.getByRole('heading', { level: 1, name: p.heading }).waitFor();
        await page.getByRole('table').first().locator('tbody tr').first().waitFor();
        // E-mail addresses are data, not codes. innerText: the visible text, with breaks between cells.
        // biome-ignore lint/performance/useDomNodeTextContent: textContent would glue cells into false codes
        const text = (await page.locator('main').innerText()).replace(/\S+@\S+/g, '');
        expect(text.match(RAW)?.[0] ?? null, `${p.name} on ${viewport.tag}`).toBeNull();
        await screenshot(page, `staff-words-${p.name}-${viewport.tag}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(url('/app/tokens'));
    await page.getByRole('heading', { level: 1, name: 'Khoá truy cập API' }).waitFor();
  });

  it('switches to English, keeps it after a reload, and localises API errors', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
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
