import type { PublicHome } from '../../../core/contracts/portal.js';
import { vietnamDate } from '../../../core/time/vietnam-date.js';
import { AppError } from '../../lib/errors.js';
import { PUBLIC_HEADLINE_KPIS, PUBLIC_HOME_RATE, PUBLIC_RANKING_TOP } from './portal.policy.js';
import type { HomeService, HomeServiceDeps } from './portal.types.js';

// The public portal's home: the province's headline figures and the entries to the ranking, the contests,
// citizen feedback and the community teams, each read through its module's own public face so the home says
// exactly what those pages say. One computed answer is shared by every caller for a short TTL (one computation
// runs at a time, and past the TTL callers get the last answer while the next is computed), so a burst of phones
// costs the database one round of reads and no caller waits for it but the first.

/** How long past its TTL a computed home may still be served while a fresh one is computed. */
const MAX_STALE_MS = 5 * 60_000;

export function createHomeService({
  repo,
  sources,
  clock,
  rateLimiter,
  ttlMs,
}: HomeServiceDeps): HomeService {
  let cached: { value: PublicHome; expiresAt: number } | null = null;
  let pending: Promise<PublicHome> | null = null;

  async function ranking(): Promise<PublicHome['ranking']> {
    const latest = (await sources.measure.publishedPeriods())[0];
    if (!latest) return null;
    const page = await sources.measure.rankingTop(latest.id, PUBLIC_RANKING_TOP);
    return {
      periodId: latest.id,
      periodName: latest.name,
      publishedAt: latest.publishedAt,
      unitCount: page.unitCount,
      top: page.units.map((u) => ({
        rank: u.rank,
        unitId: u.unitId,
        unitName: u.unitName,
        value: u.value,
        band: u.band?.name ?? null,
      })),
      link: `/?ranking=${latest.id}`,
    };
  }

  async function compute(): Promise<PublicHome> {
    const now = clock.now();
    const today = vietnamDate(now);
    const year = Number(today.slice(0, 4));
    const province = await repo.province(today);
    const [figures, rank, open, feedback, communes, community] = await Promise.all([
      province ? sources.kpis.publicFigures(province.id, [...PUBLIC_HEADLINE_KPIS], year) : [],
      ranking(),
      sources.contests.openContests(),
      sources.feedback.stats(year),
      sources.community.communes(),
      province ? sources.community.summary(province.id, year) : null,
    ]);
    const sum = (key: 'received' | 'answered' | 'onTime') => feedback.units.reduce((s, u) => s + u[key], 0);
    const answered = sum('answered');
    const onTime = sum('onTime');
    return {
      generatedAt: now.toISOString(),
      figures,
      ranking: rank,
      contests: {
        open: open.map((c) => ({ ...c, link: `/?contest=${encodeURIComponent(c.slug)}` })),
        asOf: today,
      },
      feedback: {
        year,
        received: sum('received'),
        answered,
        onTime,
        onTimeRate: answered === 0 ? null : Math.round((onTime / answered) * 1000) / 1000,
        asOf: today,
        link: '/?feedback',
      },
      community: {
        year,
        teams: community?.teams ?? 0,
        communes: communes.items,
        activities: community?.activities ?? 0,
        peopleReached: community?.people ?? 0,
        asOf: community?.asOf ?? today,
        link: '/?community',
      },
    };
  }

  return {
    async home(ip) {
      const hit = await rateLimiter.hit(
        `portal:home:ip:${ip}`,
        PUBLIC_HOME_RATE.max,
        PUBLIC_HOME_RATE.windowSeconds,
      );
      if (!hit.allowed)
        throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(hit.retryAfterSeconds) } });
      const t = clock.now().getTime();
      if (cached && cached.expiresAt > t) return cached.value;
      pending ??= compute()
        .then((value) => {
          cached = { value, expiresAt: clock.now().getTime() + ttlMs };
          return value;
        })
        .finally(() => {
          pending = null;
        });
      // Stale while revalidating: past its TTL, the last answer is still served (for a bounded while) as the
      // next one is computed, so no caller waits for the recomputation except the very first.
      if (cached && t - cached.expiresAt < MAX_STALE_MS) {
        pending.catch(() => undefined);
        return cached.value;
      }
      return pending;
    },
  };
}
