import { type PublicHome, PublicHomeSchema } from '../../../core/contracts/portal.js';
import { vietnamDate } from '../../../core/time/vietnam-date.js';
import type { RevisedModule } from '../../db/revisions.js';
import { createBodyEncoder, createSingleFlight } from '../../lib/computed-cache.js';
import { AppError } from '../../lib/errors.js';
import { PUBLIC_HEADLINE_KPIS, PUBLIC_HOME_RATE, PUBLIC_RANKING_TOP } from './portal.policy.js';
import type { HomeService, HomeServiceDeps } from './portal.types.js';

// The public portal's home: the province's headline figures and the entries to the ranking, the contests,
// citizen feedback and the community teams, each read through its module's own public face so the home says
// exactly what those pages say. The answer (its checked JSON) is cached under the Vietnam date and the revision
// of every source module (data_revisions counters that triggers bump in the transaction of each write), so a
// burst of phones costs the database one round of reads plus one small read per request, and the first request
// after any write, in any process, sees it. One computation per key runs at a time in a process.

/** Bounds memory and Redis only; correctness comes from the revisions in the key. */
const TTL_SECONDS = 600;

/** The modules whose tables the home's figures are read from. */
export const HOME_SOURCES: readonly RevisedModule[] = [
  'units',
  'kpis',
  'measure',
  'contest',
  'feedback',
  'community',
];

export function createHomeService({
  repo,
  sources,
  clock,
  rateLimiter,
  cache,
}: HomeServiceDeps): HomeService {
  const once = createSingleFlight(cache, TTL_SECONDS);
  const encode = createBodyEncoder();

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
    const [figures, rank, open, feedback, community] = await Promise.all([
      province ? sources.kpis.publicFigures(province.id, [...PUBLIC_HEADLINE_KPIS], year) : [],
      ranking(),
      sources.contests.openContests(),
      sources.feedback.stats(year),
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
        activities: community?.activities ?? 0,
        peopleReached: community?.people ?? 0,
        asOf: community?.asOf ?? today,
        link: '/?community',
      },
    };
  }

  async function keyed(ip: string): Promise<{ key: string; json: string }> {
    const hit = await rateLimiter.hit(
      `portal:home:ip:${ip}`,
      PUBLIC_HOME_RATE.max,
      PUBLIC_HOME_RATE.windowSeconds,
    );
    if (!hit.allowed)
      throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(hit.retryAfterSeconds) } });
    const key = `home:v1|${vietnamDate(clock.now())}|${await repo.revisions(HOME_SOURCES)}`;
    return {
      key,
      json: await once(key, async () => JSON.stringify(PublicHomeSchema.parse(await compute()))),
    };
  }
  const json = async (ip: string) => (await keyed(ip)).json;

  return {
    async home(ip) {
      return JSON.parse(await json(ip)) as PublicHome;
    },
    homeJson: json,
    async homeBody(ip) {
      const { key, json } = await keyed(ip);
      return encode(key, json);
    },
  };
}
