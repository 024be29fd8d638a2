import { type Dashboard, DashboardSchema } from '../../../../core/contracts/dashboard.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { RevisedModule } from '../../../db/revisions.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { createBodyEncoder, createSingleFlight } from '../../../lib/computed-cache.js';
import { AppError } from '../../../lib/errors.js';
import { canReadDashboard } from '../dashboard.policy.js';
import type { OverviewCacheDeps, OverviewService } from '../dashboard.types.js';

// The dashboard computes each section through its module's services (≈ 0.7 s for a province), and a leader's
// figures change far less often than they are read. The answer is kept (as its checked JSON) under a key of
// everything it depends on: the area, the unit-type filter and the date; the viewer's scope (each role or
// token grant with its unit: sections are computed with the viewer as actor, so two viewers share an entry
// only when they hold the same grants, and no unit ever sees another's figures); and the revision of every
// source module (data_revisions counters bumped by triggers in the transaction of each write), so the next
// read after a write, in any process, computes afresh. Access is checked on every request, before the cache.

/** The modules whose tables the dashboard's figures are read from. */
export const DASHBOARD_SOURCES: readonly RevisedModule[] = [
  'units',
  'kpis',
  'measure',
  'steer',
  'contest',
  'feedback',
  'community',
];
/** Bounds memory and Redis only; correctness comes from the revisions in the key. */
const TTL_SECONDS = 600;

/** The viewer's grants in a stable order: what the sections' access rules depend on. */
export function scopeKeyOf(actor: Actor): string {
  const grants =
    actor.kind === 'user'
      ? actor.grants.map((g) => `${g.role}@${g.unitId}`)
      : actor.grants.map((g) => `${[...g.permissions].sort().join('+')}@${g.unitId}`);
  return `${actor.kind}:${[...new Set(grants)].sort().join(',')}`;
}

export function cachedOverview(
  inner: Pick<OverviewService, 'overview'>,
  deps: OverviewCacheDeps,
): OverviewService {
  const once = createSingleFlight(deps.cache, TTL_SECONDS);
  const encode = createBodyEncoder();

  async function keyed(actorIn: Actor | null, query: Parameters<OverviewService['overview']>[1]) {
    const signedIn = requireSignedIn(actorIn);
    const unitId = query.unitId ?? scopeRootsFor(signedIn, 'dashboard.read')[0];
    if (!unitId) throw new AppError('FORBIDDEN');
    // 401 → 403 exactly as the service answers (the guard's closure rows and rule, read in the same round trip
    // as the revisions); the computation on a miss checks again.
    const { revisions, ancestors } = await deps.repo.revisionsWithAncestors(DASHBOARD_SOURCES, unitId);
    if (!canReadDashboard(signedIn, ancestors)) throw new AppError('FORBIDDEN');
    const actor = signedIn;
    const asOf = query.asOf ?? vietnamDate(deps.clock.now());
    const resolved = { ...query, unitId, asOf };
    const key = ['dashboard:v1', unitId, query.unitKind, asOf, scopeKeyOf(actor), revisions].join('|');
    const json = await once(key, async () =>
      JSON.stringify(DashboardSchema.parse(await inner.overview(actor, resolved))),
    );
    return { key, json };
  }
  const json = async (actor: Actor | null, query: Parameters<OverviewService['overview']>[1]) =>
    (await keyed(actor, query)).json;

  return {
    async overview(actor, query): Promise<Dashboard> {
      return JSON.parse(await json(actor, query)) as Dashboard;
    },
    overviewJson: json,
    async overviewBody(actor, query) {
      const { key, json } = await keyed(actor, query);
      return encode(key, json);
    },
  };
}
