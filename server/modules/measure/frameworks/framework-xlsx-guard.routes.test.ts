import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../test/helpers/file-fixtures.js';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { buildZip, deflatePart, partsOf } from '../../../../test/helpers/zip-builder.js';
import { caller } from '../measure-test-fixtures.js';

// Issue 8, findings 4 and 6 on the framework workbook import: the shared xlsx guard refuses a
// decompression bomb before exceljs loads anything, and a cell holding a control character is named.

describe.each(testDialects())('framework xlsx import guard on %s', (dialect) => {
  let t: TestApp;
  let secretariat: LoggedIn;
  let exported: Buffer;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const units = await createUnitTree(t.deps.db);
    secretariat = await loginAs(t, { role: 'secretariat', unitId: units.province });
    const templates = (await caller(t)(secretariat, 'GET', '/api/measure/framework-templates')).json();
    const created = await caller(t)(secretariat, 'POST', '/api/measure/frameworks', {
      templateKey: templates[0].key,
    });
    const res = await caller(t)(
      secretariat,
      'GET',
      `/api/measure/frameworks/${created.json().id}/export.xlsx`,
    );
    exported = res.rawPayload;
  });
  afterAll(async () => t.close());

  const upload = (data: Buffer) => {
    const body = multipartBody({ name: 'bo-chi-so.xlsx', data });
    return t.app.inject({
      method: 'POST',
      url: '/api/measure/frameworks/import.xlsx',
      headers: { ...secretariat.headers, ...body.headers, 'accept-language': 'en' },
      payload: body.payload,
    });
  };

  it('refuses a shared-strings bomb with 413 before parsing', async () => {
    const entry = Buffer.from('<si><t>a</t></si>');
    const block = Buffer.concat(Array.from({ length: 65_536 }, () => entry));
    const strings = await deflatePart(
      'xl/sharedStrings.xml',
      Array.from({ length: 100 }, () => block),
    );
    const parts = partsOf(exported).map((p) => (p.name === 'xl/sharedStrings.xml' ? strings : p));
    const started = performance.now();
    const res = await upload(buildZip(parts));
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toMatchObject({ field: 'file' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('names the cell that holds a control character (400)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    // OOXML's escape for U+0000, which exceljs' loader turns back into the character.
    book.worksheets[0].getCell('C2').value = 'Tên_x0000_mới';
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'xlsx.control_character' });
    expect(res.json().errors[0].message).toContain('C2');
    expect(res.json().errors[0].message).toContain('U+0000');
  });
});
