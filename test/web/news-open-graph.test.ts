import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPageMetaProvider } from '../../server/lib/page-meta.js';
import { createNewsServices } from '../../server/modules/news/news.module.js';
import { type NewsScenario, newsScenario } from '../../server/modules/news/news-test-fixtures.js';
import { registerWebPlugin } from '../../server/plugins/web.js';
import { testDialects } from '../helpers/test-db.js';

// The web plugin serves / for a shared news link (/?news=<slug>) with the item's Open Graph tags, escaped:
// a title typed to break out of an attribute stays text, and an unknown slug gets the page as built.

const EVIL = `<script>alert("x")</script> & "quotes" 'single' </title><meta property="og:image" content="https://evil.example/x.png">`;

describe.each(testDialects())('the Open Graph page of a news item on %s', (dialect) => {
  let s: NewsScenario;
  let evilSlug: string;
  beforeAll(async () => {
    s = await newsScenario(dialect);
    const item = await s.draft({ kind: 'news', title: EVIL, summary: EVIL, slug: 'tin-doc' });
    await s.call(s.writer, 'POST', `/api/news/items/${item.id}/submit`, {});
    await s.call(s.approver, 'POST', `/api/news/items/${item.id}/approve`);
    evilSlug = item.slug;
  }, 90_000);
  afterAll(async () => s?.t.close());

  it('puts escaped Open Graph tags into the page served for /?news=<slug>', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'dxb-web-'));
    mkdirSync(join(dist, '.vite'), { recursive: true });
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'public'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
    writeFileSync(
      join(dist, 'public', 'index.html'),
      '<!doctype html><html><head><meta name="description" content="Trang chủ" /><title>DXBoard</title></head><body></body></html>',
    );
    const app = Fastify();
    const services = createNewsServices(s.t.deps);
    addPageMetaProvider(app, (q, base) =>
      typeof q.news === 'string' ? services.publicReads.pageMeta(q.news, base) : null,
    );
    await registerWebPlugin(app, { distDir: dist });
    try {
      const res = await app.inject({ url: `/?news=${evilSlug}`, headers: { host: 'dxboard.example.vn' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      const html = res.body;
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('evil.example/x.png"');
      expect(html.match(/<title>/g)).toHaveLength(1);
      expect(html).toContain(
        '<meta property="og:title" content="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;',
      );
      expect(html).toContain(
        `<meta property="og:url" content="http://dxboard.example.vn/?news=${evilSlug}" />`,
      );
      // Only one og:image at most, and never the injected one.
      expect((html.match(/<meta property="og:image"/g) ?? []).length).toBeLessThanOrEqual(1);
      const plain = await app.inject({ url: '/?news=khong-co' });
      expect(plain.body).not.toContain('og:title');
      expect(plain.body).toContain('<title>DXBoard</title>');
    } finally {
      await app.close();
    }
  });
});
