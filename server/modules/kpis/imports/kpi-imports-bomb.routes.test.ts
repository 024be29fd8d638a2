import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, loginAs } from '../../../../test/helpers/login.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import { buildZip, deflatePart, partsOf, type ZipPart } from '../../../../test/helpers/zip-builder.js';
import { createKpiTestApp, type KpiTestContext, multipartFile, xlsxOf } from '../kpis-test-fixtures.js';

// Issue 8, finding 4: a 1.17 MB xlsx whose shared-strings part expanded to 15M entries took the process
// to 2.2 GB and /api/health to 27 s, because exceljs loaded the whole workbook before any cap applied.
// The guard reads the zip's directory first and refuses in milliseconds with a 4xx problem.

const ENTRY = Buffer.from('<si><t>a</t></si>');

/** ~15M shared strings: about 240 MB once inflated, about 0.25 MB as deflated in the file. */
function* hugeSharedStrings(entries: number): Generator<Buffer> {
  yield Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${entries}" uniqueCount="${entries}">`,
  );
  const block = Buffer.concat(Array.from({ length: 65_536 }, () => ENTRY));
  for (let left = entries; left > 0; left -= 65_536)
    yield left >= 65_536 ? block : block.subarray(0, left * ENTRY.length);
  yield Buffer.from('</sst>');
}

async function withSharedStrings(parts: ZipPart[], replacement: ZipPart): Promise<Buffer> {
  return buildZip(parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? replacement : p)));
}

describe.each(testDialects())('KPI import refuses decompression bombs on %s', (dialect) => {
  let c: KpiTestContext;
  let officer: LoggedIn;
  let normalParts: ZipPart[];
  let bombStrings: ZipPart;
  beforeAll(async () => {
    c = await createKpiTestApp(dialect);
    officer = await loginAs(c.t, { role: 'officer', unitId: c.tree.communeA });
    normalParts = partsOf(await xlsxOf([['EDOC_SENT', c.codes.communeA, '2025-07', 5, null, null, 'x']]));
    expect(normalParts.map((p) => p.name)).toContain('xl/sharedStrings.xml');
    bombStrings = await deflatePart('xl/sharedStrings.xml', hugeSharedStrings(15_000_000));
  }, 60_000);
  afterAll(async () => c.t.close());

  const upload = (data: Buffer) => {
    const body = multipartFile('values.xlsx', data);
    return c.t.app.inject({
      method: 'POST',
      url: '/api/kpis/imports',
      headers: { ...officer.headers, ...body.headers, 'accept-language': 'en' },
      payload: body.payload,
    });
  };
  const importCount = async () =>
    Number(
      (
        await c.t.deps.db
          .selectFrom('kpiImports')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a shared-strings bomb quickly, with a 413 problem and without inflating it', async () => {
    const bomb = await withSharedStrings(normalParts, bombStrings);
    expect(bomb.length).toBeGreaterThan(150_000);
    expect(bomb.length).toBeLessThan(1_200_000);
    const before = await importCount();
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const res = await upload(bomb);
    const elapsed = performance.now() - started;
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ field: 'file' }] });
    expect(res.json().detail).toMatch(/shared strings|abnormally compressed|uncompressed/);
    expect(elapsed).toBeLessThan(2_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(await importCount()).toBe(before);
  });

  it('refuses a zip that understates its shared strings (the directory lies), 400', async () => {
    const lying = await withSharedStrings(normalParts, { ...bombStrings, declaredSize: 900_000 });
    const res = await upload(lying);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'file', code: 'xlsx.size_mismatch' });
  });

  it('refuses a workbook with thousands of parts', async () => {
    const many = [...normalParts];
    const empty = await deflatePart('x', [Buffer.from('<a/>')]);
    for (let i = 0; i < 2_001; i++) many.push({ ...empty, name: `xl/media/pad${i}.xml` });
    const res = await upload(buildZip(many));
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0]).toMatchObject({ code: 'xlsx.too_many_entries' });
  });

  it('still imports a normal workbook, rebuilt through the same zip writer', async () => {
    const res = await upload(buildZip(normalParts));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'ready', errorCount: 0, progress: { totalRows: 1 } });
  });

  it('refuses imported text holding a control character, and says so', async () => {
    // exceljs drops control characters when writing, so the part is edited by hand, as an attacker would.
    const parts = await Promise.all(
      normalParts.map(async (p) =>
        p.name === 'xl/sharedStrings.xml'
          ? deflatePart(p.name, [
              Buffer.from(inflateRawSync(p.deflated).toString().replace('>x<', '>bad\u0000note<')),
            ])
          : p,
      ),
    );
    const res = await upload(buildZip(parts));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'invalid',
      fileErrors: [{ code: 'xlsx.control_character_xml' }],
    });
    expect(res.json().fileErrors[0].message).toContain('control character');
  });
});
