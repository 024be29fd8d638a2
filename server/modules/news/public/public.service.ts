import type { PublicNewsCard } from '../../../../core/contracts/news.js';
import { NEWS_KIND_LABELS } from '../../../../core/news/news.js';
import { notFound } from '../../../lib/errors.js';
import { type NewsRepository, type NewsRow, pillarsOf } from '../news.repository.js';
import type { NewsServiceDeps, PublicNewsService } from '../news.types.js';
import { atomFeed } from './atom.js';
import '../news.messages.js';

// The portal's reads: published items only (a draft, a pending, scheduled or withdrawn item is a 404 to
// everyone here), their cover pictures, the Atom feed and the Open Graph data of a shared link. Nothing personal:
// an item names its publishing unit and the units it is about, never its author.

const FEED_SIZE = 30;

export function createPublicNewsService(
  deps: Pick<NewsServiceDeps, 'files' | 'clock'> & { repo: NewsRepository },
): PublicNewsService {
  const { repo, files, clock } = deps;

  const coverUrl = (row: NewsRow) =>
    row.coverFileId ? `/api/public/news/${encodeURIComponent(row.slug)}/cover` : null;

  function card(row: NewsRow, units: { id: number; name: string }[]): PublicNewsCard {
    return {
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      pillars: pillarsOf(row),
      publishedAt: row.publishedAt ?? row.updatedAt,
      coverUrl: coverUrl(row),
      publisher: row.unitName,
      units,
    };
  }

  async function published(slug: string) {
    const row = await repo.findPublishedBySlug(slug);
    if (!row) throw notFound('news.not_found');
    return row;
  }

  return {
    async list(query) {
      const { rows, total } = await repo.listPublished({
        kind: query.kind,
        pillar: query.pillar,
        unitId: query.unitId,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      const units = await repo.taggedUnits(rows.map((r) => r.id));
      return {
        items: rows.map((r) => card(r, units.get(r.id) ?? [])),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async article(slug) {
      const row = await published(slug);
      const units = (await repo.taggedUnits([row.id])).get(row.id) ?? [];
      return { ...card(row, units), body: row.body };
    },

    async cover(slug) {
      const row = await published(slug);
      const file = row.coverFileId ? await files.get(row.coverFileId) : undefined;
      if (!file) throw notFound('news.no_cover');
      return { file, path: files.pathOf(file), open: () => files.open(file) };
    },

    async atom(baseUrl) {
      const { rows } = await repo.listPublished({ limit: FEED_SIZE, offset: 0 });
      return atomFeed(rows, baseUrl, clock.now().toISOString());
    },

    async pageMeta(slug, baseUrl) {
      const row = await repo.findPublishedBySlug(slug);
      if (!row) return null;
      const image = coverUrl(row);
      return {
        title: row.title,
        description: `${NEWS_KIND_LABELS[row.kind].vi} · ${row.unitName}: ${row.summary}`,
        url: `${baseUrl}/?news=${encodeURIComponent(row.slug)}`,
        image: image ? `${baseUrl}${image}` : null,
        type: 'article',
        feeds: [{ title: 'Tin tức chuyển đổi số', href: `${baseUrl}/api/public/news.atom` }],
      };
    },
  };
}
