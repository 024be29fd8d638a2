import { pageOfRollup } from '../../../../core/community/rollup.js';
import { PublicCommunesSchema, type Rollup, RollupSchema } from '../../../../core/contracts/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor, Reader } from '../../../db/executor.js';
import { moduleRevisions, type RevisedModule, revisionsWithAncestors } from '../../../db/revisions.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { canOnUnit } from '../../../lib/actor.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import type { PublicCommunityService, RollupRequest, RollupsService } from '../community.types.js';

// Roll-ups and the public communes list are read far more often than the registry changes (a province's
// dashboard, the portal). Each process keeps its last answers keyed by what they were computed from: the
// revision counters that triggers bump in the transaction of every write to the community tables and units
// (migrations 2026-12-06-0510, 2026-12-07-0300), plus the Vietnam date (a roll-up's "through month" and laggards move with it).
// So a write anywhere, in any process, is seen by the next read, with no messages to lose. Concurrent misses
// for one key share one computation. Access is still checked on every request, before the cache.

/** What a roll-up and the public list are read from (data_revisions counters of their tables). */
const SOURCES: readonly RevisedModule[] = ['units', 'community'];

export function communityRevision(db: Reader): Promise<string> {
  return moduleRevisions(db, SOURCES);
}

function memo<V>(capacity: number) {
  const done = createLru<V>(capacity);
  const running = new Map<string, Promise<V>>();
  return async (key: string, compute: () => Promise<V>): Promise<V> => {
    const hit = done.get(key);
    if (hit !== undefined) return hit;
    const inFlight = running.get(key);
    if (inFlight) return inFlight;
    const p = compute().then(
      (v) => {
        done.set(key, v);
        running.delete(key);
        return v;
      },
      (e) => {
        running.delete(key);
        throw e;
      },
    );
    running.set(key, p);
    return p;
  };
}

export function cachedRollups(inner: RollupsService, deps: { db: Executor; clock: Clock }): RollupsService {
  // The whole view (every commune and laggard) is computed once per key; each page asked of it is sliced from
  // it and, once asked as JSON, checked against the response schema and encoded once (a country's whole view
  // is 1.9 MB: checking and serialising it on every request cost more than reading it).
  const cache = memo<{ view: Rollup; pages: Map<string, { json: string; body?: Buffer }> }>(64);
  async function entry(actor: Parameters<RollupsService['rollup']>[0], query: RollupRequest) {
    // Access first (401 → 403), exactly as the guard answers (the same closure rows, the same rule), read in
    // the same round trip as the revisions; a miss computes through the service, which checks again.
    const signedIn = requireSignedIn(actor);
    const { revisions, ancestors } = await revisionsWithAncestors(deps.db, SOURCES, query.unitId);
    if (!canOnUnit(signedIn, 'community.read', ancestors)) throw new AppError('FORBIDDEN');
    const key = [
      query.unitId,
      query.year,
      query.throughMonth ?? '',
      vietnamDate(deps.clock.now()),
      revisions,
    ].join('|');
    const whole = { unitId: query.unitId, year: query.year, throughMonth: query.throughMonth };
    return cache(key, async () => ({ view: await inner.rollup(signedIn, whole), pages: new Map() }));
  }
  function paged(view: Rollup, query: RollupRequest): Rollup {
    if (query.offset === undefined && query.limit === undefined) return view;
    return pageOfRollup(view, query.offset ?? 0, query.limit ?? view.page.limit);
  }
  async function json(actor: Parameters<RollupsService['rollup']>[0], query: RollupRequest) {
    const e = await entry(actor, query);
    const pageKey = `${query.offset ?? ''}|${query.limit ?? ''}`;
    let page = e.pages.get(pageKey);
    if (!page) {
      page = { json: JSON.stringify(RollupSchema.parse(paged(e.view, query))) };
      // A few pages per view are kept (people page forward through a list, not at random).
      if (e.pages.size >= 16) e.pages.delete(e.pages.keys().next().value as string);
      e.pages.set(pageKey, page);
    }
    return page;
  }
  return {
    ...inner,
    async rollup(actor, query) {
      return paged((await entry(actor, query)).view, query);
    },
    async rollupJson(actor, query) {
      return (await json(actor, query)).json;
    },
    async rollupBody(actor, query) {
      const page = await json(actor, query);
      page.body ??= Buffer.from(page.json, 'utf8');
      return page.body;
    },
  };
}

export function cachedPublicReads(
  inner: PublicCommunityService,
  deps: { db: Executor; clock: Clock },
): PublicCommunityService {
  // The list (3,321 communes, ~140 kB) and its checked JSON's bytes: serialising it on every request of the
  // public page cost more than reading the revisions.
  type List = Awaited<ReturnType<PublicCommunityService['communes']>>;
  const communes = memo<{ list: List; body?: Buffer }>(4);
  const entry = async () =>
    communes(await communityRevision(deps.db), async () => ({ list: await inner.communes() }));
  return {
    ...inner,
    async communes() {
      return (await entry()).list;
    },
    async communesBody() {
      const e = await entry();
      e.body ??= Buffer.from(JSON.stringify(PublicCommunesSchema.parse(e.list)), 'utf8');
      return e.body;
    },
  };
}
