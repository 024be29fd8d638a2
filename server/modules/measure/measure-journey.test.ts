import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { testFramework } from './measure-test-fixtures.js';

// The whole journey through the API: framework → period → entry with evidence → submit → return one
// component → fix → approve → publish → ranking with numbers worked out by hand.

describe.each(testDialects())('measure journey on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let frameworkId: number;
  let periodId: number;

  const call = async (
    who: LoggedIn | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const sub = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/submission${rest}`;
  const appr = (unitId: number, rest = '') =>
    `/api/measure/periods/${periodId}/units/${unitId}/appraisal${rest}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
  });
  afterAll(async () => t.close());

  it('imports a framework and creates and opens a period for the communes', async () => {
    const imported = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework(),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    frameworkId = imported.json().framework.id;
    expect(imported.json().framework).toMatchObject({
      code: 'TEST',
      version: 1,
      status: 'draft',
      componentCount: 4,
    });
    const created = await call(secretariat, 'POST', '/api/measure/periods', {
      name: 'Đánh giá năm 2025',
      year: 2025,
      frameworkId,
      rootUnitId: units.province,
      unitKinds: ['commune', 'ward'],
      opensOn: '2026-03-01',
      dueOn: '2026-03-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    periodId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', unitCount: 2 });
    const opened = await call(secretariat, 'POST', `/api/measure/periods/${periodId}/open`);
    expect(opened.json().status).toBe('open');
  });

  it('lets officer A enter values, preview equals saved score, and blocks officer B', async () => {
    const values = {
      C1: { number: 3 },
      C2: { numerator: 45, denominator: 50 },
      C3: { choice: 'deputy' },
      C4: { bool: true },
    };
    const preview = await call(officerA, 'POST', sub(units.communeA, '/preview'), { values });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().total.points).toBeCloseTo(15 + 36 + 10 + 20, 9);
    const saved = await call(officerA, 'PUT', sub(units.communeA, '/values'), { values });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().selfScore.total.points).toBeCloseTo(preview.json().total.points, 9);
    expect(saved.json().components.find((c: { code: string }) => c.code === 'C2').selfPoints).toBeCloseTo(
      36,
      9,
    );
    const other = await call(officerB, 'PUT', sub(units.communeA, '/values'), { values });
    expect(other.statusCode).toBe(403);
    const peek = await call(officerB, 'GET', sub(units.communeA));
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain('C2');
  });

  it('requires evidence before submitting, then submits', async () => {
    const early = await call(officerA, 'POST', sub(units.communeA, '/submit'));
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([
      expect.objectContaining({ field: 'evidence.C1', code: 'measure.evidence_required' }),
    ]);
    const ev = await call(officerA, 'POST', sub(units.communeA, '/evidence'), {
      componentCode: 'C1',
      document: { number: '12/BB-UBND', date: '2025-12-20', title: 'Biên bản họp Ban Chỉ đạo' },
    });
    expect(ev.statusCode, ev.body).toBe(201);
    const submitted = await call(officerA, 'POST', sub(units.communeA, '/submit'));
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', round: 1, actions: { canEdit: false } });
    const locked = await call(officerA, 'PUT', sub(units.communeA, '/values'), {
      values: { C1: { number: 4 } },
    });
    expect(locked.statusCode).toBe(409);
  });

  it('appraiser returns C2 with a comment; the officer sees it and fixes it', async () => {
    const returned = await call(secretariat, 'POST', appr(units.communeA, '/return'), {
      comment: 'Xem lại tỷ lệ ký số',
      components: [{ code: 'C2', comment: 'Mẫu số phải là tổng văn bản đi: 50, ký số 40' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    const seen = await call(officerA, 'GET', sub(units.communeA));
    const c2 = seen.json().components.find((c: { code: string }) => c.code === 'C2');
    expect(c2).toMatchObject({
      needsFix: true,
      appraisalComment: 'Mẫu số phải là tổng văn bản đi: 50, ký số 40',
    });
    expect(seen.json().returnComment).toBe('Xem lại tỷ lệ ký số');
    const bad = await call(officerA, 'PUT', sub(units.communeA, '/values'), {
      values: { C2: { numerator: 60, denominator: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'body.values.C2.numerator',
      code: 'measure.numerator_above_denominator',
    });
    const fixed = await call(officerA, 'PUT', sub(units.communeA, '/values'), {
      values: { C2: { numerator: 40, denominator: 50 } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().selfScore.total.points).toBeCloseTo(15 + 32 + 10 + 20, 9);
    expect((await call(officerA, 'POST', sub(units.communeA, '/submit'))).json()).toMatchObject({
      status: 'submitted',
      round: 2,
    });
    const history = await call(officerA, 'GET', sub(units.communeA, '/history'));
    const c2History = history.json().filter((h: { componentCode: string }) => h.componentCode === 'C2');
    expect(c2History.map((h: { kind: string; points: number | null }) => [h.kind, h.points])).toEqual([
      ['self', 36],
      ['appraisal', null],
      ['self', 32],
    ]);
    expect(c2History[2].changedBy).toBe(officerA.userId);
  });

  it('appraiser lowers C1 to 10 points and approves; commune B is approved as entered', async () => {
    const set = await call(secretariat, 'PUT', appr(units.communeA), {
      components: { C1: { points: 10, comment: 'Chỉ 2 biên bản hợp lệ' } },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().appraisedScore.total.points).toBeCloseTo(10 + 32 + 10 + 20, 9);
    expect((await call(secretariat, 'POST', appr(units.communeA, '/approve'))).json().status).toBe(
      'approved',
    );
    const valuesB = {
      C1: { number: 4 },
      C2: { numerator: 50, denominator: 50 },
      C3: { choice: 'none' },
      C4: { notApplicable: true },
    };
    expect(
      (await call(officerB, 'PUT', sub(units.communeB, '/values'), { values: valuesB })).statusCode,
    ).toBe(200);
    await call(officerB, 'POST', sub(units.communeB, '/evidence'), {
      componentCode: 'C1',
      document: { number: '3/BB', date: '2025-11-02', title: 'Biên bản' },
    });
    expect((await call(officerB, 'POST', sub(units.communeB, '/submit'))).statusCode).toBe(200);
    expect((await call(secretariat, 'POST', appr(units.communeB, '/approve'))).statusCode).toBe(200);
    const editApproved = await call(officerB, 'PUT', sub(units.communeB, '/values'), {
      values: { C1: { number: 1 } },
    });
    expect(editApproved.statusCode).toBe(409);
  });

  it('publishes an immutable snapshot whose ranking has the hand-computed numbers', async () => {
    const published = await call(secretariat, 'POST', `/api/measure/periods/${periodId}/publish`);
    expect(published.statusCode, published.body).toBe(201);
    const ranking = await call(null, 'GET', `/api/public/measure/periods/${periodId}/ranking`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    const rows = ranking.json().units;
    // B: 20 + 40 + 0 of 80 applicable (C4 N/A) = 0.75; A: 10 + 32 + 10 + 20 of 100 = 0.72.
    expect(
      rows.map(
        (u: { unitId: number; points: number; applicableMax: number; value: number; rank: number }) => [
          u.unitId,
          u.points,
          u.applicableMax,
          u.value,
          u.rank,
        ],
      ),
    ).toEqual([
      [units.communeB, 60, 80, 0.75, 1],
      [units.communeA, 72, 100, 0.72, 2],
    ]);
    expect(rows[0]).toMatchObject({
      unitKind: 'commune',
      peerGroup: 'commune_level',
      peerRank: 1,
      kindRank: 1,
      band: { code: 'B2' },
    });
    expect(rows[1]).toMatchObject({ unitKind: 'ward', peerRank: 2, kindRank: 1 });
    expect(rows[1].mainIndices).toEqual([
      { code: 'M1', points: 42, value: 0.7 },
      { code: 'M2', points: 30, value: 0.75 },
    ]);
    expect(ranking.json()).toMatchObject({ source: 'published', frameworkVersion: 1 });
    const framework = await call(secretariat, 'GET', `/api/measure/frameworks/${frameworkId}`);
    expect(framework.json().status).toBe('frozen');
  });

  it('versions a framework used by the published period instead of changing it', async () => {
    const edited = { ...testFramework(), name: 'Bộ chỉ số 2026' };
    const saved = await call(secretariat, 'PUT', `/api/measure/frameworks/${frameworkId}`, {
      definition: edited,
    });
    expect(saved.json()).toMatchObject({
      createdNewVersion: true,
      framework: { version: 2, status: 'draft', derivedFromId: frameworkId },
    });
    const original = await call(secretariat, 'GET', `/api/measure/frameworks/${frameworkId}`);
    expect(original.json()).toMatchObject({ version: 1, status: 'frozen', name: 'Bộ chỉ số thử nghiệm' });
    const period = await call(secretariat, 'GET', `/api/measure/periods/${periodId}`);
    expect(period.json()).toMatchObject({ frameworkId, frameworkVersion: 1, status: 'published' });
  });

  it('refuses to change a published snapshot at the database level', async () => {
    await expect(sql`UPDATE measure_snapshots SET results_json = '{}'`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM measure_snapshots`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const again = await call(secretariat, 'POST', `/api/measure/periods/${periodId}/publish`);
    expect(again.statusCode).toBe(201);
    const snapshots = await call(secretariat, 'GET', `/api/measure/periods/${periodId}/snapshots`);
    expect(snapshots.json()).toHaveLength(2);
    expect(snapshots.json()[0].id).toBeGreaterThan(snapshots.json()[1].id);
  });
});
