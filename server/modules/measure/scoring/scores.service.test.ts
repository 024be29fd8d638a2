import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { createMeasureServices } from '../measure.module.js';
import {
  type caller,
  enterAndSubmit,
  FULL_VALUES,
  measureScenario,
  testFramework,
} from '../measure-test-fixtures.js';
import { createPeriodsRepository } from '../periods/periods.repository.js';

// Stored contributions are derived data: what saves write incrementally must equal what rescorePeriod rebuilds
// from the raw values; the ranking aggregated from them must equal the engine's scores; and a process's cached
// sums must follow changes made by any other process.
describe.each(testDialects())('measure stored scores on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let frameworkId: number;
  let call: ReturnType<typeof caller>;
  // A second set of services over the same database: another process, with its own cache.
  let other: ReturnType<typeof createMeasureServices>;
  const base = (unitId: number) => `/api/measure/periods/${periodId}/units/${unitId}`;

  const contributions = () =>
    t.deps.db
      .selectFrom('measureComponentScores as c')
      .innerJoin('measureSubmissions as s', 's.id', 'c.submissionId')
      .select(['s.unitId', 'c.componentCode', 'c.mainIdx', 'c.pillarIdx', 'c.points', 'c.applicableMax'])
      .where('c.periodId', '=', periodId)
      .orderBy('s.unitId')
      .orderBy('c.componentCode')
      .execute();
  const liveUnits = async () => {
    const res = await call(
      secretariat,
      'GET',
      `/api/measure/periods/${periodId}/ranking?source=live&limit=500`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json().units as { unitId: number; points: number; value: number; rank: number }[];
  };
  const periodRow = async () => {
    const period = await createPeriodsRepository(t.deps.db).find(periodId);
    if (!period) throw new Error('period missing');
    return period;
  };
  const otherLive = async () =>
    (await other.results.compute(await periodRow())).units.map((u) => [u.unitId, u.points, u.rank]);

  beforeAll(async () => {
    ({ t, call, units, secretariat, officerA, officerB, periodId, frameworkId } = await measureScenario(
      dialect,
      {
        now: '2026-03-31T16:00:00.000Z',
        period: { year: 2025 },
      },
    ));
    other = createMeasureServices(t.deps);
  });
  afterAll(async () => t.close());

  it('writes every component’s contribution with each save, appraisal and approval', async () => {
    for (const [who, unitId, values] of [
      [officerA, units.communeA, FULL_VALUES],
      [
        officerB,
        units.communeB,
        {
          C1: { number: 4 },
          C2: { numerator: 50, denominator: 50 },
          C3: { choice: 'none' },
          C4: { notApplicable: true },
        },
      ],
    ] as const) {
      await enterAndSubmit(t, who, { periodId, unitId }, values);
    }
    const stored = await contributions();
    expect(stored.length).toBe(8);
    // Commune B marked C4 not applicable: it contributes nothing, not even to the maximum.
    expect(stored.find((r) => r.unitId === units.communeB && r.componentCode === 'C4')).toMatchObject({
      points: 0,
      applicableMax: 0,
    });
    // Appraised points override the engine's: C1 down to 10 points for commune A.
    const appraised = await call(secretariat, 'PUT', `${base(units.communeA)}/appraisal`, {
      components: { C1: { points: 10 } },
    });
    expect(appraised.statusCode, appraised.body).toBe(200);
    const c1 = (await contributions()).find((r) => r.unitId === units.communeA && r.componentCode === 'C1');
    expect(c1?.points).toBeCloseTo(10, 9);
    // Nothing is approved yet: the other process's cached ranking is empty, and must follow the approvals.
    expect(await otherLive()).toEqual([]);
    for (const unitId of [units.communeA, units.communeB]) {
      expect((await call(secretariat, 'POST', `${base(unitId)}/appraisal/approve`)).statusCode).toBe(200);
    }
    const live = await liveUnits();
    expect(live.map((u) => u.unitId).sort()).toEqual([units.communeA, units.communeB].sort());
    const a = live.find((u) => u.unitId === units.communeA);
    expect(a?.points).toBeCloseTo(appraised.json().appraisedScore.total.points, 6);
    expect(await otherLive()).toEqual(live.map((u) => [u.unitId, u.points, u.rank]));
  });

  it('rescorePeriod rebuilds the same contributions from the raw values, and the ranking does not change', async () => {
    const incremental = await contributions();
    const before = await liveUnits();
    const period = await periodRow();
    expect(await other.scores.rescorePeriod(period)).toBe(2);
    expect(await contributions()).toEqual(incremental);
    expect(await liveUnits()).toEqual(before);
    // Contributions removed behind the application's back are rebuilt by the next full aggregation.
    await t.deps.db.deleteFrom('measureComponentScores').where('periodId', '=', periodId).execute();
    const fresh = await other.results.compute(period, t.deps.db, { fresh: true });
    expect(fresh.units.map((u) => [u.unitId, u.points, u.rank])).toEqual(
      before.map((u) => [u.unitId, u.points, u.rank]),
    );
    expect(await contributions()).toEqual(incremental);
  });

  it('a change of the framework’s rules re-scores the period for every process', async () => {
    const before = await otherLive();
    const definition = testFramework();
    // C4 (yes/no) now worth 30 points instead of 20, and M2 worth 50.
    const m2 = definition.groups[0].mainIndices[1];
    m2.maxPoints = 50;
    m2.components[1].maxPoints = 30;
    definition.groups[0].maxPoints = 110;
    definition.maxPoints = 110;
    t.clock.advance(60_000);
    // The API never changes a framework a period uses (issue 8 #3): saving it makes a new version…
    const saved = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, { definition });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().createdNewVersion).toBe(true);
    // …so the rules change behind the application's back (a restore, a hand edit), which the stamp still sees.
    await t.deps.db
      .updateTable('measureFrameworks')
      .set({ definitionJson: JSON.stringify(definition), updatedAt: t.clock.now().toISOString() })
      .where('id', '=', frameworkId)
      .execute();
    const after = await liveUnits();
    const a = after.find((u) => u.unitId === units.communeA);
    const aBefore = before.find(([id]) => id === units.communeA);
    // Commune A answered yes to C4: 10 more points.
    expect(a?.points).toBeCloseTo(Number(aBefore?.[1]) + 10, 6);
    expect(await otherLive()).toEqual(after.map((u) => [u.unitId, u.points, u.rank]));
  });
});
