import './news.css';
import type { PublicNewsArticle, PublicNewsCard, PublicNewsList } from '../../core/contracts/news.js';
import type { Locale } from '../../core/i18n/locale.js';
import {
  NEWS_KIND_LABELS,
  NEWS_KINDS,
  NEWS_PILLAR_LABELS,
  NEWS_PILLARS,
  type NewsKind,
  type NewsPillar,
  parseBody,
} from '../../core/news/news.js';
import { getLocale, subscribeLocale } from '../i18n/locale-store.js';
import { el } from '../lib/dom.js';

// News, announcements and success stories on the portal (?news lists them, ?news=<slug> shows one, &unit=<id>
// keeps a unit's own), and the home page's strip of the three latest. Plain DOM, phone first, no framework;
// every text is set with textContent, so nothing an author typed becomes markup.

const TEXTS = {
  vi: {
    title: 'Tin tức chuyển đổi số',
    intro: 'Tin tức, thông báo và những câu chuyện thành công về chuyển đổi số của tỉnh.',
    kind: 'Loại tin',
    pillar: 'Trụ cột',
    all: 'Tất cả',
    more: 'Xem thêm tin',
    none: 'Chưa có tin nào.',
    error: 'Không tải được tin. Vui lòng thử lại.',
    notFound: 'Không tìm thấy tin này (có thể tin đã được gỡ).',
    back: '← Trang chủ',
    backList: '← Tất cả tin',
    seeAll: 'Xem tất cả tin',
    stripTitle: 'Tin mới',
    unitStripTitle: 'Tin tức của đơn vị',
    unitSeeAll: 'Xem tất cả tin của đơn vị',
    publishedBy: 'Đăng bởi {unit}',
    about: 'Đơn vị liên quan',
    pillars: 'Trụ cột',
    feed: 'Theo dõi bằng Atom',
  },
  en: {
    title: 'Digital transformation news',
    intro: "News, announcements and success stories of the province's digital transformation.",
    kind: 'Kind',
    pillar: 'Pillar',
    all: 'All',
    more: 'More news',
    none: 'No news yet.',
    error: 'Could not load the news. Please try again.',
    notFound: 'This item was not found (it may have been withdrawn).',
    back: '← Home',
    backList: '← All news',
    seeAll: 'See all news',
    stripTitle: 'Latest news',
    unitStripTitle: "The unit's news",
    unitSeeAll: "See all the unit's news",
    publishedBy: 'Published by {unit}',
    about: 'Units concerned',
    pillars: 'Pillars',
    feed: 'Follow with Atom',
  },
} satisfies Record<Locale, Record<string, string>>;
type Key = keyof (typeof TEXTS)['vi'];

const text = (key: Key, params: Record<string, string> = {}) =>
  TEXTS[getLocale()][key].replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');

