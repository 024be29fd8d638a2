import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, deflatePart, partsOf } from '../../test/helpers/zip-builder.js';
import { AppError } from './errors.js';
import { assertSafeXlsx, XLSX_LIMITS } from './xlsx-guard.js';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('values').addRow(['kpi_code', 'unit_code', 'x']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(buffer: Buffer, limits = XLSX_LIMITS) {
  const error = await assertSafeXlsx(buffer, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  return { status: e.status, code: e.fieldErrors[0]?.code };
}

describe('assertSafeXlsx', () => {
  it('accepts a workbook exceljs wrote and returns its uncompressed size', async () => {
    const file = await workbook();
    const size = await assertSafeXlsx(file);
    expect(size).toBeGreaterThan(file.length);
    expect(size).toBeLessThan(100_000);
  });

  it('refuses what is not a zip, and a truncated one', async () => {
    expect(await refusal(Buffer.from('kpi_code,unit_code\n'))).toEqual({ status: 400, code: 'xlsx.not_zip' });
    const file = await workbook();
    expect((await refusal(file.subarray(0, file.length - 30))).status).toBe(400);
  });

  it('refuses a part that expands more than the ratio allows, and too much in total', async () => {
    const zeros = await deflatePart('xl/worksheets/sheet1.xml', [Buffer.alloc(3 * 1024 * 1024)]);
    const parts = partsOf(await workbook()).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? zeros : p));
    expect(await refusal(buildZip(parts))).toEqual({ status: 413, code: 'xlsx.ratio_too_high' });
    const tight = { ...XLSX_LIMITS, maxRatio: 1e9, maxTotalBytes: 2 * 1024 * 1024 };
    expect(await refusal(buildZip(parts), tight)).toEqual({ status: 413, code: 'xlsx.too_large_expanded' });
  });

  it('refuses an entry hidden between the parts the directory lists', async () => {
    const parts = partsOf(await workbook());
    const zip = buildZip(parts);
    const hidden = buildZip([await deflatePart('xl/sharedStrings.xml', [Buffer.from('<sst/>')])]);
    // Splice a local entry (without its directory) in front of the real archive, shifting every offset.
    const eocd = zip.length - 22;
    const dirOffset = zip.readUInt32LE(eocd + 16);
    const local = hidden.subarray(0, hidden.readUInt32LE(hidden.length - 22 + 16));
    const shifted = Buffer.concat([local, zip]);
    shifted.writeUInt32LE(dirOffset + local.length, local.length + eocd + 16);
    let p = local.length + dirOffset;
    for (let i = 0; i < parts.length; i++) {
      shifted.writeUInt32LE(shifted.readUInt32LE(p + 42) + local.length, p + 42);
      p += 46 + shifted.readUInt16LE(p + 28) + shifted.readUInt16LE(p + 30) + shifted.readUInt16LE(p + 32);
    }
    expect(await refusal(shifted)).toEqual({ status: 400, code: 'xlsx.unsupported_zip' });
  });
});
