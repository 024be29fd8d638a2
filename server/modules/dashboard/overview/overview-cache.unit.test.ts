import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../../core/contracts/dashboard.js';
import type { Actor } from '../../../lib/actor.js';
import { fixedClock } from '../../../lib/clock.js';
import { createMemoryComputedCache } from '../../../lib/computed-cache.js';
import { AppError } from '../../../lib/errors.js';
import { cachedOverview, DASHBOARD_SOURCES, scopeKeyOf } from './overview-cache.js';

// The dashboard's cache on a fake computation: one computation per key however many callers, a new one after a
// write to each source module (its revision changes), per viewer scope, and access checked before the cache.

const user = (grants: { role: 'leader' | 'secretariat' | 'officer'; unitId: number }[]): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'a@b.vn',
  fullName: 'A',
  sessionId: 's',
  grants,
});

function setup() {
  const revs = new Map<string, number>(DASHBOARD_SOURCES.map((m) => [m, 0]));
  const computed: string[] = [];
  const clock = fixedClock('2026-06-15T02:00:00.000Z');
  const service = cachedOverview(
    {
      async overview(actor, query): Promise<Dashboard> {
        computed.push(`${query.unitId}:${scopeKeyOf(actor!)}`);
        return {
          scope: { unitId: query.unitId!, unitName: `U${query.unitId}`, unitKind: query.unitKind },
          asOf: query.asOf!,
          compareTo: '2026-05-16',
          kpis: [],
          measure: null,
          steer: null,
          contest: null,
          feedback: null,
          community: null,
        };
      },
    },
    {
      clock,
      cache: createMemoryComputedCache(64, () => clock.now().getTime()),
      repo: {
        revisionsWithAncestors: async (ms, unitId) => ({
          revisions: ms.map((m) => `${m}:${revs.get(m)}`).join('.'),
          // Unit 1 is the province, 2 and 3 its communes.
          ancestors: unitId === 1 ? [1] : [unitId, 1],
        }),
      },
    },
  );
  return { service, computed, revs };
}

describe('dashboard cache', () => {
  it('computes once for many callers and again after a write to each source module', async () => {
    const { service, computed, revs } = setup();
    const leader = user([{ role: 'leader', unitId: 1 }]);
    const q = { unitId: 1, unitKind: 'all' as const };
    await Promise.all(Array.from({ length: 10 }, () => service.overviewJson(leader, q)));
    expect(computed).toHaveLength(1);
    for (const [i, m] of DASHBOARD_SOURCES.entries()) {
      revs.set(m, (revs.get(m) ?? 0) + 1);
      await service.overviewJson(leader, q);
      await service.overviewJson(leader, q);
      expect(computed, m).toHaveLength(i + 2);
    }
    expect((await service.overview(leader, q)).scope.unitId).toBe(1);
  });

  it('keeps an entry per viewer scope and checks access before the cache', async () => {
    const { service, computed } = setup();
    const province = user([{ role: 'leader', unitId: 1 }]);
    const commune = user([{ role: 'leader', unitId: 2 }]);
    const q = { unitId: 2, unitKind: 'all' as const };
    await service.overviewJson(province, q);
    await service.overviewJson(commune, q);
    expect(computed).toEqual(['2:user:leader@1', '2:user:leader@2']);
    await expect(service.overviewJson(commune, { unitId: 3, unitKind: 'all' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.overviewJson(commune, { unitId: 1, unitKind: 'all' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.overviewJson(null, q)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // The same grants in another order are the same scope.
    expect(
      scopeKeyOf(
        user([
          { role: 'leader', unitId: 2 },
          { role: 'officer', unitId: 1 },
        ]),
      ),
    ).toBe(
      scopeKeyOf(
        user([
          { role: 'officer', unitId: 1 },
          { role: 'leader', unitId: 2 },
        ]),
      ),
    );
  });
});
