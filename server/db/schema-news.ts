import type { Generated } from 'kysely';
import type { NewsKind, NewsStatus } from '../../core/news/news.js';

// News items and the units they are about (migration 2026-12-07-0200-news).

export interface NewsItemsTable {
  id: Generated<number>;
  unitId: number;
  kind: NewsKind;
  title: string;
  slug: string;
  summary: string;
  body: string;
  /** JSON list of NewsPillar. */
  pillars: Generated<string>;
  coverFileId: number | null;
  status: NewsStatus;
  publishAt: string | null;
  publishedAt: string | null;
  authorId: number;
  submittedBy: number | null;
  approvedBy: number | null;
  returnNote: string | null;
  revision: Generated<number>;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface NewsItemUnitsTable {
  itemId: number;
  unitId: number;
}

export interface NewsTables {
  newsItems: NewsItemsTable;
  newsItemUnits: NewsItemUnitsTable;
}
