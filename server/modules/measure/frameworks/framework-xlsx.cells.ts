import type ExcelJS from 'exceljs';
import { AppError } from '../../../lib/errors.js';
import { isFormulaLike } from '../../../lib/spreadsheet-safe.js';

// Cell and header reading shared by every sheet of a framework workbook import.

export function fileError(code: string, params?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', { fieldErrors: [{ field: 'file', code, params }] });
}

/** Cell text as the user sees it; the apostrophe the export adds before formula-like text is dropped. */
export function textOf(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === 'object' && 'richText' in value) text = value.richText.map((r) => r.text).join('');
  else if (typeof value === 'object' && 'text' in value) text = String(value.text);
  else if (typeof value === 'object' && 'result' in value) text = String(value.result ?? '');
  else if (value instanceof Date) text = value.toISOString().slice(0, 10);
  else text = String(value);
  text = text.trim();
  if (text.startsWith("'") && isFormulaLike(text.slice(1))) text = text.slice(1);
  return text === '' ? null : text;
}

function headersOf(sheet: ExcelJS.Worksheet): string[] {
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = textOf(cell.value) ?? '';
  });
  return headers;
}

/** Column number of each header; a missing or extra column is one file-level error naming both lists. */
export function checkColumns(sheet: ExcelJS.Worksheet, expected: readonly string[]): Map<string, number> {
  const present = headersOf(sheet);
  const missing = expected.filter((h) => !present.includes(h));
  const extra = present.filter((h) => h !== '' && !expected.includes(h));
  if (missing.length || extra.length) {
    throw fileError('measure.xlsx_columns', {
      sheet: sheet.name,
      missing: missing.join(', '),
      extra: extra.join(', '),
    });
  }
  return new Map(present.map((h, i) => [h, i + 1]));
}

/** The shared header look: bold, tinted, frozen, filterable. */
export function styleHeader(sheet: ExcelJS.Worksheet, columnCount: number, rowCount: number) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rowCount), column: columnCount } };
}
