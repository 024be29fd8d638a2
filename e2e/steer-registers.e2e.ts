import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// Steer's registers in Chromium on the demo: a commune officer declares a DX product (a refused link first:
// the message is Vietnamese and nothing typed is lost) and sees only the commune's systems; the secretariat
// returns a product with a reason after a confirmation, lists the units with none by type, reads the systems
// register and its problem lists, a system's page and the open review campaign's progress per unit.
// Screenshots go to test-results/screenshots.
const PASSWORD = 'Demo@2026';

describe('DX products and information systems registers', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const url = (path: string) => `${server.baseUrl}${path}`;
  async function signIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN', reducedMotion: 'reduce' });
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

  it('lets a commune officer declare a product, keeping what was typed through a refusal', async () => {
    const page = await signIn('canbo.xa@demo.dxboard.vn');
    await page.goto(url('/app/steer/products'));
    await page.getByRole('heading', { name: 'Sản phẩm chuyển đổi số' }).waitFor();
    await page.getByTestId('declare-product').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên').fill('Sổ tay số hướng dẫn thủ tục hành chính');
    await dialog
      .getByLabel('Mô tả')
      .fill('Sổ tay điện tử hướng dẫn 120 thủ tục thường dùng, có mã QR tại bộ phận một cửa.');
    await dialog.getByLabel('Đường dẫn (nếu có)').fill('không phải đường dẫn');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Dữ liệu không hợp lệ').waitFor();
    await checkPage(page, 'steer-products-declare-refused', '[role="dialog"]');
    expect(await dialog.getByLabel('Tên').inputValue()).toBe('Sổ tay số hướng dẫn thủ tục hành chính');
    await dialog.getByLabel('Đường dẫn (nếu có)').fill('https://phandinhphung.thainguyen.gov.vn/so-tay');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Sổ tay số hướng dẫn thủ tục hành chính').waitFor();
    await page
      .getByTestId('product-card')
      .filter({ hasText: 'Sổ tay số hướng dẫn thủ tục hành chính' })
      .getByText('Chờ xem xét')
      .waitFor();
    await checkPage(page, 'steer-products-officer');
    // The commune's own systems only.
    await page.goto(url('/app/steer/systems'));
    await page.getByTestId('system-table').waitFor();
    const rows = await page.getByTestId('system-table').locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.getByText('Sở Xây dựng').count()).toBe(0);
    await checkPage(page, 'steer-systems-officer');
  });

  it('lets the secretariat return a product after a confirmation and list units with none', async () => {
    const page = await signIn('thamdinh@demo.dxboard.vn');
    await page.goto(url('/app/steer/products'));
    const card = page
      .getByTestId('product-card')
      .filter({ hasText: 'Sổ tay số hướng dẫn thủ tục hành chính' });
    await card.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Cần ghi lý do trả lại').waitFor();
    await dialog
      .getByLabel('Lý do trả lại (đơn vị sẽ thấy)')
      .fill('Bổ sung số lượt người dùng và quyết định ban hành.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await card.getByText('Lý do trả lại: Bổ sung số lượt người dùng').waitFor();
    await checkPage(page, 'steer-products-secretariat');
    await page.getByTestId('tab-without').click();
    await page.getByTestId('units-without').getByText('Sở, ban, ngành').waitFor();
    await checkPage(page, 'steer-products-units-without');
  });

  it('shows the systems register, its problem lists, a system and the review campaign', async () => {
    const page = await signIn('thamdinh@demo.dxboard.vn');
    await page.goto(url('/app/steer/systems'));
    await page
      .getByTestId('system-table')
      .getByText('Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)')
      .waitFor();
    await checkPage(page, 'steer-systems-register');
    await page.getByTestId('tab-problems').click();
    await page.getByText('Trùng lặp chức năng (1)').waitFor();
    await checkPage(page, 'steer-systems-problems');
    await page.getByRole('link', { name: 'Phần mềm quản lý văn bản nội bộ Sở Xây dựng' }).first().click();
    await page.getByRole('heading', { name: 'Phần mềm quản lý văn bản nội bộ Sở Xây dựng' }).waitFor();
    await checkPage(page, 'steer-system-page');
    await page.goto(url('/app/steer/systems/reviews'));
    await page.getByTestId('campaign-card').first().getByRole('link').click();
    await page.getByTestId('unit-progress').waitFor();
    await checkPage(page, 'steer-systems-review');
  });
});
