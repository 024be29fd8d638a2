// Exports that open in Excel or LibreOffice must not run what users typed: a cell whose text starts
// with a formula trigger (= + - @, or TAB/CR, which some programs skip before one) is read as a formula
// (CSV/formula injection, OWASP). Such text gets a leading apostrophe, which spreadsheets show as text
// and do not display. Real numbers stay numbers so sums and charts still work. Bidi overrides are made
// visible too (text-safety.ts), so a name cannot display in another order than it is stored.
import { neutraliseBidi } from './text-safety.js';

export type SheetCell = string | number | boolean | Date | null | undefined;
export type SafeCell = string | number | boolean | null;

// Full-width variants too: some spreadsheet programs normalise them to their ASCII forms.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]);
}

/** One cell, safe for CSV and xlsx: text neutralised, numbers and booleans kept, dates as ISO text. */
export function neutraliseCell(value: SheetCell): SafeCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = neutraliseBidi(String(value));
  return isFormulaLike(text) ? `'${text}` : text;
}

export function neutraliseRow(row: readonly SheetCell[]): SafeCell[] {
  return row.map(neutraliseCell);
}
