import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { createMemoryComputedCache } from '../../lib/computed-cache.js';
import { createMemoryRateLimiter } from '../../lib/rate-limiter.js';
import { isPublicHeadlineKpi, PUBLIC_HEADLINE_KPIS, PUBLIC_HOME_RATE } from './portal.policy.js';
import type { PortalRepository } from './portal.repository.js';
import { createHomeService } from './portal.service.js';
import type { PortalSources } from './portal.types.js';

// The home service on fake sources: what it asks each module, how it adds up, the shared cache and the limit.

function fakes(calls: string[]) {
  const sources: PortalSources = {
    kpis: {
      async publicFigures(unitId, codes, year) {
        calls.push(`kpis:${unitId}:${codes.length}:${year}`);
        return [
          {
            code: 'EDOC_SENT',
            nameVi: 'Văn bản điện tử',
            nameEn: 'E-documents',
            unitOfMeasure: 'văn bản',
            valueType: 'count',
            value: 3_334_900,
            year,
            asOf: '2026-11-30',
            source: 'api',
            unitsReporting: 1,
            target: null,
          },
        ];
      },
    },
    measure: {
      async publishedPeriods() {
        return [{ id: 7, name: 'Năm 2025', year: 2025, publishedAt: '2026-03-01T00:00:00.000Z' }];
      },
      async rankingTop(periodId, limit) {
        calls.push(`ranking:${periodId}:${limit}`);
        return {
          unitCount: 9,
          units: [{ rank: 1, unitId: 3, unitName: 'Sở A', value: 0.812, band: { code: 'A', name: 'Tốt' } }],
        } as never;
      },
      async publishedPeriod() {
        throw new Error('not used');
      },
    } as PortalSources['measure'],
    contests: { openContests: async () => [{ slug: 'thi-cds', title: 'Thi CĐS', participants: 42 }] },
    feedback: {
      stats: async (year) => ({
        year,
        units: [
          {
            unitName: 'A',
            received: 10,
            answered: 8,
            onTime: 6,
            onTimeRate: 0.75,
            rated: 0,
            satisfied: 0,
            satisfactionRate: null,
          },
          {
            unitName: 'B',
            received: 5,
            answered: 2,
            onTime: 2,
            onTimeRate: 1,
            rated: 0,
            satisfied: 0,
            satisfactionRate: null,
          },
        ],
      }),
    },
    community: {
      summary: async (root, year) => {
        calls.push(`community:${root}:${year}`);
        return { teams: 3, activities: 20, people: 400, asOf: '2026-12-06' };
      },
    },
  };
  const revision = { value: 'kpis:1' };
  const repo = {
    province: async () => ({ id: 1, name: 'Tỉnh' }),
    revisions: async () => revision.value,
  } as unknown as PortalRepository;
  return { sources, repo, revision };
}

describe('home service', () => {
  it("joins the modules' figures for the province and the current Vietnam year, with public links", async () => {
    const calls: string[] = [];
    const { sources, repo } = fakes(calls);
    // 23:30 UTC on 31 December is already 1 January in Vietnam.
    const clock = fixedClock('2025-12-31T23:30:00.000Z');
    const home = await createHomeService({
      repo,
      sources,
      clock,
      rateLimiter: createMemoryRateLimiter(),
      cache: createMemoryComputedCache(),
    }).home('1.2.3.4');
    expect(calls).toContain(`kpis:1:${PUBLIC_HEADLINE_KPIS.length}:2026`);
    expect(calls).toContain('community:1:2026');
    expect(calls).toContain('ranking:7:5');
    expect(home.ranking).toMatchObject({ periodId: 7, unitCount: 9, link: '/?ranking=7' });
    expect(home.ranking?.top[0]).toEqual({ rank: 1, unitId: 3, unitName: 'Sở A', value: 0.812, band: 'Tốt' });
    expect(home.contests.open).toEqual([
      { slug: 'thi-cds', title: 'Thi CĐS', participants: 42, link: '/?contest=thi-cds' },
    ]);
    expect(home.feedback).toMatchObject({
      year: 2026,
      received: 15,
      answered: 10,
      onTime: 8,
      onTimeRate: 0.8,
    });
    expect(home.community).toMatchObject({
      teams: 3,
      activities: 20,
      peopleReached: 400,
      link: '/?community',
    });
  });

  it('computes once per source revision and day however many callers, and limits one address', async () => {
    const calls: string[] = [];
    const { sources, repo, revision } = fakes(calls);
    const clock = fixedClock('2026-06-01T00:00:00.000Z');
    const service = createHomeService({
      repo,
      sources,
      clock,
      rateLimiter: createMemoryRateLimiter(() => clock.now().getTime()),
      cache: createMemoryComputedCache(16, () => clock.now().getTime()),
    });
    const kpiCalls = () => calls.filter((c) => c.startsWith('kpis')).length;
    await Promise.all(Array.from({ length: 20 }, (_, i) => service.home(`10.0.0.${i}`)));
    expect(kpiCalls()).toBe(1);
    const first = await service.home('10.0.1.0');
    clock.advance(60_000);
    expect(await service.home('10.0.1.1')).toEqual(first);
    expect(kpiCalls()).toBe(1);
    // A write to any source module bumps its revision: the next caller gets a fresh answer.
    revision.value = 'kpis:2';
    const fresh = await service.home('10.0.1.2');
    expect(fresh.generatedAt).toBe(clock.now().toISOString());
    expect(kpiCalls()).toBe(2);
    // A new Vietnam day (17:00 UTC is midnight in Vietnam) computes afresh too.
    clock.advance(17 * 3_600_000);
    await service.home('10.0.1.3');
    expect(kpiCalls()).toBe(3);
    for (let i = 0; i < PUBLIC_HOME_RATE.max - 1; i++) await service.home('10.9.9.9');
    await expect(service.home('10.9.9.9')).resolves.toBeTruthy();
    await expect(service.home('10.9.9.9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('portal policy', () => {
  it('publishes only the chosen headline KPIs', () => {
    expect(isPublicHeadlineKpi('EDOC_SENT')).toBe(true);
    expect(isPublicHeadlineKpi('FEEDBACK_SATISFACTION_RATE')).toBe(false);
    expect(isPublicHeadlineKpi('edoc_sent')).toBe(false);
  });
});
