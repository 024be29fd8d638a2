// News, announcements and success stories of the standing agency (issue 14, "The public portal"): the kinds,
// the pillars an item is tagged with, the approval states, slugs and the plain-text body format. Pure: used by
// the server (validation, the Atom feed, Open Graph) and by both web entries.

export const NEWS_KINDS = ['news', 'announcement', 'story'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

/** The programme's pillars (Measure's main groups), plus the infrastructure and platforms that carry them. */
export const NEWS_PILLARS = ['government', 'economy', 'society', 'infrastructure'] as const;
export type NewsPillar = (typeof NEWS_PILLARS)[number];

/**
 * draft → pending (waiting for a second person) → published, or scheduled (published by the job at publishAt);
 * pending → draft when returned; published or scheduled → withdrawn; a withdrawn item edited is a draft again.
 */
export const NEWS_STATUSES = ['draft', 'pending', 'scheduled', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

type Texts = { vi: string; en: string };

export const NEWS_KIND_LABELS: Record<NewsKind, Texts> = {
  news: { vi: 'Tin tức', en: 'News' },
  announcement: { vi: 'Thông báo', en: 'Announcement' },
  story: { vi: 'Câu chuyện thành công', en: 'Success story' },
};

export const NEWS_PILLAR_LABELS: Record<NewsPillar, Texts> = {
  government: { vi: 'Chính quyền số', en: 'Digital government' },
  economy: { vi: 'Kinh tế số', en: 'Digital economy' },
  society: { vi: 'Xã hội số', en: 'Digital society' },
  infrastructure: { vi: 'Hạ tầng, nền tảng số', en: 'Infrastructure and platforms' },
};

export const NEWS_STATUS_LABELS: Record<NewsStatus, Texts> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  pending: { vi: 'Chờ duyệt', en: 'Waiting for approval' },
  scheduled: { vi: 'Hẹn giờ đăng', en: 'Scheduled' },
  published: { vi: 'Đã đăng', en: 'Published' },
  withdrawn: { vi: 'Đã gỡ', en: 'Withdrawn' },
};

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;

/** 'Tổ công nghệ số Sông Cầu: một năm!' → 'to-cong-nghe-so-song-cau-mot-nam' (ASCII, lowercase, dashes). */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, SLUG_MAX).replace(/-+$/g, '');
  return cut || 'tin';
}

/** A block of the body: a paragraph, or a list of items (lines starting with "- "). Never HTML. */
export type BodyBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * The body is plain text: paragraphs separated by a blank line, lines starting with "- " form a list. Every
 * consumer renders the blocks as text (DOM textContent, Atom type="text"), so markup typed by a person shows
 * as the characters it is.
 */
export function parseBody(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({ kind: 'list', items: lines.map((l) => l.slice(2).trim()) });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}
