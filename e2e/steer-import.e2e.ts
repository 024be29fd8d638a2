import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOT_DIR, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The plan appendix import in Chromium, as the secretariat on the demo plan: download the sample appendix ("Tải
// mẫu"), upload it, read the preview (groups, tasks, units resolved in words, deadlines as dd/mm/yyyy), pick what
// to do with the collective names, confirm in the dialog, and see the tasks imported.
const PASSWORD = 'Demo@2026';
const SECRETARIAT = 'thamdinh@demo.dxboard.vn';

describe('steer plan appendix import', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    ctx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    page = await ctx.newPage();
    page.setDefaultTimeout(15_000);
  }, 200_000);
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('uploads the sample appendix, previews it, resolves the names and imports it', async () => {
    await page.goto(url('/app/login?next=/app/steer'));
    await page.getByLabel('Email').fill(SECRETARIAT);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    const plans = (await (await page.request.get(url('/api/steer/plans'))).json()) as {
      items: { id: number; numberSymbol: string; issuedOn: string }[];
    };
    const plan = plans.items.find((p) => p.numberSymbol === '15/KH-BCĐCĐS') ?? plans.items[0];
    expect(plan).toBeDefined();
    const before = (await (await page.request.get(url(`/api/steer/plans/${plan.id}`))).json())
      .taskCount as number;

    await page.goto(url(`/app/steer/plans/${plan.id}/import`));
    await page.getByRole('heading', { name: 'Nhập nhiệm vụ từ phụ lục kế hoạch' }).waitFor();
    // The "Tải mẫu" link hands out a real workbook for the plan's year: that is what the person uploads.
    const href = await page.getByRole('link', { name: 'Tải mẫu phụ lục' }).getAttribute('href');
    const sample = await page.request.get(url(href ?? ''));
    expect(sample.status()).toBe(200);
    const file = join(tmpdir(), `phu-luc-mau-${Date.now()}.xlsx`);
    writeFileSync(file, await sample.body());
    await page.locator('input[type=file]').setInputFiles(file);

    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-status').textContent()).toBe('Sẵn sàng nhập');
    expect(await page.getByTestId('import-summary').innerText()).toMatch(
      /^3 nhóm · 9 nhiệm vụ · 4 tên đơn vị cần chọn · 0 dòng lỗi/,
    );
    const preview = page.getByTestId('import-preview');
    const text = await preview.innerText();
    expect(text).toContain('PHÁT TRIỂN CHÍNH QUYỀN SỐ');
    expect(text).toContain('Sở Khoa học và Công nghệ');
    expect(text).toContain('Phường Phan Đình Phùng');
    expect(text).toMatch(/hạn 30\/06\/\d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|ongoing|quarter/);
    expect(await page.getByTestId('unresolved-name').count()).toBe(4);
    const confirm = page.getByRole('button', { name: 'Nhập vào kế hoạch' });
    expect(await confirm.isDisabled()).toBe(true);
    await screenshot(page, 'plan import preview');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/plan import preview-viewport.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Collective coordinating names ("Các sở, ban, ngành") are left out, one by one.
    for (const name of [
      'Các sở, ban, ngành',
      'UBND các xã, phường',
      'Các cơ quan, đơn vị liên quan',
      'UBND các xã',
    ]) {
      await page.getByRole('textbox', { name: `Chọn đơn vị: ${name}`, exact: true }).click();
      await page.getByRole('option', { name: 'Bỏ qua (không ghi đơn vị phối hợp)' }).click();
    }
    await expect.poll(() => confirm.isDisabled()).toBe(false);
    await confirm.click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Sẽ tạo 3 nhóm và 9 nhiệm vụ trong kế hoạch số');
    await dialog.getByRole('button', { name: 'Nhập vào kế hoạch' }).click();
    await expect.poll(() => page.getByTestId('import-status').textContent()).toBe('Đã nhập vào kế hoạch');
    await screenshot(page, 'plan import done');
    const after = (await (await page.request.get(url(`/api/steer/plans/${plan.id}`))).json())
      .taskCount as number;
    expect(after - before).toBe(9);
  }, 120_000);
});
