import ExcelJS from 'exceljs';
import {
  type AppendixCell,
  type AppendixSheet,
  type CellRange,
  type ParsedAppendix,
  parseAppendix,
} from '../../../../core/steer/appendix.js';
import { XLSX_LIMITS, type XlsxLimits } from '../../../lib/xlsx-guard.js';
import { findControlCharacter } from '../../../lib/xlsx-rows.js';

// Reading a plan's task appendix workbook into the pure parser's sheet (cell values and merged ranges).
// exceljs loads the workbook whole, because merged ranges are listed after the rows and the streaming reader
// drops them; the tighter limits below (checked by assertSafeXlsx before this runs) bound what it holds.

/** An appendix is tens of kilobytes; a generous cap still far below the shared defaults. */
export const APPENDIX_XLSX_LIMITS: XlsxLimits = {
  ...XLSX_LIMITS,
  maxTotalBytes: 16 * 1024 * 1024,
  maxSharedStringsBytes: 8 * 1024 * 1024,
};
export const APPENDIX_MAX_ROWS = 10_000;
const MAX_COLUMNS = 40;

export type AppendixFileIssue = { code: string; params?: Record<string, string | number> };

export type AppendixRead =
  | { ok: true; sheetName: string; parsed: ParsedAppendix }
  | { ok: false; issue: AppendixFileIssue; parsed?: ParsedAppendix };

function plain(value: ExcelJS.CellValue): AppendixCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B5:D7" → a range (1-based); null for anything else. */
export function rangeOf(ref: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const a = { col: columnNumber(m[1]), row: Number(m[2]) };
  const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** One worksheet as the parser's sheet: the values a person typed (a merge's value in its first cell only). */
export function sheetOf(sheet: ExcelJS.Worksheet): AppendixSheet | null {
  const rowCount = sheet.actualRowCount ? sheet.rowCount : 0;
  if (rowCount > APPENDIX_MAX_ROWS) return null;
  const rows: AppendixCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: AppendixCell[] = [];
    const last = Math.min(row.cellCount, MAX_COLUMNS);
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      // A merged range's other cells repeat its value in exceljs; the parser wants where it was typed.
      cells.push(cell.isMerged && cell.master !== cell ? null : plain(cell.value));
    }
    rows.push(cells);
  }
  const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
    .map(rangeOf)
    .filter((r): r is CellRange => r !== null);
  return { rows, merges };
}

/**
 * Reads the workbook (call assertSafeXlsx with APPENDIX_XLSX_LIMITS first) and parses the first sheet that
 * holds an appendix header; when none does, the first sheet's missing columns are the answer.
 */
export async function readAppendixWorkbook(buffer: Buffer, year: number): Promise<AppendixRead> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, issue: { code: 'steer_import.unreadable' } };
  }
  const control = findControlCharacter(book);
  if (control)
    return {
      ok: false,
      issue: {
        code: 'xlsx.control_character',
        params: { cell: `${control.sheet}!${control.cell}`, codePoint: control.codePoint },
      },
    };
  let first: ParsedAppendix | null = null;
  for (const ws of book.worksheets) {
    if (ws.state !== 'visible' && book.worksheets.length > 1) continue;
    const sheet = sheetOf(ws);
    if (!sheet)
      return { ok: false, issue: { code: 'steer_import.too_many_rows', params: { max: APPENDIX_MAX_ROWS } } };
    const parsed = parseAppendix(sheet, { year });
    if (!parsed.missing.length) return { ok: true, sheetName: ws.name, parsed };
    first ??= parsed;
  }
  if (!first) return { ok: false, issue: { code: 'steer_import.no_sheet' } };
  return { ok: false, issue: { code: 'steer_import.missing_columns' }, parsed: first };
}

/** An .xlsx is a zip (PK\x03\x04) holding [Content_Types].xml and xl/ parts; the file name says nothing. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== 0x04034b50) return false;
  return buffer.includes('[Content_Types].xml') && buffer.includes('xl/');
}
