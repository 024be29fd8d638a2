import ExcelJS from 'exceljs';
import { KPI_IMPORT_COLUMNS } from '../../../../core/contracts/kpis.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';
import { readFirstSheet, type SheetCellValue } from '../../../lib/xlsx-rows.js';
import type { KpiDefinitionRow } from '../kpis.repository.js';
import type { IncomingRow, RowIssue } from '../values/kpi-rows.js';

// Reading and writing the KPI import workbook: one sheet, one value per row. The header row names the columns in
// Vietnamese ("Mã chỉ số", "Mã đơn vị", "Kỳ", …) as the template writes them; the machine codes (kpi_code,
// unit_code, period, value, numerator, denominator, note) are accepted too, and the template keeps them in a
// hidden second row for programs that fill it.

type ImportColumn = (typeof KPI_IMPORT_COLUMNS)[number];
export const KPI_IMPORT_LABELS: Record<ImportColumn, string> = {
  kpi_code: 'Mã chỉ số',
  unit_code: 'Mã đơn vị',
  period: 'Kỳ',
  value: 'Giá trị',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  note: 'Ghi chú',
};
const BY_LABEL = new Map<string, string>(
  KPI_IMPORT_COLUMNS.flatMap((code) => [
    [code, code],
    [foldVietnamese(KPI_IMPORT_LABELS[code]), code],
  ]),
);
/** A header cell as the column code it names ("Mã chỉ số", "ma chi so" or "kpi_code" → kpi_code). */
const columnOf = (header: string) => BY_LABEL.get(foldVietnamese(header)) ?? header.toLowerCase();
const VALUE_TYPE_WORDS: Record<string, string> = {
  count: 'Số đếm',
  ratio: 'Tỷ lệ (tử số/mẫu số)',
  percent: 'Phần trăm',
};
const PERIODICITY_WORDS: Record<string, string> = {
  monthly: 'Hằng tháng (2025-07)',
  quarterly: 'Hằng quý (2025-Q3)',
  yearly: 'Hằng năm (2025)',
};

export const KPI_IMPORT_MAX_ROWS = 100_000;
const REQUIRED = KPI_IMPORT_COLUMNS.filter((c) => c !== 'note');

export type FileIssue = { code: string; params?: Record<string, unknown> };

/** An .xlsx is a zip (PK\x03\x04) whose first entries include [Content_Types].xml; the name says nothing. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== 0x04034b50) return false;
  return buffer.includes('[Content_Types].xml') && buffer.includes('xl/');
}

type Cell = SheetCellValue;

function textOf(cell: Cell): string {
  if (cell === null) return '';
  // Excel turns a typed "2025-07" into a date: read it back as the month it was.
  if (cell instanceof Date)
    return `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}`;
  // Control characters never get here: readFirstSheet refuses the file and names the cell.
  return String(cell).trim();
}

/** Unit codes typed into a general-format cell lose their leading zeros (05500 → 5500): put them back. */
function unitCodeOf(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) {
    return String(cell).padStart(cell < 100 ? 2 : 5, '0');
  }
  return textOf(cell);
}

