import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { type caller, FULL_VALUES, type MeasureScenario, measureScenario } from '../measure-test-fixtures.js';

describe.each(testDialects())('measure analysis routes on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const url = (rest: string) => `/api/measure/periods/${periodId}${rest}`;

  let scenario: MeasureScenario;
  const enterAndApprove = (who: LoggedIn, unitId: number, values: object) =>
    scenario.enterAndApprove(who, unitId, values);

  // Every table a what-if could touch, in full: the sandbox must leave them exactly as they were.
  async function fingerprint() {
    const db = t.deps.db;
    return JSON.stringify([
      await db.selectFrom('measureValues').selectAll().orderBy('id').execute(),
      await db.selectFrom('measureSubmissions').selectAll().orderBy('id').execute(),
      await db.selectFrom('measureValueHistory').select('id').orderBy('id').execute(),
      await db.selectFrom('measureSnapshots').select('id').orderBy('id').execute(),
      await db.selectFrom('measureFrameworks').selectAll().orderBy('id').execute(),
      await db.selectFrom('auditLog').select('id').orderBy('id').execute(),
    ]);
  }

  beforeAll(async () => {
    scenario = await measureScenario(dialect, { now: '2026-03-20T02:00:00.000Z', period: { year: 2025 } });
    ({ t, call, units, secretariat, officerA, officerB, periodId } = scenario);
    // A: 15 + 36 + 10 + 20 = 81/100. B: 20 + 40 + 0 of 80 (C4 not applicable) = 0.75.
    await enterAndApprove(officerA, units.communeA, FULL_VALUES);
    await enterAndApprove(officerB, units.communeB, {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'none' },
      C4: { notApplicable: true },
    });
  });
  afterAll(async () => t.close());

  it('answers 401 when not signed in and 400 on malformed input', async () => {
    const whatIf = url(`/units/${units.communeB}/what-if`);
    expect((await call(null, 'POST', whatIf, { overrides: {} })).statusCode).toBe(401);
    expect((await call(null, 'GET', url('/robustness'))).statusCode).toBe(401);
    expect((await call(null, 'GET', url('/robustness/drop-one'))).statusCode).toBe(401);
    for (const body of [
      { overrides: { C1: { number: 'x' } } },
      { overrides: {}, extra: 1 },
      { overrides: {}, weights: { M1: -5 } },
      { overrides: { C2: { numerator: 60, denominator: 0 } } },
      { overrides: { NOPE: { number: 1 } } },
      { overrides: {}, weights: { NOPE: 10 } },
    ]) {
      const res = await call(officerB, 'POST', whatIf, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const unknown = await call(officerB, 'POST', whatIf, { overrides: { NOPE: { number: 1 } } });
    expect(unknown.json().errors ?? unknown.json().fieldErrors ?? unknown.body).toBeTruthy();
    expect(unknown.body).toContain('body.overrides.NOPE');
    expect((await call(secretariat, 'GET', url('/robustness?runs=5000'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', url('/robustness?spread=abc'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', '/api/measure/periods/x/robustness')).statusCode).toBe(400);
  });

  it('forbids an officer of another unit (403) and hides robustness from unit officers', async () => {
    const res = await call(officerA, 'POST', url(`/units/${units.communeB}/what-if`), { overrides: {} });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('0.75');
    expect((await call(officerA, 'GET', url('/robustness'))).statusCode).toBe(403);
    expect((await call(officerA, 'GET', url('/robustness/drop-one'))).statusCode).toBe(403);
  });

  it('shows the new score and rank of a what-if and writes nothing', async () => {
    const before = await fingerprint();
    const res = await call(officerB, 'POST', url(`/units/${units.communeB}/what-if`), {
      overrides: { C3: { choice: 'chair' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      unitId: units.communeB,
      peerCount: 2,
      before: { points: 60, applicableMax: 80, value: 0.75 },
      after: { points: 80, applicableMax: 80, value: 1 },
      deltaPoints: 20,
      deltaValue: 0.25,
      rankBefore: 2,
      rankAfter: 1,
      changedComponents: [{ code: 'C3', before: 0, after: 20 }],
    });
    // Weights: M2 (C3, C4) worth 80 instead of 40, peers re-scored with the same weights.
    const reweighted = await call(secretariat, 'POST', url(`/units/${units.communeA}/what-if`), {
      overrides: { C4: null },
      weights: { M2: 80 },
    });
    expect(reweighted.statusCode, reweighted.body).toBe(200);
    // A: C3 deputy = 20 of 40, C4 cleared = 0 of 40, M1 51 of 60 → 71/140.
    expect(reweighted.json().after.points).toBe(71);
    expect(reweighted.json().after.value).toBeCloseTo(71 / 140, 6);
    // B under the same weights: 60 of 60 + 0 of 40 (C3 none; C4 N/A) = 60/100 > 71/140.
    expect(reweighted.json()).toMatchObject({ rankBefore: 1, rankAfter: 2 });
    expect(await fingerprint()).toBe(before);
  });

  it('needs a published ranking, then gives deterministic rank intervals and leave-one-out', async () => {
    expect((await call(secretariat, 'GET', url('/robustness'))).statusCode).toBe(404);
    expect((await call(secretariat, 'POST', url('/publish'))).statusCode).toBe(201);
    const q = '/robustness?runs=300&spread=0.5&seed=7';
    const first = await call(secretariat, 'GET', url(q));
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body).toMatchObject({ runs: 300, spread: 0.5, seed: 7, level: 'mainIndex' });
    const byUnit = new Map(body.units.map((u: { unitId: number }) => [u.unitId, u]));
    expect(byUnit.get(units.communeA)).toMatchObject({ baseRank: 1, baseValue: 0.81, min: 1 });
    expect(byUnit.get(units.communeB)).toMatchObject({ baseRank: 2, baseValue: 0.75, max: 2 });
    for (const u of body.units) expect(u.min <= u.p5 && u.p5 <= u.median && u.median <= u.p95).toBe(true);
    expect((await call(secretariat, 'GET', url(q))).body).toBe(first.body);

    const drop = await call(secretariat, 'GET', url('/robustness/drop-one'));
    expect(drop.statusCode, drop.body).toBe(200);
    // Without C3, A has 71/80 and B 60/60: they swap. No other component changes the order.
    const [top, ...rest] = drop.json().components;
    expect(top).toMatchObject({ code: 'C3', maxAbsShift: 1, unitsMoved: 2 });
    expect(top.largestChanges).toEqual(
      expect.arrayContaining([
        { unitId: units.communeB, baseRank: 2, rank: 1, shift: 1 },
        { unitId: units.communeA, baseRank: 1, rank: 2, shift: -1 },
      ]),
    );
    expect(rest.map((c: { maxAbsShift: number }) => c.maxAbsShift)).toEqual([0, 0, 0]);
  });
});
