import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// Community in Chromium on the demo data: the commune officer logs an activity on a 360×740 phone, then one
// while the phone has no connection (kept on the phone, sent by itself when the connection returns, with its
// own date); the team registry with masked phones for the province; the training course with its sessions'
// check-in codes (QR) and certificates; the public "find a team near you" page on a phone. Each screen passes
// axe's serious/critical WCAG 2.1 AA checks; screenshots go to test-results/screenshots.
const PASSWORD = 'Demo@2026';
const OFFICER = 'canbo.xa@demo.dxboard.vn';
const SECRETARIAT = 'thamdinh@demo.dxboard.vn';

type Activity = { id: number; activityDate: string; place: string; peopleReached: number; skills: string[] };

describe('community teams and training', () => {
  let server: RunningServer;
  let browser: Browser;
  let phoneCtx: BrowserContext;
  let deskCtx: BrowserContext;
  let phone: Page;
  let desk: Page;
  let communeId: number;

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
  async function activities(page: Page): Promise<Activity[]> {
    const res = await page.request.get(url(`/api/community/activities?unitId=${communeId}&limit=200`));
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: Activity[] }).items;
  }
  async function fillActivity(page: Page, place: string, date: string, people: string) {
    const form = page.getByTestId('activity-form');
    await form.getByLabel('Ngày').fill(date);
    await form.getByLabel('Địa điểm').fill(place);
    await form.getByText('VNeID mức 2', { exact: true }).click();
    await form.getByLabel('Số người', { exact: true }).fill(people);
    await form.getByLabel('Số hộ').fill('4');
  }
  const daysAgo = (n: number) =>
    new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    phoneCtx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    deskCtx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    phone = await phoneCtx.newPage();
    desk = await deskCtx.newPage();
    phone.setDefaultTimeout(15_000);
    desk.setDefaultTimeout(15_000);
  }, 200_000);
  afterAll(async () => {
    await phoneCtx?.close();
    await deskCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the commune officer log an activity on a phone in a minute', async () => {
    await signIn(phone, OFFICER, '/app/community');
    const me = await phone.request.get(url('/api/auth/me'));
    communeId = ((await me.json()) as { grants: { unitId: number }[] }).grants[0].unitId;
    const before = (await activities(phone)).length;
    await phone.getByTestId('tab-log').click();
    await phone.getByTestId('activity-form').waitFor();
    const place = `Nhà văn hoá thôn Đồng Tâm (e2e ${Date.now()})`;
    await fillActivity(phone, place, daysAgo(1), '23');
    await check(phone, 'community-activity-form-phone');
    // Nothing scrolls sideways on a 360 px phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByTestId('activity-submit').click();
    await phone.getByText('Đã ghi hoạt động').first().waitFor();
    const after = await activities(phone);
    expect(after.length).toBe(before + 1);
    expect(after.find((a) => a.place === place)).toMatchObject({
      activityDate: daysAgo(1),
      peopleReached: 23,
      skills: ['vneid_level2'],
    });
  });

  it('keeps an activity logged offline on the phone and sends it, with its own date, when back online', async () => {
    const before = (await activities(phone)).length;
    await phoneCtx.setOffline(true);
    await phone.getByText('Đang mất kết nối').waitFor();
    const place = `Nhà ông Sáu, thôn Tân Lập (ngoại tuyến ${Date.now()})`;
    await fillActivity(phone, place, daysAgo(3), '6');
    await phone.getByTestId('activity-submit').click();
    await phone.getByText('Đã lưu trên máy, sẽ gửi khi có mạng').first().waitFor();
    await expect
      .poll(() => phone.getByTestId('activity-queue').innerText())
      .toContain('1 hoạt động đang chờ gửi');
    await check(phone, 'community-activity-offline-phone');
    // Stored on the phone, not on the server.
    const queued = await phone.evaluate(() => localStorage.getItem('dxboard.community.activityQueue'));
    expect(queued).toContain(place);
    await phoneCtx.setOffline(false);
    await expect.poll(async () => (await activities(phone)).length, { timeout: 15_000 }).toBe(before + 1);
    const sent = (await activities(phone)).find((a) => a.place === place);
    expect(sent).toMatchObject({ activityDate: daysAgo(3), peopleReached: 6 });
    await expect.poll(() => phone.getByTestId('activity-queue').count()).toBe(0);
    expect(await phone.evaluate(() => localStorage.getItem('dxboard.community.activityQueue'))).toBe('[]');
  });

  it('refuses a future date in Vietnamese and keeps what was typed', async () => {
    const place = `Chợ xã (ngày mai ${Date.now()})`;
    await fillActivity(phone, place, daysAgo(-2), '5');
    await phone.getByTestId('activity-submit').click();
    await expect
      .poll(() => phone.getByTestId('activity-queue').innerText())
      .toContain('Ngày hoạt động không được sau ngày hôm nay');
    expect((await activities(phone)).some((a) => a.place === place)).toBe(false);
    await screenshot(phone, 'community-activity-refused-phone');
  });

  it('shows the team registry of the commune, and masked phones to the province', async () => {
    await phone.getByRole('tab', { name: 'Các tổ' }).click();
    await phone.getByTestId('team-row').first().waitFor();
    expect(await phone.getByTestId('team-row').count()).toBeGreaterThan(1);
    await check(phone, 'community-teams-phone');

    await signIn(desk, SECRETARIAT, '/app/community');
    await desk.getByTestId('team-row').first().waitFor();
    await check(desk, 'community-teams-province');
    await desk.getByTestId('team-row').first().getByRole('button').first().click();
    const modal = desk.getByRole('dialog');
    await modal.waitFor();
    const text = await modal.innerText();
    expect(text).toMatch(/\d{3}\*{4}\d{3}/); // masked outside the commune
    expect(text).not.toMatch(/0\d{9}/);
    expect(await seriousA11yViolations(desk, '[role="dialog"]')).toEqual([]);
    await desk.keyboard.press('Escape');
  });

  it("rolls up the province: communes with no team or target only when asked, as the API's page lists them", async () => {
    await desk.getByRole('tab', { name: 'Tổng hợp theo tháng' }).click();
    const table = desk.getByTestId('rollup-communes');
    await table.waitFor();
    const me = await desk.request.get(url('/api/auth/me'));
    const unitId = ((await me.json()) as { grants: { unitId: number }[] }).grants[0].unitId;
    const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
    const rollup = (await (
      await desk.request.get(url(`/api/community/rollup?unitId=${unitId}&year=${year}`))
    ).json()) as {
      communes: { teams: number; targets: { sessions: number | null } }[];
      page: { communes: number; limit: number };
    };
    const withTeams = rollup.communes.filter((c) => c.teams > 0 || c.targets.sessions !== null).length;
    expect(withTeams).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(withTeams);
    await desk.getByTestId('show-all-communes').click();
    expect(await table.locator('tbody tr').count()).toBe(Math.min(rollup.page.communes, rollup.page.limit));
    // The province's communes fit one page: no "Xem thêm".
    expect(await desk.getByTestId('more-communes').count()).toBe(rollup.page.communes > 100 ? 1 : 0);
    await check(desk, 'community-rollup-province');
  });

  it('shows the training course with its sessions, check-in QR codes and certificates', async () => {
    await desk.getByRole('tab', { name: 'Tập huấn' }).click();
    await desk.getByRole('button', { name: 'Chi tiết' }).first().click();
    await desk.getByTestId('course-session').first().waitFor();
    expect(await desk.getByTestId('course-session').count()).toBe(2);
    // The organiser sees each session's check-in code as a QR code to show on the day.
    expect(await desk.getByTestId('checkin-qr').count()).toBe(2);
    expect(await desk.getByRole('link', { name: 'Giấy chứng nhận' }).count()).toBeGreaterThan(0);
    await check(desk, 'community-training-course');
    const href = await desk.getByRole('link', { name: 'Giấy chứng nhận' }).first().getAttribute('href');
    const pdf = await desk.request.get(url(href ?? ''));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // The certificate verifies at the public URL, without signing in.
    const registrationId = Number(/registrations\/(\d+)\//.exec(href ?? '')?.[1]);
    const courses = (await (
      await desk.request.get(url(`/api/training/courses?unitId=${communeId}`))
    ).json()) as { items: { id: number }[] };
    let code: string | null = null;
    for (const c of courses.items) {
      const detail = (await (await desk.request.get(url(`/api/training/courses/${c.id}`))).json()) as {
        registrations: { id: number; certificateCode: string | null }[];
      };
      code = detail.registrations.find((r) => r.id === registrationId)?.certificateCode ?? code;
    }
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    const anonymous = await browser.newContext();
    try {
      const verified = await anonymous.request.get(url(`/api/public/community/certificates/${code}`));
      expect(verified.status()).toBe(200);
      expect(await verified.json()).toMatchObject({ valid: true, code });
    } finally {
      await anonymous.close();
    }
  });

  it('shows the public “find a team near you” page on a phone, phones masked', async () => {
    const visitor = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    const page = await visitor.newPage();
    try {
      await page.goto(url('/?community'));
      await page.locator('#community-commune').waitFor();
      await check(page, 'community-public-phone');
      const value = await page.locator('#community-commune option').nth(1).getAttribute('value');
      await page.locator('#community-commune').selectOption(value ?? '');
      await page.locator('.community-teams li').first().waitFor();
      const text = await page.locator('.community-teams').innerText();
      expect(text).toMatch(/\d{3}\*{4}\d{3}/);
      expect(text).not.toMatch(/0\d{9}/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await check(page, 'community-public-teams-phone');
    } finally {
      await visitor.close();
    }
  });
});
