import { NEWS_KIND_LABELS } from '../../../../core/news/news.js';
import { escapeHtml } from '../../../lib/page-meta.js';
import type { NewsRow } from '../news.repository.js';

// The Atom 1.0 feed (RFC 4287) of the latest published items. Every text is escaped and sent as type="text", so
// what an author typed reaches a feed reader as characters, never as markup.

const x = escapeHtml;

export function atomFeed(rows: NewsRow[], baseUrl: string, updatedFallback: string): string {
  // ISO instants sort as text.
  const updated =
    rows
      .map((r) => r.updatedAt)
      .sort()
      .at(-1) ?? updatedFallback;
  const entries = rows.map((r) => {
    const link = `${baseUrl}/?news=${encodeURIComponent(r.slug)}`;
    return [
      '  <entry>',
      `    <id>${x(`${baseUrl}/news/${r.id}`)}</id>`,
      `    <title type="text">${x(r.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(link)}"/>`,
      `    <published>${x(r.publishedAt ?? r.updatedAt)}</published>`,
      `    <updated>${x(r.updatedAt)}</updated>`,
      `    <author><name>${x(r.unitName)}</name></author>`,
      `    <category term="${r.kind}" label="${x(NEWS_KIND_LABELS[r.kind].vi)}"/>`,
      `    <summary type="text">${x(r.summary)}</summary>`,
      `    <content type="text">${x(r.body)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${x(`${baseUrl}/api/public/news.atom`)}</id>`,
    '  <title type="text">Tin tức chuyển đổi số</title>',
    `  <updated>${x(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(`${baseUrl}/api/public/news.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(`${baseUrl}/?news`)}"/>`,
    '  <author><name>DXBoard</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
