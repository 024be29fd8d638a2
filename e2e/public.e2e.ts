import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations } from './helpers/browser.js';
import { entryFiles, entryGzipBytes } from './helpers/bundle.js';
import { type RunningServer, startServer, WEB_DIST } from './helpers/server.js';

const BUDGET_BYTES = 100 * 1024;

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
    const files = entryFiles('public/index.html');
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    for (const file of files)
      expect(readFileSync(join(WEB_DIST, file), 'utf8')).not.toMatch(/mantine|react-dom/i);
    expect(entryGzipBytes(files)).toBeLessThan(BUDGET_BYTES);
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
    // Exact names: the news strip (loaded after the figures) may hold a story titled "Phát động Cuộc thi…".
    for (const link of ['Xếp hạng chuyển đổi số', 'Cuộc thi', 'Phản ánh kiến nghị']) {
      expect(await page.getByRole('heading', { name: link, exact: true }).count()).toBe(1);
    }
    // Every card is live now: the ranking card links to the latest published period, the contest card to the open
    // contest, feedback and community to their pages; nothing says "coming soon".
    const rankingLink = page.locator('#ranking-card a.card-link');
    await rankingLink.waitFor();
    expect(await rankingLink.getAttribute('href')).toMatch(/^\/\?ranking=\d+$/);
    expect(await page.locator('#contest-card a.card-link').getAttribute('href')).toMatch(
      /^\/\?contest=[a-z0-9-]+$/,
    );
    expect(await page.locator('#feedback-card a.card-link').getAttribute('href')).toBe('/?feedback');
    expect(await page.locator('#community-card a.card-link').getAttribute('href')).toBe('/?community');
    expect(await page.getByText('Sắp ra mắt').count()).toBe(0);
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

  it('is a live home on a 360 px phone over slow 3G: interactive under 3 s, figures with sources, find a team', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // The budget: 400 kbps both ways, 400 ms round trip.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    });
    // Bytes on the wire (compressed, headers included) per request, from the browser's own accounting.
    const urls = new Map<string, string>();
    const wire = new Map<string, number>();
    // And when each started and finished (seconds, the browser's clock), printed as the page's timeline.
    const times = new Map<string, { start: number; end?: number }>();
    cdp.on('Network.requestWillBeSent', (e) => times.set(e.requestId, { start: e.timestamp }));
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, new URL(e.response.url).pathname));
    cdp.on('Network.loadingFinished', (e) => {
      wire.set(e.requestId, e.encodedDataLength);
      const t = times.get(e.requestId);
      if (t) t.end = e.timestamp;
    });

    const started = Date.now();
    await page.goto(`${server.baseUrl}/`, { waitUntil: 'commit' });
    await page.locator('body[data-home="ready"]').waitFor({ timeout: 15_000 });
    const interactiveMs = Date.now() - started;
    const t0 = Math.min(...[...times.values()].map((t) => t.start));
    const timeline = [...times].map(
      ([id, t]) =>
        `${urls.get(id) ?? id} ${Math.round((t.start - t0) * 1000)}–${t.end ? Math.round((t.end - t0) * 1000) : '…'} ms`,
    );
    console.info(timeline.join('\n'));
    // The page answers a tap at once: the language switch works right away.
    expect(interactiveMs, `interactive after ${interactiveMs} ms`).toBeLessThan(3_000);
    const nav = await page.evaluate(() => {
      const [n] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return { domInteractive: n.domInteractive, loadEventEnd: n.loadEventEnd };
    });
    expect(nav.domInteractive).toBeLessThan(3_000);
    const jsCss = [...wire].filter(([id]) => /\.(js|css)$/.test(urls.get(id) ?? ''));
    expect(jsCss.length).toBeGreaterThanOrEqual(2);
    const jsCssBytes = jsCss.reduce((sum, [, n]) => sum + n, 0);
    expect(jsCssBytes).toBeLessThan(BUDGET_BYTES);
    console.info(
      JSON.stringify({
        publicHome: { interactiveMs, domInteractiveMs: Math.round(nav.domInteractive), jsCssBytes },
      }),
    );

    // Headline figures, each naming its source and date; nothing personal on the page.
    const figures = page.locator('#figures-list > li');
    expect(await figures.count()).toBeGreaterThanOrEqual(6);
    for (const figure of await figures.all()) {
      expect(await figure.locator('.figure-value').textContent()).toMatch(/\d/);
      expect(await figure.locator('.source').textContent()).toMatch(
        /^Nguồn: .*đến ngày \d{2}\/\d{2}\/\d{4}$/,
      );
    }
    expect(await page.locator('#ranking-top > li').count()).toBeGreaterThan(0);
    expect(await page.locator('#ranking-source').textContent()).toMatch(
      /^Nguồn: .*công bố ngày \d{2}\/\d{2}\/\d{4}/,
    );
    expect(await page.locator('#feedback-live .source').textContent()).toMatch(/^Nguồn: /);
    expect(await page.locator('#community-source').textContent()).toMatch(/^Nguồn: /);
    expect(await page.getByText('Sắp ra mắt').count()).toBe(0);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/(?<!\d)0\d{9}(?!\d)|[\w.+-]+@[\w-]+\.[\w.]+/);
    // The News module's slot is there, empty, for it to fill.
    expect(await page.locator('section#news-strip').count()).toBe(1);

    // Touch targets of 44 px at least, nothing sideways-scrolling at 360 px.
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'main button, main select, main .btn, main li.service, .top button, .top .btn',
        ),
      ]
        .filter((e) => e.offsetParent !== null)
        .map((e) => ({ what: e.id || e.className || e.tagName, h: e.getBoundingClientRect().height }))
        .filter((r) => r.h < 44),
    );
    expect(small).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'public-home-360-slow3g');

    // Find a team near you: pick a commune → its teams, the contact's phone masked.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const select = page.locator('#finder-commune');
    // The finder's communes arrive after the home's figures (their own cached request).
    await page.waitForFunction(() => document.querySelectorAll('#finder-commune option').length > 1);
    const options = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    await select.selectOption(options[0]);
    await page.getByRole('button', { name: 'Xem các tổ' }).click();
    await page.waitForURL(`**/?community=${options[0]}`);
    await page.locator('.community-team').first().waitFor();
    const contacts = await page.locator('.community-contact').allTextContents();
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts) {
      expect(c).toMatch(/\*{3}/);
      expect(c).not.toMatch(/\d{10}/);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'public-home-finder-360');
    await context.close();
  });
});
