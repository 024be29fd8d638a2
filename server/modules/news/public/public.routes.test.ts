import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { injectPageMeta } from '../../../lib/page-meta.js';
import { type NewsScenario, newsScenario } from '../news-test-fixtures.js';

// The portal's reads on both databases (the Open Graph page itself: test/web/news-open-graph.test.ts): only published items, filtered by kind, pillar and unit, paged; what an
// author typed is data everywhere (JSON, the Atom feed, the Open Graph tags of the HTML page), never markup.

const EVIL = `<script>alert("x")</script> & "quotes" 'single' </title><meta property="og:image" content="https://evil.example/x.png">`;

describe.each(testDialects())('News on the portal on %s', (dialect) => {
  let s: NewsScenario;
  let evilSlug: string;
  beforeAll(async () => {
    s = await newsScenario(dialect);
    const publish = async (overrides: Record<string, unknown>) => {
      const item = await s.draft(overrides);
      await s.call(s.writer, 'POST', `/api/news/items/${item.id}/submit`, {});
      const res = await s.call(s.approver, 'POST', `/api/news/items/${item.id}/approve`);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return item;
    };
    await publish({
      kind: 'story',
      title: 'Câu chuyện xã A',
      pillars: ['society'],
      unitIds: [s.tree.communeA],
    });
    await publish({ kind: 'announcement', title: 'Thông báo cuộc thi', pillars: ['government'] });
    evilSlug = (
      await publish({
        kind: 'news',
        title: EVIL,
        summary: EVIL,
        body: `${EVIL}\n\n]]> <![CDATA[`,
        slug: 'tin-doc',
      })
    ).slug;
    await s.draft({ title: 'Bản nháp không công khai' });
  }, 90_000);
  afterAll(async () => s?.t.close());

  it('lists published items only, newest first, filtered and paged; 400 on bad filters', async () => {
    const all = await s.call(null, 'GET', '/api/public/news');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((i: { title: string }) => i.title)).not.toContain('Bản nháp không công khai');
    expect(all.body.items[0]).not.toHaveProperty('authorName');
    expect(all.body.items[0].publisher).toBe(
      (
        await s.t.deps.db
          .selectFrom('units')
          .select('name')
          .where('id', '=', s.tree.province)
          .executeTakeFirstOrThrow()
      ).name,
    );
    const stories = await s.call(null, 'GET', '/api/public/news?kind=story');
    expect(stories.body.items.map((i: { title: string }) => i.title)).toEqual(['Câu chuyện xã A']);
    const gov = await s.call(null, 'GET', '/api/public/news?pillar=government');
    expect(gov.body.items.map((i: { title: string }) => i.title)).toEqual(['Thông báo cuộc thi']);
    const communeA = await s.call(null, 'GET', `/api/public/news?unitId=${s.tree.communeA}`);
    expect(communeA.body.items.map((i: { title: string }) => i.title)).toEqual(['Câu chuyện xã A']);
    const page2 = await s.call(null, 'GET', '/api/public/news?page=2&pageSize=2');
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.body.items).toHaveLength(1);
    for (const bad of ['kind=rumour', 'pillar=x', 'page=0', 'pageSize=500', 'unitId=-1', 'extra=1']) {
      const res = await s.call(null, 'GET', `/api/public/news?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.type).toContain('application/problem+json');
    }
    expect((await s.call(null, 'GET', '/api/public/news/Khong-Hop-Le')).status).toBe(400);
    expect((await s.call(null, 'GET', '/api/public/news/khong-co-tin-nay')).status).toBe(404);
  });

  it('returns what was typed as text in JSON', async () => {
    const res = await s.call(null, 'GET', `/api/public/news/${evilSlug}`);
    expect(res.body.title).toBe(EVIL);
    expect(res.type).toContain('application/json');
  });

  it('serves a valid, escaped Atom 1.0 feed', async () => {
    const res = await s.t.app.inject({ url: '/api/public/news.atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = parseAtom(res.body);
    expect(res.body).not.toContain('<script>');
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBeTruthy();
    expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(feed.entries).toHaveLength(3);
    for (const e of feed.entries) {
      expect(e.id).toBeTruthy();
      expect(e.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(e.href).toMatch(/\/\?news=[a-z0-9-]+$/);
    }
    // Parsed back by a strict XML parser, the title is exactly what was typed.
    expect(feed.entries.find((e) => e.href.endsWith('=tin-doc'))?.title).toBe(EVIL);
  });
});

type AtomEntry = { id: string; title: string; updated: string; href: string };

/** A strict (namespace-aware) parse of an Atom feed: throws on anything not well-formed. */
function parseAtom(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const feed = { ns: '', id: '', updated: '', entries: [] as AtomEntry[] };
  const path: string[] = [];
  let entry: AtomEntry | null = null;
  let text = '';
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    path.push(tag.local);
    text = '';
    if (path.length === 1) feed.ns = tag.uri;
    if (tag.local === 'entry') entry = { id: '', title: '', updated: '', href: '' };
    if (tag.local === 'link' && entry && tag.attributes.rel?.value === 'alternate')
      entry.href = String(tag.attributes.href?.value ?? '');
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const depth = path.length;
    path.pop();
    if (tag.local === 'entry' && entry) {
      feed.entries.push(entry);
      entry = null;
    } else if (entry && depth === 3 && ['id', 'title', 'updated'].includes(tag.local)) {
      (entry as Record<string, string>)[tag.local] = text;
    } else if (!entry && depth === 2 && (tag.local === 'id' || tag.local === 'updated')) {
      feed[tag.local] = text;
    }
  });
  parser.write(xml).close();
  return feed;
}

describe('injectPageMeta', () => {
  it('replaces the title and description and adds the picture', () => {
    const html = injectPageMeta('<head><meta name="description" content="x" /><title>a</title></head>', {
      title: 'Tin $& $1 "a"',
      description: 'Mô tả',
      url: 'https://x.vn/?news=a',
      image: 'https://x.vn/api/public/news/a/cover',
      type: 'article',
    });
    expect(html).toContain('<title>Tin $&amp; $1 &quot;a&quot;</title>');
    expect(html).toContain('<meta name="description" content="Mô tả" />');
    expect(html).toContain('<meta property="og:image" content="https://x.vn/api/public/news/a/cover" />');
    expect(html).toContain('summary_large_image');
  });
});
