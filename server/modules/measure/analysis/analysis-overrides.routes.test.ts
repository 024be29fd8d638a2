import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import {
  approveSubmission,
  type caller,
  enterAndSubmit,
  FULL_VALUES,
  measureScenario,
} from '../measure-test-fixtures.js';

// The what-if sandbox and robustness score units as the ranking does: the appraiser's direct points count.

type Ranked = { unitId: number; value: number; peerRank: number };

describe.each(testDialects())('what-if and robustness honour appraised points on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let call: ReturnType<typeof caller>;
  const url = (rest: string) => `/api/measure/periods/${periodId}${rest}`;

  const enter = (who: LoggedIn, unitId: number, values: object) =>
    enterAndSubmit(t, who, { periodId, unitId }, values);
  const approve = (unitId: number) => approveSubmission(t, secretariat, { periodId, unitId });

  async function liveRanking(): Promise<Map<number, Ranked>> {
    const res = await call(secretariat, 'GET', url('/ranking?source=live&limit=500'));
    expect(res.statusCode, res.body).toBe(200);
    return new Map(res.json().units.map((u: Ranked) => [u.unitId, u]));
  }

  beforeAll(async () => {
    ({ t, call, units, secretariat, officerA, officerB, periodId } = await measureScenario(dialect, {
      now: '2026-03-20T02:00:00.000Z',
      period: { year: 2025 },
    }));
    // On values A = 15 + 36 + 10 + 20 = 81/100 leads B = 60/80 = 0.75; the appraiser gives A's C1 5 points
    // instead of 15 (value unchanged): A = 71/100 = 0.71, second.
    await enter(officerA, units.communeA, FULL_VALUES);
    const appraise = await call(secretariat, 'PUT', url(`/units/${units.communeA}/appraisal`), {
      components: { C1: { points: 5 } },
    });
    expect(appraise.statusCode, appraise.body).toBe(200);
    await approve(units.communeA);
    await enter(officerB, units.communeB, {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'none' },
      C4: { notApplicable: true },
    });
    await approve(units.communeB);
  });
  afterAll(async () => t.close());

  it('gives a what-if baseline equal to the unit’s live score and rank', async () => {
    const live = (await liveRanking()).get(units.communeA);
    expect(live).toMatchObject({ value: 0.71, peerRank: 2 });
    const res = await call(secretariat, 'POST', url(`/units/${units.communeA}/what-if`), { overrides: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      before: { points: 71, value: live?.value },
      after: { points: 71, value: live?.value },
      rankBefore: live?.peerRank,
      rankAfter: live?.peerRank,
      changedComponents: [],
    });
  });

  it('lets a what-if value replace the appraiser’s points on that component', async () => {
    // C1 = 4 meetings scores 20 by the rule: A = 86/100, first.
    const res = await call(secretariat, 'POST', url(`/units/${units.communeA}/what-if`), {
      overrides: { C1: { number: 4 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      before: { points: 71 },
      after: { points: 86, value: 0.86 },
      rankBefore: 2,
      rankAfter: 1,
      changedComponents: [{ code: 'C1', before: 5, after: 20 }],
    });
  });

  it('gives robustness and leave-one-out base ranks equal to the published ranking', async () => {
    expect((await call(secretariat, 'POST', url('/publish'))).statusCode).toBe(201);
    const ranking = await liveRanking();
    const rob = await call(secretariat, 'GET', url('/robustness?runs=50&spread=0&seed=1'));
    expect(rob.statusCode, rob.body).toBe(200);
    for (const u of rob.json().units as { unitId: number; baseRank: number; baseValue: number }[]) {
      expect([u.unitId, u.baseRank, u.baseValue]).toEqual([
        u.unitId,
        ranking.get(u.unitId)?.peerRank,
        ranking.get(u.unitId)?.value,
      ]);
    }
    expect(rob.json().units.find((u: { unitId: number }) => u.unitId === units.communeA)).toMatchObject({
      baseRank: 2,
      baseValue: 0.71,
    });
    // Without C1 A leads: 66/80 against B's 40/60.
    const drop = await call(secretariat, 'GET', url('/robustness/drop-one'));
    expect(drop.statusCode, drop.body).toBe(200);
    const c1 = drop.json().components.find((c: { code: string }) => c.code === 'C1');
    expect(c1.largestChanges).toEqual(
      expect.arrayContaining([{ unitId: units.communeA, baseRank: 2, rank: 1, shift: 1 }]),
    );
  });

  it('analyses the published values even after a value changed since', async () => {
    const sub = await t.deps.db
      .selectFrom('measureSubmissions')
      .select('id')
      .where('periodId', '=', periodId)
      .where('unitId', '=', units.communeA)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('measureValues')
      .set({ rawJson: JSON.stringify({ numerator: 0, denominator: 50 }) })
      .where('submissionId', '=', sub.id)
      .where('componentCode', '=', 'C2')
      .execute();
    const rob = await call(secretariat, 'GET', url('/robustness?runs=51&spread=0&seed=2'));
    expect(rob.statusCode, rob.body).toBe(200);
    expect(rob.json().units.find((u: { unitId: number }) => u.unitId === units.communeA)).toMatchObject({
      baseRank: 2,
      baseValue: 0.71,
    });
  });
});
