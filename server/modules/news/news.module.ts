import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { createAccessGuard } from '../../lib/access-guard.js';
import { addPageMetaProvider } from '../../lib/page-meta.js';
import { registerNewsCoverRoute, registerNewsItemsRoutes } from './items/items.routes.js';
import { createNewsItemsService } from './items/items.service.js';
import { createNewsRepository } from './news.repository.js';
import type { NewsModuleDeps } from './news.types.js';
import { registerPublicNewsRoutes } from './public/public.routes.js';
import { createPublicNewsService } from './public/public.service.js';

// News: the standing agency's news, announcements and success stories — drafts, a second person's approval,
// scheduled publishing (a job), withdrawal — shown on the portal with Open Graph tags and an Atom feed.
// Wiring only.

export const NEWS_PUBLISH_JOB = 'news.publish_due';

export function createNewsServices(deps: Pick<Deps, 'db' | 'audit' | 'clock' | 'files'>) {
  const repo = createNewsRepository(deps.db);
  const guard = createAccessGuard(deps.db);
  const base = { ...deps, repo, guard };
  return { repo, items: createNewsItemsService(base), publicReads: createPublicNewsService(base) };
}
export type NewsServices = ReturnType<typeof createNewsServices>;

export function registerNewsModule(app: FastifyInstance, deps: NewsModuleDeps) {
  const s = createNewsServices(deps);
  // Links in the feed and in Open Graph tags use the configured public address; the request's otherwise.
  const baseUrl = (fromRequest: string) => deps.config.publicUrl?.replace(/\/+$/, '') ?? fromRequest;
  deps.jobs.registerHandler(NEWS_PUBLISH_JOB, async () => {
    await s.items.publishDue();
  });
  addPageMetaProvider(app, async (query, fromRequest) => {
    const slug = query.news;
    if (typeof slug !== 'string' || !/^[a-z0-9-]{1,120}$/.test(slug)) return null;
    return s.publicReads.pageMeta(slug, baseUrl(fromRequest));
  });
  app.register(async (scope) => {
    registerNewsItemsRoutes(scope, s.items);
    registerPublicNewsRoutes(scope, s.publicReads, baseUrl);
  });
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: deps.config.uploadMaxBytes + 1, files: 1, fields: 2, parts: 3, fieldSize: 1024 },
    });
    registerNewsCoverRoute(scope, s.items, deps.config.uploadMaxBytes);
  });
}

/** Start-up hook: publish what fell due while the app was down, then check every minute. */
export async function startNewsJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(NEWS_PUBLISH_JOB, null, { jobId: 'news_publish_startup' });
  await deps.jobs.schedule(NEWS_PUBLISH_JOB, 60_000);
  return [];
}
