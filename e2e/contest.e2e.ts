import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './helpers/browser.js';
import { type RunningServer, startServer } from './helpers/server.js';

// The demo contest in Chromium: a citizen on a 360 px phone registers (the unit typed without diacritics),
// starts the quiz, reloads mid-attempt and resumes with the saved answer, submits and sees the score and the
// provisional board; the secretariat sees the closed round's results and the participation by unit.
// Screenshots go to test-results/screenshots.

describe('Contest', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets a citizen register and take the quiz on a phone, resuming after a reload', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (d) => void d.accept());
    await page.goto(url('/?contest=tim-hieu-chuyen-doi-so'));
    await page.getByRole('button', { name: 'Đăng ký dự thi' }).click();
    await page.getByLabel('Bảng thi').selectOption('citizens');
    await page.getByLabel(/Họ và tên/).fill('Trần Thị Thử');
    await page.getByLabel(/Số điện thoại/).fill('0987654321');
    await page.getByLabel(/Đơn vị/).fill('phan dinh');
    await page
      .getByRole('button', { name: /Phan Đình Phùng/ })
      .first()
      .click();
    await page.getByLabel(/Tôi đồng ý/).check();
    await screenshot(page, 'contest-register-phone');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await page.getByRole('button', { name: 'Bắt đầu thi' }).click();
    await page.getByText('Câu 1/15').waitFor();
    await page.getByRole('timer').waitFor();
    const firstQuestion = await page.locator('#contest-q').textContent();
    await page.locator('.contest-option').first().click();
    await page.getByText('Đã lưu').waitFor();
    await screenshot(page, 'contest-quiz-phone');
    // A reload (a lost connection) comes back to the same attempt with the saved answer.
    await page.reload();
    await page.getByRole('button', { name: 'Tiếp tục lượt thi' }).click();
    await page.getByText('Câu 1/15').waitFor();
    expect(await page.locator('#contest-q').textContent()).toBe(firstQuestion);
    expect(await page.locator('.contest-option input').first().isChecked()).toBe(true);
    for (let i = 1; i < 15; i++) {
      await page.getByRole('button', { name: 'Câu sau' }).click();
      await page.getByText(`Câu ${i + 1}/15`).waitFor();
      await page
        .locator('.contest-option')
        .nth(i % 4)
        .click();
    }
    await page.getByRole('button', { name: 'Câu sau' }).click();
    await page.getByLabel(/bao nhiêu người trả lời đúng/).fill('40');
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('heading', { name: /Bạn trả lời đúng \d+\/15 câu/ }).waitFor();
    await screenshot(page, 'contest-score-phone');
    await page.getByRole('button', { name: 'Bảng xếp hạng' }).click();
    await page.getByText(/Tạm thời/).waitFor();
    await screenshot(page, 'contest-board-phone');
  }, 120_000);

  it('shows the organiser the closed round with its prizes and the participation by unit', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url('/app/login'));
    await page.getByLabel('Email').fill('thamdinh@demo.dxboard.vn');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/app\/?$/);
    await page.goto(url('/app/contest'));
    await page.getByRole('link', { name: /tìm hiểu về chuyển đổi số/ }).click();
    await page.getByRole('heading', { name: 'Đợt 1' }).waitFor();
    await page
      .getByText(/Giá trị thực của câu hỏi dự đoán/)
      .first()
      .waitFor();
    expect(await page.getByText('Nhất', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'contest-results-organiser');
    await page.getByRole('tab', { name: 'Tham gia theo đơn vị' }).click();
    await page.getByRole('tab', { name: 'Tham gia theo đơn vị', selected: true }).waitFor();
    await screenshot(page, 'contest-participation-organiser');
  }, 60_000);
});
