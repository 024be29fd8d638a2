import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsistencyRule } from '../../../../core/contracts/measure-framework.js';
import { multipartBody } from '../../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { caller, testFramework } from '../measure-test-fixtures.js';

// Consistency rules travel with a framework through xlsx (their own sheet) and JSON, and a bad rule row in
// a workbook is reported with its sheet and row while nothing is created.

type FieldErr = { field: string; code: string; message: string };

const RULES: ConsistencyRule[] = [
  {
    code: 'R.SIGN',
    expression: 'C2 <= C1 * 25',
    message: 'Tỷ lệ ký số không vượt quá 25 lần số cuộc họp',
    messageEn: 'Signing rate cannot exceed 25 times the meetings',
  },
  // Starts with "-": the export must keep it as text, not let Excel read it as a formula.
  { code: 'R.NEG', expression: '-C1 + C4 <= 10', message: '=Không phải công thức' },
];

describe.each(testDialects())('framework xlsx consistency rules on %s', (dialect) => {
  let t: TestApp;
  let secretariat: LoggedIn;
  let withRules: number;
  let call: ReturnType<typeof caller>;

  const upload = (data: Buffer) => {
    const body = multipartBody({ name: 'bo-chi-so.xlsx', data });
    return t.app.inject({
      method: 'POST',
      url: '/api/measure/frameworks/import.xlsx',
      headers: { ...secretariat.headers, ...body.headers },
      payload: body.payload,
    });
  };
  const exported = async (id: number) =>
    (await call(secretariat, 'GET', `/api/measure/frameworks/${id}/export.xlsx`)).rawPayload;
  const definitionOf = async (id: number) =>
    (await call(secretariat, 'GET', `/api/measure/frameworks/${id}`)).json().definition;
  const editBook = async (data: Buffer, change: (book: ExcelJS.Workbook) => void) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    change(book);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const rulesSheet = (book: ExcelJS.Workbook) => {
    const sheet = book.getWorksheet('Quy tắc kiểm tra');
    if (!sheet) throw new Error('no rules sheet');
    return sheet;
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

  beforeAll(async () => {
    t = await createTestApp(dialect);
    call = caller(t);
    const units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    const res = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({ consistencyRules: RULES }),
    });
    expect(res.statusCode, res.body).toBe(201);
    withRules = res.json().framework.id;
  });
  afterAll(async () => t.close());

  it('carries the rules through JSON export', async () => {
    const res = await call(secretariat, 'GET', `/api/measure/frameworks/${withRules}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.json().consistencyRules).toEqual(RULES);
  });

  it('writes the rules on their own sheet with Vietnamese headers, formula-like text kept as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported(withRules)) as unknown as ArrayBuffer);
    const sheet = rulesSheet(book);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Mã quy tắc',
      'Biểu thức so sánh',
      'Thông báo khi vi phạm',
      'Thông báo tiếng Anh',
    ]);
    expect(sheet.getRow(2).getCell(2).value).toBe('C2 <= C1 * 25');
    expect(sheet.getRow(3).getCell(2).value).toBe("'-C1 + C4 <= 10");
    expect(sheet.getRow(3).getCell(3).value).toBe("'=Không phải công thức");
  });

  it('round-trips a framework with rules, and one without, to an identical definition', async () => {
    const plain = await call(secretariat, 'POST', '/api/measure/frameworks/import', {
      definition: testFramework({ code: 'PLAIN' }),
    });
    for (const id of [withRules, plain.json().framework.id as number]) {
      const imported = await upload(await exported(id));
      expect(imported.statusCode, imported.body).toBe(201);
      expect(await definitionOf(imported.json().framework.id)).toEqual(await definitionOf(id));
    }
  });

  it('still imports a workbook made before rules were exported (no rules sheet)', async () => {
    const data = await editBook(await exported(withRules), (book) =>
      book.removeWorksheet(rulesSheet(book).id),
    );
    const imported = await upload(data);
    expect(imported.statusCode, imported.body).toBe(201);
    expect((await definitionOf(imported.json().framework.id)).consistencyRules).toBeUndefined();
  });

  it('reports bad rule rows by sheet and row, and creates nothing', async () => {
    const before = await frameworkCount();
    const data = await editBook(await exported(withRules), (book) => {
      const sheet = rulesSheet(book);
      sheet.getRow(3).getCell(2).value = 'C1 => C2'; // bad operator
      sheet.addRow(['R.SIGN', 'C1 <= NOPE']); // duplicate code, unknown component, no message
      sheet.addRow(['R.MAIN', 'M1 <= 100', 'Chỉ số chính không phải thành phần']);
    });
    const res = await upload(data);
    expect(res.statusCode).toBe(400);
    const errors: FieldErr[] = res.json().errors;
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['rules.3.expression', 'measure.xlsx_rule_syntax'],
      ['rules.4.message', 'measure.xlsx_rule_required'],
      ['rules.4.code', 'measure.xlsx_rule_duplicate_code'],
      ['rules.4.expression', 'measure.xlsx_rule_unknown_code'],
      ['rules.5.expression', 'measure.xlsx_rule_unknown_code'],
    ]);
    expect(errors[0].message).toContain('Trang "Quy tắc kiểm tra", dòng 3: biểu thức sai ở ký tự thứ 4');
    expect(errors[3].message).toContain('dòng 4: biểu thức dùng mã NOPE');
    expect(await frameworkCount()).toBe(before);
  });

  it('lists missing columns of the rules sheet as a file-level error', async () => {
    const data = await editBook(await exported(withRules), (book) => {
      rulesSheet(book).getRow(1).getCell(4).value = 'English';
    });
    const res = await upload(data);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'file',
      message: 'Trang "Quy tắc kiểm tra": thiếu cột [Thông báo tiếng Anh], thừa cột [English]',
    });
  });

  it("points the core validator's errors on rules at the rule's row", async () => {
    const data = await editBook(await exported(withRules), (book) => {
      rulesSheet(book).getRow(2).getCell(1).value = 'mã có dấu cách';
    });
    const res = await upload(data);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: FieldErr) => e.field)).toEqual(['rules.2.code']);
  });
});
