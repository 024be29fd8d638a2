import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { createMeasureServices } from './measure.module.js';
import { caller, createOpenPeriod, DOC, FULL_VALUES } from './measure-test-fixtures.js';
import { createPeriodsRepository } from './periods.repository.js';

// Stored scores are derived data: what saves write incrementally must equal what recomputePeriod rebuilds from
// the raw values, and the live ranking read from them must equal the one computed before they existed.
describe.each(testDialects())('measure stored scores on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  let services: ReturnType<typeof createMeasureServices>;
  const base = (unitId: number) => `/api/measure/periods/${periodId}/units/${unitId}`;

  const storedRows = () =>
    t.deps.db
      .selectFrom('measureScores')
      .select(['unitId', 'points', 'applicableMax', 'value', 'bandCode', 'mainJson', 'pillarsJson'])
      .where('periodId', '=', periodId)
      .orderBy('unitId')
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

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    services = createMeasureServices(t.deps);
    units = await createUnitTree(t.deps.db);
    t.clock.set('2026-03-31T16:00:00.000Z');
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    ({ periodId } = await createOpenPeriod(t, secretariat, units.province, { year: 2025 }));
  });
  afterAll(async () => t.close());

  it('writes a unit’s score with each save, appraisal and approval', async () => {
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
      expect((await call(who, 'PUT', `${base(unitId)}/submission/values`, { values })).statusCode).toBe(200);
      await call(who, 'POST', `${base(unitId)}/submission/evidence`, { componentCode: 'C1', document: DOC });
      expect((await call(who, 'POST', `${base(unitId)}/submission/submit`)).statusCode).toBe(200);
    }
    expect((await storedRows()).map((r) => r.unitId)).toEqual(
      [units.communeA, units.communeB].sort((a, b) => a - b),
    );
    // Appraised points override the engine's: C1 down to 10 points for commune A.
    const appraised = await call(secretariat, 'PUT', `${base(units.communeA)}/appraisal`, {
      components: { C1: { points: 10 } },
    });
    expect(appraised.statusCode, appraised.body).toBe(200);
    const a = (await storedRows()).find((r) => r.unitId === units.communeA);
    expect(a?.points).toBeCloseTo(appraised.json().appraisedScore.total.points, 9);
    for (const unitId of [units.communeA, units.communeB]) {
      expect((await call(secretariat, 'POST', `${base(unitId)}/appraisal/approve`)).statusCode).toBe(200);
    }
    const live = await liveUnits();
    expect(live.map((u) => u.unitId).sort()).toEqual([units.communeA, units.communeB].sort());
    expect(live.find((u) => u.unitId === units.communeA)?.points).toBeCloseTo(a?.points ?? -1, 6);
  });

  it('recomputePeriod rebuilds the same scores from the raw values, and the ranking does not change', async () => {
    const incremental = await storedRows();
    const before = await liveUnits();
    await t.deps.db.deleteFrom('measureScores').where('periodId', '=', periodId).execute();
    // With no stored scores the live ranking rebuilds them first.
    expect(await liveUnits()).toEqual(before);
    const rebuilt = await storedRows();
    expect(rebuilt.length).toBe(incremental.length);
    rebuilt.forEach((r, i) => {
      const inc = incremental[i];
      expect(r.unitId).toBe(inc?.unitId);
      expect(r.points).toBeCloseTo(inc?.points ?? -1, 9);
      expect(r.applicableMax).toBeCloseTo(inc?.applicableMax ?? -1, 9);
      expect(r.value).toBeCloseTo(inc?.value ?? -1, 9);
      expect([r.bandCode, r.mainJson, r.pillarsJson]).toEqual([
        inc?.bandCode,
        inc?.mainJson,
        inc?.pillarsJson,
      ]);
    });
    // Called directly it replaces every stored score of the period, with the same numbers.
    const period = await createPeriodsRepository(t.deps.db).find(periodId);
    if (!period) throw new Error('period missing');
    expect(await services.scores.recomputePeriod(period)).toBe(2);
    expect((await storedRows()).map((r) => [r.unitId, r.mainJson])).toEqual(
      incremental.map((r) => [r.unitId, r.mainJson]),
    );
  });
});
