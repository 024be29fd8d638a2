import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, testFramework } from '../measure-test-fixtures.js';

type FieldErr = { field: string; code: string; message: string };

describe.each(testDialects())('framework xlsx import/export on %s', (dialect) => {
  let t: TestApp;
  let units: UnitTree;
  let secretariat: LoggedIn;
  let leader: LoggedIn;
  let officer: LoggedIn;
  let testId: number;

  const upload = (who: LoggedIn | null, data: Buffer, name = 'bo-chi-so.xlsx') => {
    const body = multipartBody({ name, data });
    return t.app.inject({
      method: 'POST',
      url: '/api/measure/frameworks/import.xlsx',
      headers: { ...(who?.headers ?? {}), ...body.headers },
      payload: body.payload,
    });
  };
  const exported = async (id: number) => {
    const res = await caller(t)(secretariat, 'GET', `/api/measure/frameworks/${id}/export.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    return res.rawPayload;
  };
  const edit = async (data: Buffer, change: (sheet: ExcelJS.Worksheet) => void) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Chỉ số');
    if (!sheet) throw new Error('no node sheet');
    change(sheet);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const frameworkCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('measureFrameworks')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The sheet row of the node with `code` (column A). */
  const rowOf = (sheet: ExcelJS.Worksheet, code: string) => {
    let found = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === code) found = n;
    });
    return found;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    leader = await loginAs(t, { role: 'leader', unitId: units.province });
    officer = await loginAs(t, { role: 'officer', unitId: units.communeA });
    const definition = testFramework({
      name: '=HYPERLINK("http://evil.example","Bộ chỉ số")',
      description: '- gạch đầu dòng, không phải công thức',
    });
    const res = await caller(t)(secretariat, 'POST', '/api/measure/frameworks/import', { definition });
    testId = res.json().framework.id;
  });
  afterAll(async () => t.close());

  it('answers 401 without a session, 403 to callers who may not import, 415 on a non-xlsx file', async () => {
    expect((await caller(t)(null, 'GET', `/api/measure/frameworks/${testId}/export.xlsx`)).statusCode).toBe(
      401,
    );
    const data = await exported(testId);
    expect((await upload(null, data)).statusCode).toBe(401);
    for (const who of [officer, leader]) expect((await upload(who, data)).statusCode).toBe(403);
    const notXlsx = await upload(secretariat, Buffer.from('Mã,Tên\nC1,Một\n'), 'fake.xlsx');
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().errors[0]).toMatchObject({ field: 'file', code: 'measure.xlsx_not_xlsx' });
  });

  it('round-trips every built-in template to an identical definition', async () => {
    const templates = (await caller(t)(secretariat, 'GET', '/api/measure/framework-templates')).json();
    expect(templates.length).toBeGreaterThan(0);
    for (const { key } of templates as { key: string }[]) {
      const created = await caller(t)(secretariat, 'POST', '/api/measure/frameworks', { templateKey: key });
      expect(created.statusCode, created.body).toBe(201);
      const imported = await upload(secretariat, await exported(created.json().id));
      expect(imported.statusCode, imported.body).toBe(201);
      const copy = await caller(t)(
        secretariat,
        'GET',
        `/api/measure/frameworks/${imported.json().framework.id}`,
      );
      expect(copy.json().definition, key).toEqual(created.json().definition);
      expect(copy.json()).toMatchObject({ status: 'draft', version: created.json().version + 1 });
    }
  }, 60_000);

  it('keeps formula-like text as text both ways', async () => {
    const data = await exported(testId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const name = book.getWorksheet('Thông tin')?.getRow(3).getCell(3);
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(name?.value).toBe(`'=HYPERLINK("http://evil.example","Bộ chỉ số")`);
    const imported = await upload(secretariat, data);
    const copy = await caller(t)(
      secretariat,
      'GET',
      `/api/measure/frameworks/${imported.json().framework.id}`,
    );
    expect(copy.json().definition).toMatchObject({
      name: '=HYPERLINK("http://evil.example","Bộ chỉ số")',
      description: '- gạch đầu dòng, không phải công thức',
    });
  });

  it('lists missing and extra columns as one file-level error and creates nothing', async () => {
    const before = await frameworkCount();
    const data = await edit(await exported(testId), (sheet) => {
      sheet.getRow(1).getCell(18).value = 'Ghi chú'; // was "Mã KPI"
    });
    const res = await upload(secretariat, data);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: 'file',
        code: 'measure.xlsx_columns',
        message: 'Trang "Chỉ số": thiếu cột [Mã KPI], thừa cột [Ghi chú]',
      }),
    ]);
    expect(await frameworkCount()).toBe(before);
  });

  it('reports row-level errors with row numbers and creates nothing', async () => {
    const before = await frameworkCount();
    let c2 = 0;
    let c3 = 0;
    const data = await edit(await exported(testId), (sheet) => {
      c2 = rowOf(sheet, 'C2');
      c3 = rowOf(sheet, 'C3');
      sheet.getRow(c2).getCell(7).value = 'bốn mươi';
      sheet.getRow(c3).getCell(2).value = 'M9';
      sheet.getRow(c3).getCell(12).value = '{"options": [';
    });
    const res = await upload(secretariat, data);
    expect(res.statusCode).toBe(400);
    const errors: FieldErr[] = res.json().errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      [`rows.${c2}.maxPoints`, 'measure.xlsx_not_a_number'],
      [`rows.${c3}.ruleParams`, 'measure.xlsx_bad_json'],
      [`rows.${c3}.parentCode`, 'measure.xlsx_bad_parent'],
    ]);
    expect(errors[0].message).toBe(`Dòng ${c2}: cột "Điểm tối đa" phải là số`);
    expect(await frameworkCount()).toBe(before);
  });

  it('runs the core validator (sums, circular formulas) and points its errors at rows', async () => {
    const before = await frameworkCount();
    let m1 = 0;
    let c1 = 0;
    const data = await edit(await exported(testId), (sheet) => {
      m1 = rowOf(sheet, 'M1');
      c1 = rowOf(sheet, 'C1');
      sheet.getRow(m1).getCell(7).value = 70; // components add up to 60
      for (const [code, other] of [
        ['C1', 'C2'],
        ['C2', 'C1'],
      ]) {
        const row = sheet.getRow(rowOf(sheet, code));
        row.getCell(11).value = 'formula';
        row.getCell(12).value = JSON.stringify({ expression: `${other} + 1`, result: 'points' });
      }
    });
    const res = await upload(secretariat, data);
    expect(res.statusCode).toBe(400);
    const errors: FieldErr[] = res.json().errors;
    expect(errors.find((e) => e.code.includes('formula_cycle'))).toMatchObject({
      field: `rows.${c1}.rule.expression`,
      message: expect.stringContaining('C1 → C2 → C1'),
    });
    expect(errors.some((e) => e.field.startsWith(`rows.${m1}`))).toBe(true);
    expect(await frameworkCount()).toBe(before);
  });
});
