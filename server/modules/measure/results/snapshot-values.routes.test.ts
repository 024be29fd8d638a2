import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { publishedPeriod } from '../exports/exports.test-helpers.js';
import { caller, DOC } from '../measure-test-fixtures.js';

// A published snapshot keeps its component values: after a unit's value changes and the period is published
// again, the older snapshot's exports still show the old value and the newer one the new value.

type SheetLine = { unitCode: string; code: string; numerator: unknown; self: unknown; points: unknown };

describe.each(testDialects())('published snapshots keep their component values on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  let first: number;
  let second: number;
  let codeA: string;
  let call: ReturnType<typeof caller>;
  const url = (rest: string) => `/api/measure/periods/${periodId}${rest}`;

  async function componentSheet(snapshotId: number): Promise<SheetLine[]> {
    const res = await call(secretariat, 'GET', url(`/results.xlsx?snapshotId=${snapshotId}`));
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const lines: SheetLine[] = [];
    book.getWorksheet('Chỉ số thành phần')?.eachRow((row, n) => {
      const v = row.values as unknown[];
      if (n > 1)
        lines.push({
          unitCode: String(v[1]),
          code: String(v[3]),
          numerator: v[7],
          self: v[14],
          points: v[15],
        });
    });
    return lines;
  }
  const lineOf = (lines: SheetLine[], code: string) =>
    lines.find((l) => l.unitCode === codeA && l.code === code);

  async function componentView(code: string) {
    const res = await call(secretariat, 'GET', url(`/components/${code}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().units.find((u: { unitId: number }) => u.unitId === units.communeA);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    // A: C1 entered 3 (self 15, appraised 10), C2 40 of 50 → 32.
    ({ periodId } = await publishedPeriod(t, units, { secretariat, officerA, officerB }));
    const snapshots = await call(secretariat, 'GET', url('/snapshots'));
    first = snapshots.json()[0].id;
    codeA = (
      await t.deps.db
        .selectFrom('units')
        .select('code')
        .where('id', '=', units.communeA)
        .executeTakeFirstOrThrow()
    ).code;
  }, 60_000);
  afterAll(async () => t.close());

  it('stores every ranked unit’s components with the points they counted for', async () => {
    const rows = await t.deps.db
      .selectFrom('measureSnapshotValues')
      .selectAll()
      .where('snapshotId', '=', first)
      .where('unitId', '=', units.communeA)
      .orderBy('componentCode')
      .execute();
    expect(
      rows.map((r) => [r.componentCode, r.rawJson, r.selfPoints, r.appraisedPoints, r.isNa, r.points]),
    ).toEqual([
      ['C1', '{"number":3}', 15, 10, 0, 10],
      ['C2', '{"numerator":40,"denominator":50}', 32, null, 0, 32],
      ['C3', '{"choice":"deputy"}', 10, null, 0, 10],
      ['C4', '{"bool":true}', 20, null, 0, 20],
    ]);
  });

  it('keeps the older snapshot’s values after a change and a new publication', async () => {
    // Re-open A's submission (there is no API to undo an approval yet), change C2, submit, approve.
    await t.deps.db
      .updateTable('measurePeriods')
      .set({ status: 'open' })
      .where('id', '=', periodId)
      .execute();
    await t.deps.db
      .updateTable('measureSubmissions')
      .set({ status: 'returned' })
      .where('periodId', '=', periodId)
      .where('unitId', '=', units.communeA)
      .execute();
    const sub = url(`/units/${units.communeA}/submission`);
    const values = { C2: { numerator: 45, denominator: 50 } };
    expect((await call(officerA, 'PUT', `${sub}/values`, { values })).statusCode).toBe(200);
    await call(officerA, 'POST', `${sub}/evidence`, { componentCode: 'C1', document: DOC });
    expect((await call(officerA, 'POST', `${sub}/submit`)).statusCode).toBe(200);
    const approve = await call(secretariat, 'POST', url(`/units/${units.communeA}/appraisal/approve`));
    expect(approve.statusCode, approve.body).toBe(200);

    // Not yet re-published: the per-component view shows what was published.
    expect(await componentView('C2')).toMatchObject({
      status: 'approved',
      value: { numerator: 40, denominator: 50 },
      selfPoints: 32,
      points: 32,
    });

    const published = await call(secretariat, 'POST', url('/publish'));
    expect(published.statusCode, published.body).toBe(201);
    second = published.json().id;
    expect(second).not.toBe(first);

    const older = await componentSheet(first);
    const newer = await componentSheet(second);
    expect(lineOf(older, 'C2')).toMatchObject({ numerator: 40, self: 32, points: 32 });
    expect(lineOf(newer, 'C2')).toMatchObject({ numerator: 45, self: 36, points: 36 });
    // The appraiser's points on C1 hold in both.
    expect(lineOf(older, 'C1')).toMatchObject({ self: 15, points: 10 });
    expect(lineOf(newer, 'C1')).toMatchObject({ self: 15, points: 10 });
    expect(await componentView('C2')).toMatchObject({
      value: { numerator: 45, denominator: 50 },
      points: 36,
    });
  });

  it('falls back to today’s values for a snapshot published before values were stored', async () => {
    const json = (
      await t.deps.db
        .selectFrom('measureSnapshots')
        .select('resultsJson')
        .where('id', '=', first)
        .executeTakeFirstOrThrow()
    ).resultsJson;
    const legacy = await t.deps.db
      .insertInto('measureSnapshots')
      .values({
        periodId,
        frameworkId: (
          await t.deps.db
            .selectFrom('measurePeriods')
            .select('frameworkId')
            .where('id', '=', periodId)
            .executeTakeFirstOrThrow()
        ).frameworkId,
        frameworkVersion: 1,
        resultsJson: json,
        computedAt: '2026-03-01T00:00:00.000Z',
        publishedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(lineOf(await componentSheet(legacy.id), 'C2')).toMatchObject({ numerator: 45, points: 36 });
  });

  it('refuses to change or delete stored snapshot values', async () => {
    const db = t.deps.db;
    await expect(
      db.updateTable('measureSnapshotValues').set({ points: 0 }).where('snapshotId', '=', first).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.deleteFrom('measureSnapshotValues').where('snapshotId', '=', first).execute(),
    ).rejects.toThrow(/append-only/);
    const count = await sql<{
      n: number;
    }>`select count(*) as n from measure_snapshot_values where snapshot_id = ${first}`.execute(db);
    expect(Number(count.rows[0].n)).toBeGreaterThan(0);
  });
});
