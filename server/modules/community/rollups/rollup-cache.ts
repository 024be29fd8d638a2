import { type Rollup, RollupSchema } from '../../../../core/contracts/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import type { Clock } from '../../../lib/clock.js';
import { createLru } from '../../../lib/lru.js';
import type { PublicCommunityService, RollupsService } from '../community.types.js';

// Roll-ups and the public communes list are read far more often than the registry changes (a province's
// dashboard, the portal). Each process keeps its last answers keyed by what they were computed from: the
// revision counters that triggers bump in the transaction of every write to the community tables and units
// (migration 2026-12-07-0300), plus the Vietnam date (a roll-up's "through month" and laggards move with it).
// So a write anywhere, in any process, is seen by the next read, with no messages to lose. Concurrent misses
// for one key share one computation. Access is still checked on every request, before the cache.

const REVISED = [
  'community_activities',
  'community_teams',
  'community_members',
  'community_targets',
  'units',
] as const;

export async function communityRevision(db: Executor): Promise<string> {
  const rows = await db
    .selectFrom('dataRevisions')
    .select(['name', 'revision'])
    .where('name', 'in', [...REVISED])
    .execute();
  const by = new Map(rows.map((r) => [r.name, Number(r.revision)]));
  return REVISED.map((t) => by.get(t) ?? 0).join('.');
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

export function cachedRollups(
  inner: RollupsService,
  deps: { db: Executor; guard: AccessGuard; clock: Clock },
): RollupsService {
  // The view and, once asked, its JSON checked against the response schema (a country's is 1.8 MB: checking and
  // serialising it on every request cost more than reading it).
  const cache = memo<{ view: Rollup; json?: string }>(64);
  async function entry(
    actor: Parameters<RollupsService['rollup']>[0],
    query: Parameters<RollupsService['rollup']>[1],
  ) {
    // Access first (401 → 403), exactly as the service would answer; the computation is the service's own.
    const { actor: allowed } = await deps.guard.forUnit(actor, 'community.read', query.unitId);
    const key = [
      query.unitId,
      query.year,
      query.throughMonth ?? '',
      vietnamDate(deps.clock.now()),
      await communityRevision(deps.db),
    ].join('|');
    return cache(key, async () => ({ view: await inner.rollup(allowed, query) }));
  }
  return {
    ...inner,
    async rollup(actor, query) {
      return (await entry(actor, query)).view;
    },
    async rollupJson(actor, query) {
      const e = await entry(actor, query);
      e.json ??= JSON.stringify(RollupSchema.parse(e.view));
      return e.json;
    },
  };
}

export function cachedPublicReads(
  inner: PublicCommunityService,
  deps: { db: Executor; clock: Clock },
): PublicCommunityService {
  const communes = memo<Awaited<ReturnType<PublicCommunityService['communes']>>>(4);
  return {
    ...inner,
    async communes() {
      return communes(await communityRevision(deps.db), () => inner.communes());
    },
  };
}
