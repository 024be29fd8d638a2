import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { entryGzipBytes } from './helpers/bundle.js';
import { type RunningServer, startServer } from './helpers/server.js';

// Citizen feedback in Chromium: a citizen on a 360×740 phone, with no map tiles reachable (every request
// off the server is refused), sends a report with a category, a description, a commune and an address, a photo,
// and the one-time code the server's log sender printed; she follows it by its code. The secretariat receives
// it in the staff queue and routes it to the commune; the commune's officer answers it after a confirmation.
// The citizen sees the answer and rates it unsatisfied with a reason, which reopens it.
const PASSWORD = 'Demo@2026';
const SECRETARIAT = 'thamdinh@demo.dxboard.vn';
const OFFICER = 'canbo.xa@demo.dxboard.vn';
const PHONE = '0912345678';
const TITLE = 'Đèn đường hỏng trước chợ Phan Đình Phùng';

describe('citizen feedback: report, follow, route, answer, rate', () => {
  let server: RunningServer;
  let browser: Browser;
  let phoneCtx: BrowserContext;
  let secCtx: BrowserContext;
  let officerCtx: BrowserContext;
  let citizen: Page;
  let sec: Page;
  let officer: Page;
  let code = '';
  let wardName = '';
  let reportUrl = '';
  const blocked: string[] = [];

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function check(page: Page, name: string, within?: string) {
    await screenshot(page, name);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-viewport.png` });
    expect(await seriousA11yViolations(page, within), name).toEqual([]);
  }
  async function signIn(page: Page, email: string, next: string) {
    await page.goto(url(`/app/login?next=${encodeURIComponent(next)}`));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(url(next));
  }
  /** The last one-time code the log sender printed (phone codes are logged when no SMS gateway is set). */
  function loggedCode(): string | null {
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.includes('feedback one-time code'));
    const last = lines.at(-1);
    return last ? ((JSON.parse(last) as { code: string }).code ?? null) : null;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const context = (width: number, height: number, mobile = false) =>
      browser.newContext({
        viewport: { width, height },
        locale: 'vi-VN',
        reducedMotion: 'reduce',
        isMobile: mobile,
        hasTouch: mobile,
      });
    phoneCtx = await context(360, 740, true);
    secCtx = await context(1280, 900);
    officerCtx = await context(1280, 900);
    // No map tiles (nor anything else off the server) are reachable from the phone.
    const origin = new URL(server.baseUrl).origin;
    await phoneCtx.route('**/*', (route) => {
      const u = route.request().url();
      if (new URL(u).origin === origin) return route.continue();
      blocked.push(u);
      return route.abort('internetdisconnected');
    });
    citizen = await phoneCtx.newPage();
    sec = await secCtx.newPage();
    officer = await officerCtx.newPage();
    // Generous: the machine running the journeys may be shared and busy.
    for (const p of [citizen, sec, officer]) p.setDefaultTimeout(30_000);
  }, 200_000);
  afterAll(async () => {
    await phoneCtx?.close();
    await secCtx?.close();
    await officerCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets a citizen on a phone send a report with a photo, a commune and an address, verified by a one-time code', async () => {
    await citizen.goto(url('/?feedback'));
    await citizen.waitForLoadState('networkidle').catch(() => undefined);
    await screenshot(citizen, 'feedback-citizen-form-opened');
    await citizen.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    // Sending an empty form flags each missing field beside it, sums them up and keeps what was typed.
    await citizen.getByLabel('Tiêu đề').fill(TITLE);
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect
      .poll(() => citizen.getByRole('status').first().innerText())
      .toBe('Còn 3 mục cần sửa: Lĩnh vực, Nội dung phản ánh, Số điện thoại hoặc email.');
    expect(await citizen.getByLabel('Lĩnh vực').getAttribute('aria-invalid')).toBe('true');
    expect(await citizen.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('categoryId');
    expect(await citizen.getByLabel('Tiêu đề').getAttribute('aria-invalid')).toBeNull();
    expect(await citizen.getByLabel('Tiêu đề').inputValue()).toBe(TITLE);
    await check(citizen, 'feedback-citizen-form-missing-phone');
    await citizen.getByLabel('Lĩnh vực').selectOption({ label: 'Chiếu sáng công cộng' });
    expect(await citizen.getByLabel('Lĩnh vực').getAttribute('aria-invalid')).toBeNull();
    await citizen.getByLabel('Tiêu đề').fill(TITLE);
    await citizen
      .getByLabel('Nội dung phản ánh')
      .fill('Ba cột đèn trước cổng chợ không sáng từ tối thứ Hai, đoạn đường rất tối, dễ xảy ra tai nạn.');
    const area = citizen.getByLabel('Xã, phường');
    await expect.poll(() => area.locator('option').count()).toBeGreaterThan(1);
    const areaOptions = await area.locator('option').allInnerTexts();
    const ward = areaOptions.find((o) => o.includes('Phan Đình Phùng'));
    expect(ward, areaOptions.slice(0, 20).join(' | ')).toBeTruthy();
    wardName = ward as string;
    await area.selectOption({ label: wardName });
    await citizen.getByLabel('Địa chỉ (thôn, số nhà, đường)').fill('Trước cổng chợ, đường Lương Ngọc Quyến');
    // The map is optional: with no tiles it says so, and the form still works.
    await citizen.getByRole('button', { name: 'Chọn trên bản đồ' }).click();
    await expect.poll(() => citizen.locator('.fb').innerText()).toContain('Không tải được nền bản đồ');
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 60, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    await citizen
      .getByLabel('Ảnh hiện trường')
      .setInputFiles({ name: 'den-duong.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => citizen.getByText('Đã đính kèm 1 ảnh').count()).toBe(1);
    await citizen.getByLabel('Số điện thoại hoặc email').fill(PHONE);
    await check(citizen, 'feedback-citizen-form-phone');

    // Submitting without a code says what to do, in Vietnamese.
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await expect.poll(() => citizen.getByRole('status').first().innerText()).toContain('Gửi mã xác thực');

    await citizen.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await expect
      .poll(() => citizen.getByRole('status').first().innerText(), { timeout: 60_000 })
      .toMatch(/^Đã gửi mã đến 091\*+78\.$|^Đã gửi mã đến .*\d{2}\.$/);
    await expect.poll(loggedCode).toMatch(/^\d{6}$/);
    await citizen.getByLabel('Mã xác thực (6 chữ số)').fill(loggedCode() as string);
    await citizen.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await citizen.getByRole('heading', { name: 'Đã gửi phản ánh' }).waitFor();
    code = (await citizen.locator('.fb-code').innerText()).trim();
    expect(code).toMatch(/^PA-\d{4}-[A-Z0-9]+$/);
    await check(citizen, 'feedback-citizen-sent-phone');
    // Nothing but map tiles was asked of other servers (and those were refused).
    expect(blocked.filter((u) => !/tile/i.test(u))).toEqual([]);
  });

  it('lets the citizen follow the report by its code', async () => {
    await citizen.goto(url('/?feedback=follow'));
    await citizen.getByLabel('Mã phản ánh').fill(code.toLowerCase());
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    await citizen.getByRole('heading', { name: TITLE }).waitFor();
    expect(await citizen.locator('.fb-badge').innerText()).toBe('Đã tiếp nhận');
    const body = await citizen.locator('.fb').innerText();
    expect(body).toContain(wardName);
    expect(body).not.toContain(PHONE);
    await expect
      .poll(() => citizen.locator('img.fb-photo').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
    await check(citizen, 'feedback-citizen-follow-received');
  });

  it('lets the secretariat find the new report and route it to the commune, after a confirmation', async () => {
    await signIn(sec, SECRETARIAT, '/app/feedback');
    await sec.getByRole('link', { name: code }).waitFor();
    await check(sec, 'feedback-staff-queue');
    await sec.getByRole('link', { name: code }).click();
    await sec.waitForURL(/\/app\/feedback\/reports\/\d+/);
    reportUrl = new URL(sec.url()).pathname;
    await sec.getByText(PHONE).first().waitFor();
    await sec.getByRole('button', { name: 'Chuyển đơn vị xử lý' }).click();
    const dialog = sec.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Đơn vị xử lý' }).fill('Phan Dinh Phung');
    await sec
      .getByRole('option', { name: /Phan Đình Phùng/ })
      .first()
      .click();
    await dialog.getByLabel('Lý do').fill('Thuộc địa bàn phường quản lý');
    expect(await dialog.innerText()).toContain('hạn trả lời được tính từ hôm nay');
    await check(sec, 'feedback-staff-assign-dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => sec.getByText('Đã chuyển đơn vị xử lý').count()).toBeGreaterThan(0);
    expect(await sec.locator('body').innerText()).toContain(wardName);
  });

  it('lets the commune officer accept and answer publicly, after a confirmation', async () => {
    await signIn(officer, OFFICER, reportUrl);
    await officer.getByRole('button', { name: 'Trả lời' }).waitFor();
    await officer.getByRole('button', { name: 'Trả lời' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.waitFor();
    await dialog
      .getByLabel('Trả lời')
      .fill('Phường đã phối hợp Điện lực thay bóng ba cột đèn ngày hôm nay. Cảm ơn bà con đã phản ánh.');
    expect(await dialog.innerText()).toContain('sẽ được công khai');
    await check(officer, 'feedback-staff-answer-dialog', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => officer.locator('body').innerText()).toContain('Đã trả lời');
    await check(officer, 'feedback-staff-answered');
  });

  it('shows the citizen the answer; she rates it unsatisfied with a reason and the report is reopened', async () => {
    await citizen.goto(url(`/?feedback=follow&code=${code}`));
    await citizen.getByRole('heading', { name: 'Trả lời của đơn vị' }).waitFor();
    expect(await citizen.locator('.fb-answer').innerText()).toContain('thay bóng ba cột đèn');
    await check(citizen, 'feedback-citizen-answer-phone');
    // Unsatisfied without a reason is refused, nothing changes.
    await citizen.getByLabel('Số điện thoại hoặc email đã dùng khi gửi').fill(PHONE);
    await citizen.getByRole('button', { name: 'Chưa hài lòng' }).click();
    await expect.poll(() => citizen.locator('.fb-status').last().innerText()).not.toBe('');
    expect(await citizen.locator('.fb-badge').innerText()).toBe('Đã trả lời');
    await citizen
      .getByLabel('Lý do (bắt buộc khi chưa hài lòng)')
      .fill('Mới thay một cột, hai cột còn lại vẫn tối.');
    await citizen.getByRole('button', { name: 'Chưa hài lòng' }).click();
    await expect.poll(() => citizen.locator('.fb-badge').innerText()).toBe('Mở lại để xem xét');
    await check(citizen, 'feedback-citizen-reopened-phone');

    // The officer sees the reopened report with the citizen's reason.
    await officer.reload();
    await expect.poll(() => officer.locator('body').innerText()).toContain('hai cột còn lại vẫn tối');
    await check(officer, 'feedback-staff-reopened');
  });

  it('shows the report in the public list of its commune, the reports on a map, and the units’ statistics', async () => {
    // What the phone fetches (JS and CSS, as gzip -9 of the built files): under 150 KB with the map library
    // loaded only when the map is opened.
    const fetched = new Set<string>();
    const track = (r: Response) => {
      const path = new URL(r.url()).pathname;
      if (/\.(js|css)$/.test(path)) fetched.add(path.replace(/^\//, ''));
    };
    citizen.on('response', track);
    const fetchedBytes = () => entryGzipBytes([...fetched]);
    await citizen.goto(url('/?feedback=list'));
    await expect.poll(() => citizen.getByRole('status').first().innerText()).toMatch(/^Có \d+ phản ánh/);
    const listBytes = fetchedBytes();
    expect([...fetched].some((f) => f.includes('feedback-map'))).toBe(false);
    expect(listBytes).toBeLessThan(150 * 1024);
    await citizen.getByLabel('Xã, phường').selectOption({ label: wardName });
    await citizen.getByRole('link', { name: TITLE }).waitFor();
    // The filter is in the address: reloading shows the same list.
    expect(citizen.url()).toContain('areaUnitId=');
    await citizen.reload();
    await citizen.getByRole('link', { name: TITLE }).waitFor();
    expect(await citizen.getByLabel('Xã, phường').locator('option:checked').innerText()).toBe(wardName);
    await check(citizen, 'feedback-citizen-list-commune-phone');

    // The map (Leaflet, loaded now) shows every listed report that has a location; without tiles it says so.
    await citizen.getByLabel('Xã, phường').selectOption({ label: 'Tất cả' });
    await expect.poll(() => citizen.locator('.fb-list li').count()).toBeGreaterThan(5);
    await citizen.getByRole('button', { name: 'Xem trên bản đồ' }).click();
    await expect.poll(() => citizen.locator('.fb-map .leaflet-interactive').count()).toBeGreaterThan(0);
    const note = await citizen.locator('.fb-hint', { hasText: 'Bản đồ hiển thị' }).innerText();
    const [, onMap, listed] = note.match(/hiển thị (\d+) phản ánh có vị trí trong số (\d+)/) ?? [];
    expect(Number(onMap)).toBe(await citizen.locator('.fb-map .leaflet-interactive').count());
    expect(Number(listed)).toBe(await citizen.locator('.fb-list li').count());
    await check(citizen, 'feedback-citizen-map-phone');
    const mapBytes = fetchedBytes();
    citizen.off('response', track);
    // Printed for the README's budget table.
    console.info(`feedback list page ${listBytes} B gzip; with the map ${mapBytes} B gzip`);
    expect(mapBytes).toBeGreaterThan(listBytes);
    expect(mapBytes).toBeLessThan(150 * 1024);

    // Paging, on a list longer than the demo's (51 reports served by the test): 50, then 'Xem thêm' adds the last.
    const fake = (n: number) => ({
      code: `PA-2026-${String(n).padStart(8, '0')}`,
      title: `Phản ánh thử số ${n}`,
      status: 'assigned',
      categoryName: 'Giao thông',
      areaName: wardName,
      lat: null,
      lng: null,
      createdAt: '2026-11-02T01:00:00.000Z',
    });
    await citizen.route('**/api/public/feedback/reports?*', (route) => {
      const page = Number(new URL(route.request().url()).searchParams.get('page'));
      const from = (page - 1) * 50 + 1;
      const items = Array.from({ length: Math.max(0, Math.min(50, 51 - from + 1)) }, (_, i) =>
        fake(from + i),
      );
      return route.fulfill({ json: { items, total: 51 } });
    });
    await citizen.goto(url('/?feedback=list'));
    await expect
      .poll(() => citizen.getByRole('status').first().textContent())
      .toBe('Có 51 phản ánh, đang hiển thị 50.');
    await citizen.getByRole('button', { name: 'Xem thêm' }).click();
    await expect
      .poll(() => citizen.getByRole('status').first().textContent())
      .toBe('Có 51 phản ánh, đang hiển thị 51.');
    expect(await citizen.locator('.fb-list li').count()).toBe(51);
    expect(await citizen.getByRole('link', { name: 'Phản ánh thử số 51' }).count()).toBe(1);
    expect(await citizen.getByRole('button', { name: 'Xem thêm' }).isVisible()).toBe(false);
    await citizen.unroute('**/api/public/feedback/reports?*');

    // Per-unit statistics: the commune that answered is there, and the search ignores diacritics.
    await citizen.getByRole('link', { name: 'Thống kê theo đơn vị' }).first().click();
    await citizen.getByRole('heading', { name: 'Kết quả giải quyết phản ánh theo đơn vị' }).waitFor();
    await citizen.locator('.fb-stat').first().waitFor();
    await citizen.getByLabel('Tìm đơn vị').fill('phan dinh phung');
    await expect.poll(() => citizen.locator('.fb-stat').count()).toBe(1);
    const card = await citizen.locator('.fb-stat').innerText();
    expect(card).toContain('Phan Đình Phùng');
    expect(card).toMatch(/Tiếp nhận\s+[1-9]/);
    await check(citizen, 'feedback-citizen-stats-phone');
  });
});
