import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { type RunningServer, startServer, WEB_DIST } from './helpers/server.js';

type ManifestChunk = { file: string; css?: string[]; imports?: string[]; isEntry?: boolean };
const BUDGET_BYTES = 100 * 1024;

/** Every JS and CSS file the public entry loads (its chunk, static imports, their CSS), from the Vite manifest. */
function publicEntryFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit('public/index.html');
  return [...files];
}

describe('public landing page', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ships under 100 KB of compressed JS and CSS, and no Mantine or React', () => {
    const files = publicEntryFiles();
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    let total = 0;
    for (const file of files) {
      const source = readFileSync(join(WEB_DIST, file));
      expect(source.toString()).not.toMatch(/mantine|react-dom/i);
      total += gzipSync(source, { level: 9 }).length;
    }
    expect(total).toBeLessThan(BUDGET_BYTES);
  });

  it('renders phone-first in Vietnamese, switches to English, and passes axe', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const transferred: string[] = [];
    page.on('response', (r) => {
      if (/\.(js|css)$/.test(new URL(r.url()).pathname)) transferred.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Chuyển đổi số');
    for (const pillar of ['Chính quyền số', 'Kinh tế số', 'Xã hội số']) {
      expect(await page.getByRole('heading', { name: pillar }).count()).toBe(1);
    }
    for (const link of ['Xếp hạng chuyển đổi số', 'Cuộc thi', 'Phản ánh kiến nghị']) {
      expect(await page.getByRole('heading', { name: link }).count()).toBe(1);
    }
    // The demo has published rankings, so the ranking card links to the latest one; the other two are "soon".
    const rankingLink = page.locator('#ranking-card a.card-link');
    await rankingLink.waitFor();
    expect(await rankingLink.getAttribute('href')).toMatch(/^\/\?ranking=\d+$/);
    expect(await page.getByText('Sắp ra mắt').count()).toBe(2);
    const signIn = page.getByRole('link', { name: 'Cán bộ đăng nhập' }).first();
    expect(await signIn.getAttribute('href')).toBe('/app/login');
    // Nothing sideways-scrolls on a 390 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(transferred.every((p) => p.startsWith('/assets/'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'public-landing-vi-phone');

    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Digital transformation for citizens and businesses');
    expect(await page.getByRole('heading', { name: 'Digital government' }).count()).toBe(1);
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'public-landing-en-phone');
    await context.close();
  });
});