function numberOf(cell: Cell): number | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return Number.NaN;
  const s = cell.trim().replace(/\s/g, '');
  if (s === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

export type ParsedSheet = { fileIssues: FileIssue[]; rows: IncomingRow[]; issues: RowIssue[] };

function headerIssues(headers: string[]): FileIssue[] {
  const missing = REQUIRED.filter((c) => !headers.includes(c));
  const extra = headers.filter((h) => h && !(KPI_IMPORT_COLUMNS as readonly string[]).includes(h));
  const out: FileIssue[] = [];
  if (missing.length)
    out.push({
      code: 'kpi_xlsx_missing_columns',
      params: { columns: missing.map((c) => KPI_IMPORT_LABELS[c]).join(', ') },
    });
  if (extra.length) out.push({ code: 'kpi_xlsx_extra_columns', params: { columns: extra.join(', ') } });
  return out;
}

function rowOf(cells: Map<string, Cell>, ref: number, issues: RowIssue[]): IncomingRow {
  const raw = {
    value: numberOf(cells.get('value') ?? null),
    numerator: numberOf(cells.get('numerator') ?? null),
    denominator: numberOf(cells.get('denominator') ?? null),
  };
  for (const field of ['value', 'numerator', 'denominator'] as const) {
    if (Number.isNaN(raw[field])) issues.push({ ref, field, code: 'kpi_not_a_number' });
  }
  const kpiCode = textOf(cells.get('kpi_code') ?? null);
  if (!kpiCode) issues.push({ ref, field: 'kpiCode', code: 'required' });
  const note = textOf(cells.get('note') ?? null).slice(0, 1000) || null;
  return {
    ref,
    kpiCode,
    unitCode: unitCodeOf(cells.get('unit_code') ?? null),
    period: textOf(cells.get('period') ?? null),
    raw,
    note,
  };
}

const MAX_COLUMNS = 64;

/**
 * Streams the first sheet (call assertSafeXlsx first); rows with unreadable numbers come back as issues
 * and are not returned as rows. Memory follows the rows kept, never the workbook's XML.
 */
export async function readKpiWorkbook(buffer: Buffer): Promise<ParsedSheet> {
  let headers: string[] | null = null;
  let fileIssues: FileIssue[] = [];
  const rows: IncomingRow[] = [];
  const issues: RowIssue[] = [];
  const { issue: stopped, sheetFound } = await readFirstSheet(
    buffer,
    {
      maxRows: KPI_IMPORT_MAX_ROWS,
      maxCells: KPI_IMPORT_MAX_ROWS * KPI_IMPORT_COLUMNS.length,
      maxColumns: MAX_COLUMNS,
    },
    (row) => {
      if (fileIssues.length) return;
      if (!headers) {
        headers = row.number === 1 ? row.cells.map((c) => columnOf(textOf(c))) : [];
        fileIssues = headerIssues(headers);
        if (row.number === 1) return;
      }
      const cells = new Map<string, Cell>();
      for (const [i, value] of row.cells.entries()) {
        const header = headers[i];
        if (header && value !== null) cells.set(header, value);
      }
      if ([...cells.values()].every((c) => c === null || textOf(c) === '')) return;
      // The template's hidden row of machine codes under the Vietnamese header.
      if ([...cells.entries()].every(([h, c]) => textOf(c).toLowerCase() === h)) return;
      const before = issues.length;
      const parsed = rowOf(cells, row.number, issues);
      if (issues.length === before) rows.push(parsed);
    },
  );
  if (stopped) {
    const code = stopped.code === 'too_many_rows' ? 'kpi_xlsx_too_many_rows' : stopped.code;
    return { fileIssues: [{ code, params: stopped.params }], rows: [], issues: [] };
  }
  if (!sheetFound) return { fileIssues: [{ code: 'kpi_xlsx_no_sheet' }], rows: [], issues: [] };
  if (!headers) fileIssues = headerIssues([]);
  if (fileIssues.length) return { fileIssues, rows: [], issues: [] };
  if (!rows.length && !issues.length) fileIssues.push({ code: 'kpi_xlsx_empty' });
  return { fileIssues, rows, issues };
}

/** The header rows of a template sheet: Vietnamese names, then the machine codes in a hidden row. */
function addHeader(sheet: ExcelJS.Worksheet) {
  sheet.addRow(KPI_IMPORT_COLUMNS.map((c) => KPI_IMPORT_LABELS[c]));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([...KPI_IMPORT_COLUMNS]);
  sheet.getRow(2).hidden = true;
}

/** The import template: the values sheet, an example sheet, and the list of KPIs in words. */
export async function buildKpiTemplate(defs: KpiDefinitionRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const values = workbook.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 2 }] });
  addHeader(values);
  // Text columns, so Excel keeps "05500" and "2025-07" as typed.
  for (const col of [1, 2, 3]) values.getColumn(col).numFmt = '@';
  values.columns.forEach((c) => {
    c.width = 16;
  });
  // Examples live on their own sheet so an untouched template never imports them.
  const example = workbook.addWorksheet('Ví dụ');
  addHeader(example);
  example.addRow(['EDOC_SENT', '05500', '2025-07', 1250, null, null, 'Số đếm: cột Giá trị; kỳ tháng 7/2025']);
  example.addRow(['ONLINE_PS_RATE', '05500', '2025-07', null, 412, 530, 'Tỷ lệ: Tử số và Mẫu số']);
  example.addRow([
    'INTERNET_USERS_RATE',
    '05500',
    '2025-Q3',
    87.5,
    null,
    null,
    'Phần trăm: cột Giá trị; quý III/2025',
  ]);
  example.columns.forEach((c) => {
    c.width = 18;
  });
  const list = workbook.addWorksheet('Danh mục chỉ số');
  list.addRow(['Mã chỉ số', 'Tên chỉ số', 'Loại giá trị', 'Chu kỳ (cách ghi kỳ)', 'Đơn vị tính']);
  list.getRow(1).font = { bold: true };
  // Names are typed by users: formula triggers and bidi overrides are neutralised like every export.
  for (const d of defs)
    list.addRow(
      neutraliseRow([
        d.code,
        d.nameVi,
        VALUE_TYPE_WORDS[d.valueType] ?? d.valueType,
        PERIODICITY_WORDS[d.periodicity] ?? d.periodicity,
        d.unitOfMeasure,
      ]),
    );
  list.columns.forEach((c, i) => {
    c.width = i === 1 ? 48 : 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
