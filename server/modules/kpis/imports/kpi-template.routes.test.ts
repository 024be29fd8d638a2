import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createKpiTestApp, type KpiTestContext, multipartFile } from '../kpis-test-fixtures.js';

// Issue 8, findings 9 and 8: the import template wrote KPI names as typed (a name "=HYPERLINK(…)" became a
// live formula, a U+202E reordered it on screen), and an upload stored a row and a workbook unaudited.

describe.each(testDialects())('KPI import template and upload audit on %s', (dialect) => {
  let c: KpiTestContext;
  let officer: LoggedIn;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    officer = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
  });
  afterAll(async () => c.t.close());

  it('neutralises formula triggers and bidi overrides in the names it lists', async () => {
    await c.t.deps.db
      .updateTable('kpiDefinitions')
      .set({ nameVi: '=HYPERLINK("http://evil","Bấm")' })
      .where('code', '=', 'EDOC_SENT')
      .execute();
    await c.t.deps.db
      .updateTable('kpiDefinitions')
      .set({ nameVi: 'Tỷ lệ \u202Eexe.fdp' })
      .where('code', '=', 'ONLINE_PS_RATE')
      .execute();
    const res = await c.t.app.inject({
      method: 'GET',
      url: '/api/kpis/import-template.xlsx',
      headers: officer.headers,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = new Map<string, unknown>();
    book.getWorksheet('Danh mục chỉ số')!.eachRow((row) => {
      names.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(names.get('EDOC_SENT')).toBe(`'=HYPERLINK("http://evil","Bấm")`);
    expect(names.get('ONLINE_PS_RATE')).toBe('Tỷ lệ [U+202E]exe.fdp');
  });

  it('audits the upload of an import (a row and, for large files, the workbook are stored)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet('values')
      .addRow(['kpi_code', 'unit_code', 'period', 'value', 'numerator', 'denominator', 'note']);
    const body = multipartFile('values.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/imports',
      headers: { ...officer.headers, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const rows = await c.t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'entity', 'entityId', 'actorUserId'])
      .where('entity', '=', 'kpi_import')
      .execute();
    expect(rows).toEqual([
      {
        action: 'kpi.import_uploaded',
        entity: 'kpi_import',
        entityId: String(res.json().id),
        actorUserId: officer.userId,
      },
    ]);
  });
});
