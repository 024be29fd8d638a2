import type { Readable } from 'node:stream';
import type {
  NewsCreate,
  NewsItem,
  NewsList,
  NewsListQuery,
  NewsSubmit,
  NewsUpdate,
  PublicNewsArticle,
  PublicNewsList,
  PublicNewsQuery,
} from '../../../core/contracts/news.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { FileRow } from '../../lib/file-store.js';
import type { PageMeta } from '../../lib/page-meta.js';
import type { NewsRepository } from './news.repository.js';

// The News module's public face (types only): what it needs from the container and what its services offer to
// routes, the job, the demo seed and the web plugin's Open Graph hook.

export type NewsModuleDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'config' | 'jobs' | 'files'>;

export type NewsServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'files'> & {
  repo: NewsRepository;
  guard: AccessGuard;
};

/** A stored cover picture ready for sendDownload. */
export type CoverFile = { file: FileRow; path: string; open: () => Readable };

export type NewsItemsService = {
  list(actor: Actor | null, query: NewsListQuery): Promise<NewsList>;
  get(actor: Actor | null, id: number): Promise<NewsItem>;
  create(ctx: AuditContext, input: NewsCreate): Promise<NewsItem>;
  /** Saves a draft (or a returned or withdrawn item, which becomes a draft again). */
  update(ctx: AuditContext, id: number, input: NewsUpdate): Promise<NewsItem>;
  /** Re-encodes the picture (resized, metadata stripped) and makes it the item's cover. */
  setCover(ctx: AuditContext, id: number, data: Buffer, name: string): Promise<NewsItem>;
  cover(actor: Actor | null, id: number): Promise<CoverFile>;
  submit(ctx: AuditContext, id: number, input: NewsSubmit): Promise<NewsItem>;
  /** A second person (never the author or the one who submitted) publishes it, or schedules it. */
  approve(ctx: AuditContext, id: number): Promise<NewsItem>;
  returnToAuthor(ctx: AuditContext, id: number, note: string): Promise<NewsItem>;
  withdraw(ctx: AuditContext, id: number, reason: string): Promise<NewsItem>;
  /** Publishes the scheduled items whose time has come; a second run finds nothing to do. */
  publishDue(): Promise<number>;
};

export type PublicNewsService = {
  list(query: PublicNewsQuery): Promise<PublicNewsList>;
  article(slug: string): Promise<PublicNewsArticle>;
  cover(slug: string): Promise<CoverFile>;
  /** The Atom 1.0 feed of the latest published items; `baseUrl` makes its links absolute. */
  atom(baseUrl: string): Promise<string>;
  /** Open Graph data of a published item for the public page `/?news=<slug>`, or null. */
  pageMeta(slug: string, baseUrl: string): Promise<PageMeta | null>;
};
