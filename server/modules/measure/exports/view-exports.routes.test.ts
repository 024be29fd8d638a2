import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller } from '../measure-test-fixtures.js';
import { publishedPeriod } from './exports.test-helpers.js';

// The staff screens' tables as workbooks: the same numbers as the screens' JSON, words instead of codes, and the
// same access as the screens.

async function sheetRows(payload: unknown, name: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as ArrayBuffer);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${book.worksheets.map((s) => s.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe.each(testDialects())('measure screen workbooks on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let officerA: LoggedIn;
  let officerB: LoggedIn;
  let periodId: number;
  const url = (tail: string, id = () => periodId) => `/api/measure/periods/${id()}${tail}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    officerA = await loginAs(t, { role: 'officer', unitId: units.communeA });
    officerB = await loginAs(t, { role: 'officer', unitId: units.communeB });
    ({ periodId } = await publishedPeriod(t, units, { secretariat, officerA, officerB }));
  }, 60_000);
  afterAll(async () => t.close());

  it('writes the progress table with statuses in words and the same counts as the screen', async () => {
    const call = caller(t);
    const screen = (await call(secretariat, 'GET', url('/completion'))).json();
    const res = await call(secretariat, 'GET', url('/completion.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`tien-do-${periodId}.xlsx`);
    const [header, ...rows] = await sheetRows(res.rawPayload, 'Tiến độ');
    expect(header).toEqual([
      'STT',
      'Đơn vị',
      'Trạng thái',
      'Quá hạn',
      'Số chỉ số đã nhập',
      'Tổng số chỉ số',
      'Tỷ lệ đã nhập',
      'Nộp lúc',
    ]);
    expect(rows).toHaveLength(screen.units.length);
    const approved = rows.filter((r) => r[2] === 'Đã duyệt');
    expect(approved).toHaveLength(2);
    for (const row of rows) {
      const unit = screen.units.find((u: { unitName: string }) => u.unitName === row[1]);
      expect(unit, String(row[1])).toBeDefined();
      expect(row[4]).toBe(unit.answered);
      expect(row[5]).toBe(unit.componentCount);
      // dd/mm/yyyy HH:mm, Vietnam time, or empty before submitting.
      if (unit.submittedAt) expect(String(row[7])).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    }
  });

  it('writes the whole ranking with main index names, equal to the ranking screen', async () => {
    const call = caller(t);
    const screen = (await call(secretariat, 'GET', url('/ranking'))).json();
    for (const source of ['published', 'live'] as const) {
      const res = await call(secretariat, 'GET', url(`/ranking.xlsx?source=${source}`));
      expect(res.statusCode, res.body).toBe(200);
      const [header, ...rows] = await sheetRows(res.rawPayload, 'Xếp hạng');
      expect(header).toContain('M1. Chính quyền số – giá trị');
      expect(rows.map((r) => [r[0], r[3], r[5], r[7]])).toEqual(
        screen.units.map((u: { rank: number; unitName: string; points: number; value: number }) => [
          u.rank,
          u.unitName,
          u.points,
          u.value,
        ]),
      );
    }
  });

  it('writes a unit profile with names, not codes', async () => {
    const call = caller(t);
    const screen = (await call(officerA, 'GET', url(`/units/${units.communeA}/profile`))).json();
    const res = await call(officerA, 'GET', url(`/units/${units.communeA}/profile.xlsx`));
    expect(res.statusCode, res.body).toBe(200);
    const overview = await sheetRows(res.rawPayload, 'Tổng quan');
    expect(overview).toContainEqual(['Đơn vị', screen.unitName]);
    expect(overview).toContainEqual(['Hạng', screen.result.rank]);
    expect(overview).toContainEqual(['Tổng điểm', screen.result.points]);
    const [, ...main] = await sheetRows(res.rawPayload, 'Chỉ số chính');
    expect(main.map((r) => String(r[0]))).toEqual(
      screen.result.mainIndices.map((m: { code: string }) =>
        expect.stringMatching(new RegExp(`^${m.code}\\. .+`)),
      ),
    );
  });

  it('keeps the screens’ access: 401 anonymous, 403 out of scope, the live ranking for readers of its root', async () => {
    const call = caller(t);
    expect((await call(null, 'GET', url('/completion.xlsx'))).statusCode).toBe(401);
    expect((await call(officerA, 'GET', url('/completion.xlsx'))).statusCode).toBe(403);
    expect((await call(officerA, 'GET', url(`/units/${units.communeB}/profile.xlsx`))).statusCode).toBe(403);
    // The published ranking is public; the live one is not.
    expect((await call(officerA, 'GET', url('/ranking.xlsx'))).statusCode).toBe(200);
    expect((await call(officerA, 'GET', url('/ranking.xlsx?source=live'))).statusCode).toBe(403);
  });

  it('answers 400 on bad queries and 404 on unknown periods', async () => {
    const call = caller(t);
    expect((await call(secretariat, 'GET', url('/ranking.xlsx?source=all'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', url('/ranking.xlsx?x=1'))).statusCode).toBe(400);
    expect((await call(secretariat, 'GET', '/api/measure/periods/999999/completion.xlsx')).statusCode).toBe(
      404,
    );
    expect((await call(secretariat, 'GET', '/api/measure/periods/0/ranking.xlsx')).statusCode).toBe(400);
  });
});
