import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, createOpenPeriod, enterAndApprove, FULL_VALUES } from '../measure-test-fixtures.js';

// Old structure: communes A (0.81) and B (0.75) merge into the new commune A; the new B has no predecessor.
describe.each(testDialects())('measure history across reorganisation on %s', (dialect) => {
  let t: TestApp;
  let oldTree: UnitTree;
  let newTree: UnitTree;
  let secretariat: LoggedIn;
  let officerNewA: LoggedIn;
  let officerNewB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const ranking = (q: string) => `/api/measure/periods/${periodId}/ranking-in-structure${q}`;
  const history = (unitId: number, q = '') => `/api/measure/units/${unitId}/history${q}`;

  // The province's secretariat enters for the old communes (they have no officers) and approves.
  const enterApproved = (unitId: number, values: object) =>
    enterAndApprove(t, { officer: secretariat, appraiser: secretariat }, { periodId, unitId }, values);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    const db = t.deps.db;
    oldTree = await createUnitTree(db, { structureName: '2025-03-01' });
    newTree = await createUnitTree(db);
    await db
      .insertInto('unitLineage')
      .values(
        [oldTree.communeA, oldTree.communeB].map((fromUnitId) => ({
          fromUnitId,
          toUnitId: newTree.communeA,
          kind: 'full' as const,
          share: 1,
          shareBasis: null,
          effectiveDate: '2025-07-01',
          note: null,
        })),
      )
      .execute();
    await db
      .insertInto('unitHeadcounts')
      .values([
        { unitId: oldTree.communeA, metric: 'population', asOf: '2024-12-31', value: 3000, source: 'manual' },
        { unitId: oldTree.communeB, metric: 'population', asOf: '2024-12-31', value: 1000, source: 'manual' },
      ])
      .execute();
    t.clock.set('2026-03-20T02:00:00.000Z');
    secretariat = await loginAs(t, { role: 'secretariat', unitId: oldTree.province });
    officerNewA = await loginAs(t, { role: 'officer', unitId: newTree.communeA });
    officerNewB = await loginAs(t, { role: 'officer', unitId: newTree.communeB });
    ({ periodId } = await createOpenPeriod(t, secretariat, oldTree.province, { year: 2024 }));
    await enterApproved(oldTree.communeA, FULL_VALUES);
    await enterApproved(oldTree.communeB, {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'none' },
      C4: { notApplicable: true },
    });
  });
  afterAll(async () => t.close());

  it('answers 401, 400 and 404 before anything is shown', async () => {
    expect((await call(null, 'GET', ranking(`?structure=${newTree.structureId}`))).statusCode).toBe(401);
    expect((await call(null, 'GET', history(newTree.communeA))).statusCode).toBe(401);
    expect((await call(secretariat, 'GET', ranking(''))).statusCode).toBe(400);
    expect(
      (await call(secretariat, 'GET', ranking(`?structure=${newTree.structureId}&rule=median`))).statusCode,
    ).toBe(400);
    expect((await call(secretariat, 'GET', ranking('?structure=-1'))).statusCode).toBe(400);
    expect((await call(officerNewA, 'GET', history(newTree.communeA, '?weight=cats'))).statusCode).toBe(400);
    expect((await call(officerNewA, 'GET', '/api/measure/units/abc/history')).statusCode).toBe(400);
    // Not published yet.
    expect((await call(secretariat, 'GET', ranking(`?structure=${newTree.structureId}`))).statusCode).toBe(
      404,
    );
  });

  it('re-expresses the 2024 ranking in the new structure by mean or headcount weights, never a sum', async () => {
    expect((await call(secretariat, 'POST', `/api/measure/periods/${periodId}/publish`)).statusCode).toBe(
      201,
    );
    expect((await call(secretariat, 'GET', ranking('?structure=999999'))).statusCode).toBe(404);
    const mean = await call(secretariat, 'GET', ranking(`?structure=${newTree.structureId}`));
    expect(mean.statusCode, mean.body).toBe(200);
    expect(mean.json()).toMatchObject({ rule: 'mean', weight: null, structureId: newTree.structureId });
    expect(mean.json().units).toHaveLength(1);
    const [merged] = mean.json().units;
    expect(merged).toMatchObject({ unitId: newTree.communeA, value: 0.78, rank: 1 });
    expect(
      merged.predecessors.map((p: { unitId: number; value: number }) => [p.unitId, p.value]).sort(),
    ).toEqual(
      [
        [oldTree.communeA, 0.81],
        [oldTree.communeB, 0.75],
      ].sort(),
    );
    // M1 (60 max): A 51/60 = 0.85, B 60/60 = 1 → 0.925.
    expect(merged.mainIndices.find((m: { code: string }) => m.code === 'M1').value).toBe(0.925);
    const weighted = await call(
      secretariat,
      'GET',
      ranking(`?structure=${newTree.structureId}&rule=weighted`),
    );
    expect(weighted.json().units[0].value).toBe(0.795);
    expect(weighted.json().weight).toBe('population');
    // Values on the 0–1 scale are never summed.
    const sum = await call(secretariat, 'GET', ranking(`?structure=${newTree.structureId}&rule=sum`));
    expect(sum.statusCode).toBe(400);
    // The stored snapshot is unchanged: the period's own ranking still has the two old communes.
    const own = await call(secretariat, 'GET', `/api/measure/periods/${periodId}/ranking`);
    expect(
      own
        .json()
        .units.map((u: { unitId: number }) => u.unitId)
        .sort(),
    ).toEqual([oldTree.communeA, oldTree.communeB].sort());
  });

  it('gives today’s unit its history through its predecessors, and 403 to another unit’s officer', async () => {
    const res = await call(officerNewA, 'GET', history(newTree.communeA));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().periods).toHaveLength(1);
    expect(res.json().periods[0]).toMatchObject({ periodId, year: 2024, direct: false, value: 0.78 });
    expect(res.json().periods[0].contributors).toHaveLength(2);
    const weighted = await call(officerNewA, 'GET', history(newTree.communeA, '?rule=weighted'));
    expect(weighted.json().periods[0].value).toBe(0.795);
    const other = await call(officerNewB, 'GET', history(newTree.communeA));
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain('0.78');
    expect((await call(officerNewA, 'GET', ranking(`?structure=${newTree.structureId}`))).statusCode).toBe(
      403,
    );
    const none = await call(officerNewB, 'GET', history(newTree.communeB));
    expect(none.json().periods).toEqual([]);
  });
});
