import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithGrant, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import {
  caller,
  createOpenPeriod,
  enterAndApprove,
  enterAndSubmit,
  FULL_VALUES,
  testFramework,
} from '../measure-test-fixtures.js';

// Issue 10, "History across the reorganisation (correctness)". Two old provinces P and Q (structure 2025-03-01)
// merge into N (2025-07-01): P's commune A goes whole into N's A; P's commune B is split 0.6 into N's A and, with
// no recorded share, into N's B (assumed: the 0.4 left); Q's communes both go into N's B. Population is known
// for P's communes only.
const LOW = {
  C1: { number: 4 },
  C2: { numerator: 50, denominator: 50 },
  C3: { choice: 'none' },
  C4: { notApplicable: true },
};

type Unit = {
  unitId: number;
  value: number | null;
  rank: number | null;
  predecessors: { unitId: number; share: number; shareAssumed: boolean }[];
  coverage: { total: number; used: number; shareCovered: number; weightUsed: number | null };
  treatment: string;
};

describe.each(testDialects())('history across the reorganisation, correctness, on %s', (dialect) => {
  let t: TestApp;
  let call: ReturnType<typeof caller>;
  let p: UnitTree;
  let q: UnitTree;
  let n: UnitTree;
  let reader: LoggedIn;
  let admin: LoggedIn;
  let periodP: number;
  let periodQ: number;
  let periodOther: number;
  let period2025: number;
  let frameworkId: number;
  let splitLink: number;

  const ranking = (query: string) =>
    call(
      reader,
      'GET',
      `/api/measure/periods/${periodP}/ranking-in-structure?structure=${n.structureId}${query}`,
    );
  const unitOf = (body: { units: Unit[] }, id: number) => body.units.find((u) => u.unitId === id)!;
  const approve = (periodId: number, unitId: number, values: object) =>
    enterAndApprove(t, { officer: reader, appraiser: reader }, { periodId, unitId }, values);
  const newPeriod = async (name: string, year: number, rootUnitId: number, fw = frameworkId) => {
    const res = await call(reader, 'POST', '/api/measure/periods', {
      name,
      year,
      frameworkId: fw,
      rootUnitId,
      unitKinds: ['commune', 'ward'],
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    await call(reader, 'POST', `/api/measure/periods/${res.json().id}/open`);
    return res.json().id as number;
  };
  const publish = async (id: number) =>
    expect((await call(reader, 'POST', `/api/measure/periods/${id}/publish`)).statusCode).toBe(201);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    const db = t.deps.db;
    p = await createUnitTree(db, { structureName: '2025-03-01' });
    q = await createUnitTree(db, { structureName: '2025-03-01' });
    n = await createUnitTree(db);
    const link = (fromUnitId: number, toUnitId: number, kind: 'full' | 'partial', share: number | null) => ({
      fromUnitId,
      toUnitId,
      kind,
      share,
      shareBasis: share === null ? null : 'population',
      effectiveDate: '2025-07-01',
      note: null,
    });
    await db
      .insertInto('unitLineage')
      .values([
        link(p.province, n.province, 'full', null),
        link(q.province, n.province, 'full', null),
        link(p.communeA, n.communeA, 'full', null),
        link(p.communeB, n.communeA, 'partial', 0.6),
        link(p.communeB, n.communeB, 'partial', null),
        link(q.communeA, n.communeB, 'full', null),
        link(q.communeB, n.communeB, 'full', null),
      ])
      .execute();
    splitLink = (
      await db
        .selectFrom('unitLineage')
        .select('id')
        .where('fromUnitId', '=', p.communeB)
        .where('toUnitId', '=', n.communeA)
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('unitHeadcounts')
      .values([
        { unitId: p.communeA, metric: 'population', asOf: '2024-12-31', value: 3000, source: 'manual' },
        { unitId: p.communeB, metric: 'population', asOf: '2024-12-31', value: 1000, source: 'manual' },
      ])
      .execute();
    t.clock.set('2026-03-20T02:00:00.000Z');
    const { email } = await createUserWithGrant(t, { role: 'secretariat', unitId: q.province });
    await createUserWithGrant(t, { role: 'secretariat', unitId: n.province, email });
    reader = await loginAs(t, { role: 'secretariat', unitId: p.province, email });
    admin = await loginAs(t, { role: 'admin', unitId: p.province });
    ({ periodId: periodP, frameworkId } = await createOpenPeriod(t, reader, p.province, { year: 2024 }));
    periodQ = await newPeriod('Đánh giá 2024 Q', 2024, q.province);
    await approve(periodP, p.communeA, FULL_VALUES);
    await approve(periodP, p.communeB, LOW);
    await approve(periodQ, q.communeA, LOW);
    await approve(periodQ, q.communeB, LOW);
    // Another framework family on today's province, published before the 2025 period of the family.
    ({ periodId: periodOther } = await createOpenPeriod(t, reader, n.province, {
      year: 2025,
      definition: testFramework({ code: 'KHAC', name: 'Bộ chỉ số khác' }),
    }));
    await approve(periodOther, n.communeA, LOW);
    await approve(periodOther, n.communeB, FULL_VALUES);
    period2025 = await newPeriod('Đánh giá 2025', 2025, n.province);
    await approve(period2025, n.communeA, FULL_VALUES);
    await enterAndSubmit(t, reader, { periodId: period2025, unitId: n.communeB }, FULL_VALUES);
    for (const id of [periodP, periodQ, periodOther, period2025]) await publish(id);
  });
  afterAll(async () => t.close());

  it('sees a changed headcount and a changed share at once, whoever wrote them', async () => {
    const before = await ranking('&rule=weighted');
    expect(before.statusCode, before.body).toBe(200);
    // A: (0.81 × 1 × 3000 + 0.75 × 0.6 × 1000) ÷ (3000 + 600) = 0.8
    expect(unitOf(before.json(), n.communeA).value).toBe(0.8);
    const put = await call(admin, 'PUT', `/api/units/${p.communeB}/headcounts`, {
      headcounts: [{ metric: 'population', asOf: '2024-12-31', value: 3000 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await ranking('&rule=weighted');
    // (2430 + 0.75 × 0.6 × 3000) ÷ (3000 + 1800) = 0.7875
    expect(unitOf(after.json(), n.communeA).value).toBe(0.7875);
    // A share written outside the API (an import, another process): the next read sees it too.
    await t.deps.db.updateTable('unitLineage').set({ share: 0.2 }).where('id', '=', splitLink).execute();
    const again = await ranking('&rule=weighted');
    // (2430 + 0.75 × 0.2 × 3000) ÷ (3000 + 600) = 0.8
    expect(unitOf(again.json(), n.communeA).value).toBe(0.8);
    await t.deps.db.updateTable('unitLineage').set({ share: 0.6 }).where('id', '=', splitLink).execute();
  });

  it('reports coverage and lets the caller choose what a missing headcount does', async () => {
    const withQ = `&with=${periodQ}&rule=weighted`;
    const flagged = unitOf((await ranking(withQ)).json(), n.communeB);
    // B's predecessors: P's B (0.4 assumed, 3000 people), Q's A and B (no headcount).
    expect(flagged.coverage).toMatchObject({ total: 3, used: 1, weightUsed: 1200 });
    expect(flagged.coverage.shareCovered).toBeCloseTo(0.4 / 2.4, 5);
    expect(flagged).toMatchObject({ treatment: 'flagged', value: 0.75 });
    const mean = unitOf((await ranking(`${withQ}&missing=mean`)).json(), n.communeB);
    expect(mean.treatment).toBe('fallback_mean');
    expect(mean.value).toBe(0.75);
    const excluded = await ranking(`${withQ}&missing=exclude`);
    expect(unitOf(excluded.json(), n.communeB)).toMatchObject({
      treatment: 'excluded',
      value: null,
      rank: null,
    });
    expect(unitOf(excluded.json(), n.communeA)).toMatchObject({ treatment: 'complete', rank: 1 });
    expect((await ranking('&missing=sometimes')).statusCode).toBe(400);
  });

  it('never reports an assumed share as real, refuses sums of 0–1 values and pools points', async () => {
    const mean = (await ranking('')).json();
    const shares = (id: number) =>
      unitOf(mean, id)
        .predecessors.map((x) => [x.unitId, x.share, x.shareAssumed])
        .sort();
    expect(shares(n.communeA)).toEqual(
      [
        [p.communeA, 1, false],
        [p.communeB, 0.6, false],
      ].sort(),
    );
    expect(shares(n.communeB)).toEqual([[p.communeB, 0.4, true]]);
    const sum = await call(
      reader,
      'GET',
      `/api/measure/periods/${periodP}/ranking-in-structure?structure=${n.structureId}&rule=sum`,
      undefined,
    );
    expect(sum.statusCode).toBe(400);
    expect(sum.body).toContain('0–1');
    const own = (await call(reader, 'GET', `/api/measure/periods/${periodP}/ranking`)).json().units as {
      unitId: number;
      points: number;
      applicableMax: number;
    }[];
    const [a, b] = [p.communeA, p.communeB].map((id) => own.find((u) => u.unitId === id)!);
    const pooled = unitOf((await ranking('&rule=pooled')).json(), n.communeA);
    const expected = (a.points + 0.6 * b.points) / (a.applicableMax + 0.6 * b.applicableMax);
    expect(pooled.value).toBeCloseTo(expected, 6);
  });

  it('ranks all of today’s units from several source periods of one family in one list', async () => {
    const both = await ranking(`&with=${periodQ}`);
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().sources.map((s: { periodId: number }) => s.periodId)).toEqual([periodP, periodQ]);
    expect(
      both
        .json()
        .units.map((u: Unit) => u.unitId)
        .sort(),
    ).toEqual([n.communeA, n.communeB].sort());
    expect(
      both
        .json()
        .units.map((u: Unit) => u.rank)
        .sort(),
    ).toEqual([1, 2]);
    expect(unitOf(both.json(), n.communeB).predecessors).toHaveLength(3);
    expect((await ranking(`&with=${periodOther}`)).statusCode).toBe(400);
    expect((await ranking('&with=abc')).statusCode).toBe(400);
  });

  it('compares 2025 with the same family’s 2024 carried through lineage, not with another framework', async () => {
    const res = await call(reader, 'GET', `/api/measure/periods/${period2025}/ranking?source=published`);
    expect(res.statusCode, res.body).toBe(200);
    expect([periodP, periodQ]).toContain(res.json().previousPeriodId);
    const carried = (await ranking(`&with=${periodQ}`)).json();
    const rowA = res.json().units.find((u: { unitId: number }) => u.unitId === n.communeA);
    expect(rowA.change).not.toBeNull();
    expect(rowA.change.valueDelta).toBeCloseTo(rowA.value - unitOf(carried, n.communeA).value!, 6);
  });

  it('gives a unit’s history per framework family with the reason of every gap', async () => {
    const res = await call(reader, 'GET', `/api/measure/units/${n.communeB}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.families.map((f: { code: string }) => f.code).sort()).toEqual(['KHAC', 'TEST']);
    const byPeriod = new Map(h.periods.map((x: { periodId: number }) => [x.periodId, x]));
    expect(byPeriod.get(period2025)).toMatchObject({
      frameworkCode: 'TEST',
      direct: true,
      value: null,
      gap: 'not_approved',
      submissionStatus: 'submitted',
    });
    expect(byPeriod.get(periodOther)).toMatchObject({ frameworkCode: 'KHAC', direct: true, gap: null });
    expect(byPeriod.get(periodP)).toMatchObject({ direct: false, gap: null, value: 0.75 });
    const weighted = (
      await call(reader, 'GET', `/api/measure/units/${n.communeB}/history?rule=weighted&missing=exclude`)
    ).json();
    const q2024 = weighted.periods.find((x: { periodId: number }) => x.periodId === periodQ);
    expect(q2024).toMatchObject({ value: null, gap: 'no_weight' });
    const open = await newPeriod('Đánh giá 2026', 2026, n.province);
    const later = (await call(reader, 'GET', `/api/measure/units/${n.communeB}/history`)).json();
    expect(later.periods.find((x: { periodId: number }) => x.periodId === open)).toMatchObject({
      gap: 'not_published',
      value: null,
    });
  });
});
