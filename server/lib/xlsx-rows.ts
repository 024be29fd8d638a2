import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { registerMessages } from '../../core/i18n/errors.js';
import { firstForbiddenControl } from './text-safety.js';

// Reads an xlsx's first sheet row by row with exceljs' streaming reader, so memory follows one row,
// not the whole workbook; stops at a row or cell cap. Call assertSafeXlsx (xlsx-guard.ts) first: the
// shared strings are still held whole, and the guard is what bounds them.

export type SheetCellValue = string | number | Date | null;
export type SheetRow = { number: number; cells: SheetCellValue[] };
export type SheetLimits = { maxRows: number; maxCells: number; maxColumns: number };
export type SheetIssue = { code: string; params?: Record<string, unknown> };

registerMessages({
  'xlsx.too_many_cells': {
    vi: 'Trang tính có quá nhiều ô ({max} ô)',
    en: 'The sheet has too many cells (more than {max})',
  },
  'xlsx.control_character_xml': {
    vi: 'Tệp chứa ký tự điều khiển không được phép trong văn bản (U+0000–U+001F, trừ tab và xuống dòng)',
    en: 'The file holds a control character not allowed in text (U+0000–U+001F except tab and line breaks)',
  },
  'xlsx.control_character': {
    vi: 'Ô {cell} chứa ký tự điều khiển {codePoint}, không được phép trong văn bản',
    en: 'Cell {cell} holds the control character {codePoint}, which is not allowed in text',
  },
});

function plain(value: ExcelJS.CellValue): SheetCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** "C12" from a 1-based column and row. */
export function cellRef(column: number, row: number): string {
  let name = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row}`;
}

/**
 * The same workbook with its worksheets moved to the end of the zip. exceljs' streaming reader needs the
 * shared strings and the workbook's relationships before a sheet; a sheet that comes first (Excel and exceljs
 * both write it before sharedStrings.xml) is copied to a temporary file that the reader never deletes and whose
 * descriptor it never closes: one leaked file and descriptor per import in a long-running server. Entries are
 * moved, not recompressed (JSZip keeps an untouched entry's compressed bytes), so this costs the compressed
 * size in memory, not the expanded one.
 */
async function worksheetsLast(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\//.test(name));
  for (const name of sheets) {
    const entry = zip.files[name];
    delete zip.files[name];
    zip.files[name] = entry;
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Streams the first sheet's rows (cells 0-based; columns past `maxColumns` dropped). Returns early with
 * an issue when the sheet has more than `maxRows` data rows or `maxCells` cells, or a text cell holds a
 * control character other than tab/LF/CR (PostgreSQL cannot store U+0000; see text-safety.ts).
 */
export async function readFirstSheet(
  buffer: Buffer,
  limits: SheetLimits,
  onRow: (row: SheetRow) => void,
): Promise<{ issue: SheetIssue | null; sheetFound: boolean }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([await worksheetsLast(buffer)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let cells = 0;
  const stop = (issue: SheetIssue) => ({ issue, sheetFound: true });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number - 1 > limits.maxRows)
          return stop({ code: 'too_many_rows', params: { max: limits.maxRows } });
        const values = (row.values as ExcelJS.CellValue[]).slice(1, limits.maxColumns + 1);
        cells += row.cellCount;
        if (cells > limits.maxCells)
          return stop({ code: 'xlsx.too_many_cells', params: { max: limits.maxCells } });
        const out = values.map(plain);
        for (const [i, v] of out.entries()) {
          const codePoint = typeof v === 'string' ? firstForbiddenControl(v) : null;
          if (codePoint)
            return stop({
              code: 'xlsx.control_character',
              params: { cell: cellRef(i + 1, row.number), codePoint },
            });
        }
        onRow({ number: row.number, cells: out });
      }
      // Only the first sheet is read; the rest of the file is not inflated.
      return { issue: null, sheetFound: true };
    }
  } catch (error) {
    // The XML parser refuses raw control characters (XML 1.0 forbids them): say so, not "unreadable".
    if (/disallowed character/i.test(String((error as Error)?.message)))
      return stop({ code: 'xlsx.control_character_xml' });
    throw error;
  }
  return { issue: null, sheetFound: false };
}

/**
 * For readers that load a whole workbook (call assertSafeXlsx first): the first text cell holding a
 * forbidden control character, e.g. { sheet: 'nodes', cell: 'C4', codePoint: 'U+0000' }. exceljs' loader
 * turns OOXML's "_x0000_" escapes back into the characters, so they do reach cell values.
 */
export function findControlCharacter(
  book: ExcelJS.Workbook,
): { sheet: string; cell: string; codePoint: string } | null {
  for (const sheet of book.worksheets) {
    let found: { sheet: string; cell: string; codePoint: string } | null = null;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (found) return;
        const value = plain(cell.value);
        const codePoint = typeof value === 'string' ? firstForbiddenControl(value) : null;
        if (codePoint) found = { sheet: sheet.name, cell: cell.address, codePoint };
      });
    });
    if (found) return found;
  }
  return null;
}