function dateText(iso: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

const kindBadge = (kind: NewsKind) =>
  el('span', { class: `news-kind news-kind-${kind}` }, NEWS_KIND_LABELS[kind][getLocale()]);

const articleHref = (slug: string) => `/?news=${encodeURIComponent(slug)}`;

function card(item: PublicNewsCard, heading: 'h2' | 'h3', eager = false): HTMLLIElement {
  return el(
    'li',
    { class: 'news-card' },
    item.coverUrl
      ? el('img', {
          src: item.coverUrl,
          alt: '',
          width: '1200',
          height: '630',
          loading: eager ? 'eager' : 'lazy',
          decoding: 'async',
        })
      : null,
    el(
      'div',
      { class: 'news-card-body' },
      el('p', { class: 'news-meta' }, kindBadge(item.kind), dateText(item.publishedAt)),
      el(heading, {}, el('a', { href: articleHref(item.slug) }, item.title)),
      el('p', {}, item.summary),
    ),
  );
}

async function getJson<T>(url: string): Promise<{ ok: true; body: T } | { ok: false; status: number }> {
  const res = await fetch(url, { headers: { accept: 'application/json' } }).catch(() => null);
  if (!res?.ok) return { ok: false, status: res?.status ?? 0 };
  return { ok: true, body: (await res.json()) as T };
}

async function showList(root: HTMLElement, unitId: number | null): Promise<void> {
  const params = new URLSearchParams(location.search);
  let kind = (NEWS_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as NewsKind)
    : null;
  let pillar = (NEWS_PILLARS as readonly string[]).includes(params.get('pillar') ?? '')
    ? (params.get('pillar') as NewsPillar)
    : null;
  let items: PublicNewsCard[] = [];
  let total = 0;
  let page = 0;
  let failed = false;

  async function load(next: number) {
    const q = new URLSearchParams({ page: String(next), pageSize: '10' });
    if (kind) q.set('kind', kind);
    if (pillar) q.set('pillar', pillar);
    if (unitId) q.set('unitId', String(unitId));
    const res = await getJson<PublicNewsList>(`/api/public/news?${q}`);
    failed = !res.ok;
    if (!res.ok) return;
    items = next === 1 ? res.body.items : [...items, ...res.body.items];
    total = res.body.total;
    page = next;
  }

  function syncUrl() {
    const q = new URLSearchParams({ news: '' });
    if (kind) q.set('kind', kind);
    if (pillar) q.set('pillar', pillar);
    if (unitId) q.set('unit', String(unitId));
    history.replaceState(null, '', `/?${q.toString().replace('news=', 'news')}`);
  }

  function select<T extends string>(
    id: string,
    label: Key,
    values: readonly T[],
    labelOf: (v: T) => string,
    current: T | null,
    onChange: (v: T | null) => void,
  ) {
    const s = el('select', { id });
    s.append(el('option', { value: '' }, text('all')));
    for (const v of values) {
      const o = el('option', { value: v }, labelOf(v));
      if (v === current) o.setAttribute('selected', '');
      s.append(o);
    }
    s.addEventListener('change', async () => {
      onChange((s.value || null) as T | null);
      syncUrl();
      await load(1);
      render();
      document.getElementById(id)?.focus();
    });
    return el('div', {}, el('label', { for: id }, text(label)), s);
  }

  function render() {
    const locale = getLocale();
    const list = el('ul', { class: 'news-list' });
    items.forEach((item, i) => {
      list.append(card(item, 'h2', i === 0));
    });
    const more =
      items.length < total ? el('button', { type: 'button', class: 'news-more' }, text('more')) : null;
    more?.addEventListener('click', async () => {
      await load(page + 1);
      render();
    });
    root.replaceChildren(
      el(
        'section',
        { class: 'news', 'aria-labelledby': 'news-title' },
        el('a', { href: '/', class: 'news-back' }, text('back')),
        el('h1', { id: 'news-title' }, text('title')),
        el('p', {}, text('intro')),
        el(
          'div',
          { class: 'news-filters' },
          select(
            'news-kind',
            'kind',
            NEWS_KINDS,
            (k) => NEWS_KIND_LABELS[k][locale],
            kind,
            (v) => {
              kind = v;
            },
          ),
          select(
            'news-pillar',
            'pillar',
            NEWS_PILLARS,
            (p) => NEWS_PILLAR_LABELS[p][locale],
            pillar,
            (v) => {
              pillar = v;
            },
          ),
        ),
        failed ? el('p', { class: 'news-error', role: 'alert' }, text('error')) : null,
        !failed && items.length === 0 ? el('p', {}, text('none')) : null,
        list,
        more,
        el('p', { class: 'news-meta' }, el('a', { href: '/api/public/news.atom' }, text('feed'))),
      ),
    );
  }

  await load(1);
  render();
  subscribeLocale(() => render());
}

async function showArticle(root: HTMLElement, slug: string): Promise<void> {
  const res = await getJson<PublicNewsArticle>(`/api/public/news/${encodeURIComponent(slug)}`);

  function render() {
    const back = el('a', { href: '/?news', class: 'news-back' }, text('backList'));
    if (!res.ok) {
      root.replaceChildren(
        el(
          'section',
          { class: 'news' },
          back,
          el('p', { class: 'news-error', role: 'alert' }, text(res.status === 404 ? 'notFound' : 'error')),
        ),
      );
      return;
    }
    const a = res.body;
    const locale = getLocale();
    document.title = a.title;
    const body = el('div', { class: 'news-body' });
    for (const block of parseBody(a.body)) {
      if (block.kind === 'paragraph') body.append(el('p', {}, block.text));
      else body.append(el('ul', {}, ...block.items.map((i) => el('li', {}, i))));
    }
    root.replaceChildren(
      el(
        'article',
        { class: 'news news-article', 'aria-labelledby': 'news-title' },
        back,
        el('p', { class: 'news-meta' }, kindBadge(a.kind), dateText(a.publishedAt)),
        el('h1', { id: 'news-title' }, a.title),
        el('p', { class: 'news-meta' }, text('publishedBy', { unit: a.publisher })),
        a.coverUrl
          ? el('img', { class: 'news-cover', src: a.coverUrl, alt: '', width: '1200', height: '630' })
          : null,
        el('p', { class: 'news-summary' }, a.summary),
        body,
        a.pillars.length
          ? el(
              'div',
              {},
              el('h2', { class: 'news-meta' }, text('pillars')),
              el(
                'ul',
                { class: 'news-tags' },
                ...a.pillars.map((p) => el('li', {}, NEWS_PILLAR_LABELS[p][locale])),
              ),
            )
          : null,
        a.units.length
          ? el(
              'div',
              {},
              el('h2', { class: 'news-meta' }, text('about')),
              el(
                'ul',
                { class: 'news-tags' },
                ...a.units.map((u) => el('li', {}, el('a', { href: `/?news&unit=${u.id}` }, u.name))),
              ),
            )
          : null,
      ),
    );
  }
  render();
  subscribeLocale(() => render());
}

/** `/?news` (list, optionally `&unit=<id>`) or `/?news=<slug>` (one item). */
export async function showNews(root: HTMLElement, slug: string | null, unitId: number | null): Promise<void> {
  if (slug) await showArticle(root, slug);
  else await showList(root, unitId);
}

/** The home page's strip: the three latest items and a link to all. Hidden when there is nothing to show. */
/**
 * The three latest published items (the home's strip), or, with `unitId`, those tagged with that unit (its public
 * page, the ranking's unit profile). Nothing is shown when there are none.
 */
export async function fillNewsStrip(section: HTMLElement, unitId: number | null = null): Promise<void> {
  const q = new URLSearchParams({ pageSize: '3' });
  if (unitId) q.set('unitId', String(unitId));
  const res = await getJson<PublicNewsList>(`/api/public/news?${q}`);
  if (!res.ok || res.body.items.length === 0) return;
  const items = res.body.items;
  const titleId = unitId ? 'unit-news-title' : 'news-strip-title';
  function render() {
    section.setAttribute('aria-labelledby', titleId);
    section.replaceChildren(
      el('h2', { id: titleId }, text(unitId ? 'unitStripTitle' : 'stripTitle')),
      el('ul', { class: 'news-strip-list' }, ...items.map((i) => card(i, 'h3'))),
      el(
        'p',
        {},
        el(
          'a',
          { href: unitId ? `/?news&unit=${unitId}` : '/?news' },
          text(unitId ? 'unitSeeAll' : 'seeAll'),
        ),
      ),
    );
  }
  render();
  subscribeLocale(() => render());
}
