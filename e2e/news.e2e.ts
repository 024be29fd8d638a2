import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// News in Chromium on the demo data: the secretariat writes an item and sends it for approval; the administrator
// (a second person) approves it through the confirmation dialog; the article shows on the public page on a
// 360 px phone, and the HTML served for its link carries the Open Graph tags a Zalo or Facebook preview reads.
const PASSWORD = 'Demo@2026';
const SECRETARIAT = 'thamdinh@demo.dxboard.vn';
const ADMIN = 'admin@demo.dxboard.vn';
const TITLE = `Xã Hòa Bình ra mắt tổ công nghệ số ${Date.now().toString(36)}`;

describe('news: write, approve by a second person, read on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let secCtx: BrowserContext;
  let adminCtx: BrowserContext;
  let phoneCtx: BrowserContext;
  let sec: Page;
  let admin: Page;
  let phone: Page;
  let itemPath = '';
  let publicHref = '';

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

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const context = (width: number, height: number) =>
      browser.newContext({ viewport: { width, height }, locale: 'vi-VN', reducedMotion: 'reduce' });
    secCtx = await context(1280, 900);
    adminCtx = await context(1280, 900);
    phoneCtx = await context(360, 740);
    sec = await secCtx.newPage();
    admin = await adminCtx.newPage();
    phone = await phoneCtx.newPage();
    for (const p of [sec, admin, phone]) p.setDefaultTimeout(15_000);
  }, 200_000);
  afterAll(async () => {
    await secCtx?.close();
    await adminCtx?.close();
    await phoneCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lists the demo news for the secretariat, with one item waiting for approval', async () => {
    await signIn(sec, SECRETARIAT, '/app/news');
    await sec.getByTestId('news-row').first().waitFor();
    expect(await sec.getByText('Chờ duyệt').count()).toBeGreaterThan(0);
    await check(sec, 'news-list-secretariat');
  });

  it('the secretariat writes a draft (autosaved) and sends it for approval', async () => {
    await sec.goto(url('/app/news/new'));
    await sec.getByTestId('news-title').fill(TITLE);
    await sec
      .getByTestId('news-summary')
      .fill('Tổ gồm 7 thành viên, hướng dẫn người dân cài VNeID mức 2 tại nhà.');
    await sec
      .getByTestId('news-body')
      .fill('Sáng nay, xã ra mắt tổ công nghệ số cộng đồng.\n\n- 7 thành viên\n- 3 buổi hướng dẫn mỗi tuần');
    await sec.getByLabel('Xã hội số').check();
    await sec.getByTestId('news-create').click();
    await sec.waitForURL(/\/app\/news\/\d+$/);
    itemPath = new URL(sec.url()).pathname.replace(/^\/app/, '');
    // An edit after creation autosaves.
    await sec
      .getByTestId('news-summary')
      .fill('Tổ gồm 7 thành viên, hướng dẫn người dân cài VNeID mức 2 tại nhà, miễn phí.');
    await expect
      .poll(() => sec.getByTestId('news-save-state').innerText(), { timeout: 15_000 })
      .toMatch(/Đã lưu/);
    await sec.getByTestId('news-preview-toggle').click();
    await sec.getByTestId('news-preview').getByText('3 buổi hướng dẫn mỗi tuần').waitFor();
    await check(sec, 'news-editor-preview');
    await sec.getByTestId('news-submit').click();
    await sec.getByTestId('confirm-dialog').waitFor();
    await sec.getByTestId('confirm-dialog-ok').click();
    await expect.poll(() => sec.getByTestId('news-status').innerText()).toBe('Chờ duyệt');
    // The author cannot approve it: no approve button, and the page says why.
    expect(await sec.getByTestId('news-approve').count()).toBe(0);
    await sec.getByText('cần người thứ hai duyệt').waitFor();
  });

  it('the administrator approves it after confirming', async () => {
    await signIn(admin, ADMIN, `/app${itemPath}`);
    await admin.getByTestId('news-approve').click();
    await admin.getByTestId('confirm-dialog').waitFor();
    await admin.getByText('Tin sẽ được đăng ngay').waitFor();
    await check(admin, 'news-approve-confirm');
    await admin.getByTestId('confirm-dialog-ok').click();
    await expect.poll(() => admin.getByTestId('news-status').innerText()).toBe('Đã đăng');
    publicHref =
      (await admin.getByRole('link', { name: 'Xem trên cổng thông tin' }).getAttribute('href')) ?? '';
    expect(publicHref).toMatch(/^\/\?news=[a-z0-9-]+$/);
  });

  it('shows the article on a 360 px phone, with Open Graph tags in the served HTML', async () => {
    await phone.goto(url(publicHref));
    await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await phone.getByText('3 buổi hướng dẫn mỗi tuần').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await check(phone, 'news-article-phone');
    const html = await (await fetch(url(publicHref))).text();
    expect(html).toContain(`<meta property="og:title" content="${TITLE}" />`);
    expect(html).toContain('og:description');
    await phone.goto(url('/?news'));
    await phone.getByRole('link', { name: TITLE }).waitFor();
    await check(phone, 'news-list-phone');
    // The home page's strip shows the latest items from the lazily loaded chunk.
    await phone.goto(url('/'));
    await phone.locator('#news-strip').getByRole('link', { name: TITLE }).waitFor();
    await check(phone, 'news-home-strip-phone');
  });
});
