import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import {
  countValues,
  createKpiTestApp,
  type KpiTestContext,
  multipartFile,
  xlsxOf,
} from '../kpis-test-fixtures.js';

describe.each(testDialects())('KPI xlsx imports on %s', (dialect) => {
  let c: KpiTestContext;
  let officerA: LoggedIn;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    officerA = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
  });
  afterAll(async () => c.t.close());

  const upload = (headers: Record<string, string>, data: Buffer, name = 'values.xlsx') => {
    const body = multipartFile(name, data);
    return c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/imports',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const getImport = (headers: Record<string, string>, id: number) =>
    c.t.app.inject({ method: 'GET', url: `/api/kpis/imports/${id}`, headers });
  const commit = (headers: Record<string, string>, id: number) =>
    c.t.app.inject({ method: 'POST', url: `/api/kpis/imports/${id}/commit`, headers });

  it('answers 401 before reading an anonymous upload', async () => {
    expect((await upload({}, await xlsxOf([]))).statusCode).toBe(401);
  });

  it('previews a clean file, then commits every row', async () => {
    const file = await xlsxOf([
      ['EDOC_SENT', c.codes.communeA, '2025-07', 1200, null, null, 'tháng 7'],
      ['ONLINE_PS_RATE', c.codes.communeA, '2025-07', null, 412, 530, null],
      ['INTERNET_USERS_RATE', Number(c.codes.communeA), '2025-Q3', 87.5, null, null, null],
      [null, null, null, null, null, null, null],
    ]);
    const res = await upload(officerA.headers, file);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'ready',
      errorCount: 0,
      progress: { processedRows: 3, totalRows: 3 },
    });
    expect(view.preview[1]).toMatchObject({
      row: 3,
      kpiCode: 'ONLINE_PS_RATE',
      numerator: 412,
      denominator: 530,
      unitId: c.tree.communeA,
    });
    expect(await countValues(c.t, c.tree.communeA)).toBe(0);
    const done = await commit(officerA.headers, view.id);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', result: { imported: 3, updated: 0 } });
    expect(await countValues(c.t, c.tree.communeA)).toBe(3);
    expect((await commit(officerA.headers, view.id)).statusCode).toBe(409);
  });

  it('reports every row error, refuses the commit and writes nothing', async () => {
    const before = await countValues(c.t);
    const file = await xlsxOf([
      ['EDOC_SENT', c.codes.communeA, '2025-08', 10, null, null, null],
      ['NOPE', c.codes.communeA, '2025-08', 10, null, null, null],
      ['EDOC_SENT', 'X-404', '2025-08', 10, null, null, null],
      ['EDOC_SENT', c.codes.communeA, 'tháng 8', 10, null, null, null],
      ['EDOC_SENT', c.codes.communeA, '2025-09', 'mười', null, null, null],
      ['ONLINE_PS_RATE', c.codes.communeA, '2025-08', null, 60, 50, null],
      ['EDOC_SENT', c.codes.communeB, '2025-08', 10, null, null, null],
    ]);
    const res = await upload(officerA.headers, file);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view.status).toBe('invalid');
    expect(
      view.errors.map((e: { row: number; field: string; code: string }) => `${e.row}:${e.field}:${e.code}`),
    ).toEqual([
      '3:kpi_code:kpi_unknown',
      '4:unit_code:kpi_unit_unknown',
      '5:period:kpi_bad_period',
      '6:value:kpi_not_a_number',
      '7:numerator:kpi_numerator_gt_denominator',
      '8:unit_code:kpi_unit_forbidden',
    ]);
    expect(view.errors[0].message).toBe('Không có chỉ tiêu mã NOPE');
    const refused = await commit(officerA.headers, view.id);
    expect(refused.statusCode).toBe(409);
    expect(await countValues(c.t)).toBe(before);
  });

  it('reports missing and extra columns as file errors', async () => {
    const file = await xlsxOf(
      [['EDOC_SENT', c.codes.communeA, 10]],
      ['kpi_code', 'unit_code', 'value', 'comment'],
    );
    const res = await upload(officerA.headers, file);
    // CI once failed here on PostgreSQL without saying why: the body says it next time.
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view.status, res.body).toBe('invalid');
    expect(view.fileErrors.map((e: { code: string }) => e.code)).toEqual([
      'kpi_xlsx_missing_columns',
      'kpi_xlsx_extra_columns',
    ]);
    // The missing column is named as the template names it.
    expect(view.fileErrors[0].message).toContain('Kỳ');
  });

  it('reads the downloaded template as filled in: Vietnamese headers, the hidden row of codes skipped', async () => {
    const template = await c.t.app.inject({
      method: 'GET',
      url: '/api/kpis/import-template.xlsx',
      headers: officerA.headers,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Số liệu', 'Ví dụ', 'Danh mục chỉ số']);
    const sheet = book.getWorksheet('Số liệu')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã chỉ số',
      'Mã đơn vị',
      'Kỳ',
      'Giá trị',
      'Tử số',
      'Mẫu số',
      'Ghi chú',
    ]);
    expect(sheet.getRow(2).hidden).toBe(true);
    const list = book.getWorksheet('Danh mục chỉ số')!;
    const words = new Map<string, unknown[]>();
    list.eachRow((row) => {
      words.set(String(row.getCell(1).value), (row.values as unknown[]).slice(3, 5));
    });
    expect(words.get('ONLINE_PS_RATE')).toEqual(['Tỷ lệ (tử số/mẫu số)', 'Hằng tháng (2025-07)']);
    sheet.addRow(['EDOC_SENT', c.codes.communeA, '2025-08', 900, null, null, null]);
    const view = (await upload(officerA.headers, Buffer.from(await book.xlsx.writeBuffer()))).json();
    expect(view).toMatchObject({ status: 'ready', errorCount: 0, progress: { totalRows: 1 } });
    expect(view.preview[0]).toMatchObject({ row: 3, kpiCode: 'EDOC_SENT', value: 900 });
    // Headers typed without marks are the same columns.
    const plain = await xlsxOf(
      [['EDOC_SENT', c.codes.communeA, '2025-09', 10, null, null, null]],
      ['ma chi so', 'MA DON VI', 'ky', 'gia tri', 'tu so', 'mau so', 'ghi chu'],
    );
    expect((await upload(officerA.headers, plain)).json()).toMatchObject({ status: 'ready', errorCount: 0 });
  });

  it('refuses a file over the size limit with 413', async () => {
    const small = await createTestApp(dialect, { env: { UPLOAD_MAX_MB: '0.01' } });
    try {
      const officer = await loginAs(small, {
        role: 'officer',
        unitId: (await createUnitTree(small.deps.db)).communeA,
      });
      const body = multipartFile('big.xlsx', Buffer.alloc(20_000, 1));
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/kpis/imports',
        headers: { ...officer.headers, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(413);
      expect(await small.deps.db.selectFrom('kpiImports').select('id').execute()).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('judges the type by content and refuses what is not an xlsx', async () => {
    const res = await upload(
      officerA.headers,
      Buffer.from('kpi_code,unit_code\nEDOC_SENT,1\n'),
      'values.xlsx',
    );
    expect(res.statusCode).toBe(415);
    const notMultipart = await c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/imports',
      headers: { ...officerA.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it("keeps an import private to its uploader and refuses a viewer's upload", async () => {
    const view = (
      await upload(
        officerA.headers,
        await xlsxOf([['EDOC_SENT', c.codes.communeA, '2025-10', 1, null, null, null]]),
      )
    ).json();
    const officerB = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeB });
    expect((await getImport(officerB.headers, view.id)).statusCode).toBe(404);
    expect((await commit(officerB.headers, view.id)).statusCode).toBe(404);
    const viewer = await loginAs(c.t, { role: 'viewer', unitId: c.tree.province });
    expect((await upload(viewer.headers, await xlsxOf([]))).statusCode).toBe(403);
  });

  it('serves the template with the expected columns', async () => {
    const res = await c.t.app.inject({
      method: 'GET',
      url: '/api/kpis/import-template.xlsx',
      headers: officerA.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // The machine codes under the Vietnamese header, in a hidden row, for programs that fill the template.
    expect(workbook.worksheets[0].getRow(2).values).toEqual([
      undefined,
      'kpi_code',
      'unit_code',
      'period',
      'value',
      'numerator',
      'denominator',
      'note',
    ]);
    expect(workbook.getWorksheet('Danh mục chỉ số')!.rowCount).toBeGreaterThan(10);
  });

  it('reads a 50,000-row file in the background with progress, then commits it all', async () => {
    const token = await createApiToken(c.t, { unitId: c.tree.province, permissions: ['measure.push'] });
    const units = await c.t.deps.db
      .insertInto('units')
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          structureId: c.tree.structureId,
          code: `BULK${i}`,
          name: `Xã ${i}`,
          searchName: `xa ${i}`,
          type: 'commune',
          kind: 'admin',
          level: 2,
          parentId: c.tree.province,
          path: `${c.tree.province}`,
          validFrom: '2025-07-01',
          validTo: null,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        })),
      )
      .returning('id')
      .execute();
    await c.t.deps.db
      .insertInto('unitClosure')
      .values(
        units.flatMap((u) => [
          { ancestorId: u.id, descendantId: u.id, depth: 0 },
          { ancestorId: c.tree.province, descendantId: u.id, depth: 1 },
        ]),
      )
      .execute();
    const rows: unknown[][] = [];
    for (let u = 0; u < 50; u++) {
      for (let y = 2000; y < 2100 && rows.length < 50_000; y++) {
        for (let m = 1; m <= 12 && rows.length < (u + 1) * 1_000; m++)
          rows.push(['EDOC_SENT', `BULK${u}`, `${y}-${String(m).padStart(2, '0')}`, m, null, null, null]);
      }
    }
    expect(rows).toHaveLength(50_000);
    const res = await upload(token.headers, await xlsxOf(rows));
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('parsing');
    let view = res.json();
    const seen: number[] = [];
    while (view.status === 'parsing') {
      await new Promise((r) => setTimeout(r, 100));
      view = (await getImport(token.headers, view.id)).json();
      seen.push(view.progress.processedRows);
    }
    expect(view).toMatchObject({
      status: 'ready',
      errorCount: 0,
      progress: { processedRows: 50_000, totalRows: 50_000 },
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(view.preview).toHaveLength(200);
    const done = await commit(token.headers, view.id);
    expect(done.json().result).toMatchObject({ imported: 50_000 });
    expect(await countValues(c.t)).toBeGreaterThanOrEqual(50_000);
  }, 180_000);
});
