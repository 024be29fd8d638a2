// Exports that open in Excel or LibreOffice must not run what users typed: a cell whose text starts
// with a formula trigger (= + - @, or TAB/CR, which some programs skip before one) is read as a formula
// (CSV/formula injection, OWASP). Such text gets a leading apostrophe, which spreadsheets show as text
// and do not display. Real numbers stay numbers so sums and charts still work.

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
  const text = String(value);
  return isFormulaLike(text) ? `'${text}` : text;
}

export function neutraliseRow(row: readonly SheetCell[]): SafeCell[] {
  return row.map(neutraliseCell);
}

export type CsvOptions = {
  /** Excel only reads UTF-8 (Vietnamese diacritics) correctly when the file starts with a BOM. */
  bom?: boolean;
  delimiter?: ',' | ';' | '\t';
};

function csvField(cell: SafeCell, delimiter: string): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? cell : String(cell);
  const mustQuote =
    text.includes(delimiter) ||
    text.includes('"') ||
    text.includes('\n') ||
    text.includes('\r') ||
    text !== text.trim();
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends, quotes doubled) with every cell neutralised. */
export function toCsv(rows: readonly (readonly SheetCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const body = rows
    .map((row) =>
      neutraliseRow(row)
        .map((c) => csvField(c, delimiter))
        .join(delimiter),
    )
    .join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}${rows.length ? '\r\n' : ''}`;
}
