import type { FastifyInstance } from 'fastify';

// Open Graph and page metadata for the client-rendered public page. A link shared on Zalo or Facebook is read
// by a crawler that runs no JavaScript, so the server puts the title, description and picture of e.g.
// `/?news=<slug>` into the HTML it serves for `/`. Modules register a provider on the app (the web plugin asks
// them in order); every value is escaped for an HTML attribute or text, so nothing a person typed becomes markup.

export type PageMeta = {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  /** Absolute URL of a picture, or null. */
  image: string | null;
  type: 'article' | 'website';
  /** Extra <link rel="alternate"> feeds. */
  feeds?: { title: string; href: string }[];
};

export type PageMetaProvider = (
  query: Record<string, unknown>,
  baseUrl: string,
) => Promise<PageMeta | null> | PageMeta | null;

const providers = new WeakMap<FastifyInstance, PageMetaProvider[]>();

/** Called by a module (with the root app) at registration. */
export function addPageMetaProvider(app: FastifyInstance, provider: PageMetaProvider): void {
  providers.set(app, [...(providers.get(app) ?? []), provider]);
}

/** The first provider's answer for this query, or null (the page is then served as built). */
export async function findPageMeta(
  app: FastifyInstance,
  query: Record<string, unknown>,
  baseUrl: string,
): Promise<PageMeta | null> {
  for (const provider of providers.get(app) ?? []) {
    const meta = await provider(query, baseUrl);
    if (meta) return meta;
  }
  return null;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML text and double- or single-quoted attributes (also the XML of an Atom feed). */
export function escapeHtml(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped (XML forbids them).
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c])
  );
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The built index.html with the page's title and description replaced and Open Graph / Twitter tags added
 * before </head>. The document's own tags are found by fixed patterns of our build, never by user input.
 */
export function injectPageMeta(html: string, meta: PageMeta): string {
  const title = escapeHtml(clip(meta.title, 200));
  const description = escapeHtml(clip(meta.description, 300));
  const tags = [
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta property="og:locale" content="vi_VN" />`,
    meta.image ? `<meta property="og:image" content="${escapeHtml(meta.image)}" />` : '',
    `<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}" />`,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
    ...(meta.feeds ?? []).map(
      (f) =>
        `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(f.title)}" href="${escapeHtml(f.href)}" />`,
    ),
  ]
    .filter(Boolean)
    .join('\n    ');
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${description}" />`,
    )
    .replace('</head>', () => `    ${tags}\n  </head>`);
}
