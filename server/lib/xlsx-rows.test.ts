import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './xlsx-rows.js';

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu');
  for (const r of rows) sheet.addRow(r);
  book.addWorksheet('Ví dụ').addRow(['không đọc']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const LIMITS = { maxRows: 100, maxCells: 1000, maxColumns: 10 };
const read = async (buffer: Buffer) => {
  const rows: unknown[][] = [];
  const result = await readFirstSheet(buffer, LIMITS, (r) => rows.push(r.cells));
  return { ...result, rows };
};

describe('readFirstSheet', () => {
  it('reads the first sheet of a workbook whose sheets come before its shared strings (as exceljs and Excel write them)', async () => {
    const buffer = await workbook([
      ['Mã', 'Tên', 'Giá trị'],
      ['A1', 'Xã Bạch Thông', 12.5],
    ]);
    const names = Object.keys((await JSZip.loadAsync(buffer)).files);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    expect(await read(buffer)).toEqual({
      issue: null,
      sheetFound: true,
      rows: [
        ['Mã', 'Tên', 'Giá trị'],
        ['A1', 'Xã Bạch Thông', 12.5],
      ],
    });
  });

  it.runIf(process.platform === 'linux')(
    'leaves no file descriptor open however many files it reads',
    async () => {
      const buffer = await workbook([['x', 'y']]);
      await read(buffer);
      const before = readdirSync('/proc/self/fd').length;
      for (let i = 0; i < 30; i++) await read(buffer);
      expect(readdirSync('/proc/self/fd').length).toBeLessThanOrEqual(before + 2);
    },
  );
});
