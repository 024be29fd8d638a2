import ExcelJS from 'exceljs';
import { KPI_IMPORT_COLUMNS } from '../../../core/contracts/kpis.js';
import type { IncomingRow, RowIssue } from './kpi-rows.js';
import type { KpiDefinitionRow } from './kpis.repository.js';

// Reading and writing the KPI import workbook: one sheet, header row kpi_code, unit_code, period,
// value, numerator, denominator, note; one value per row.

export const KPI_IMPORT_MAX_ROWS = 100_000;
const REQUIRED = KPI_IMPORT_COLUMNS.filter((c) => c !== 'note');

export type FileIssue = { code: string; params?: Record<string, unknown> };

/** An .xlsx is a zip (PK\x03\x04) whose first entries include [Content_Types].xml; the name says nothing. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== 0x04034b50) return false;
  return buffer.includes('[Content_Types].xml') && buffer.includes('xl/');
}

type Cell = string | number | Date | null;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function textOf(cell: Cell): string {
  if (cell === null) return '';
  // Excel turns a typed "2025-07" into a date: read it back as the month it was.
  if (cell instanceof Date)
    return `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}`;
  // PostgreSQL text cannot hold U+0000; a cell carrying one would otherwise fail the commit.
  return String(cell).split('\u0000').join('').trim();
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
  if (missing.length) out.push({ code: 'kpi_xlsx_missing_columns', params: { columns: missing.join(', ') } });
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

/** Loads the first sheet; rows with unreadable numbers come back as issues and are not returned as rows. */
export async function readKpiWorkbook(buffer: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { fileIssues: [{ code: 'kpi_xlsx_no_sheet' }], rows: [], issues: [] };
  if (sheet.rowCount - 1 > KPI_IMPORT_MAX_ROWS) {
    return {
      fileIssues: [{ code: 'kpi_xlsx_too_many_rows', params: { max: KPI_IMPORT_MAX_ROWS } }],
      rows: [],
      issues: [],
    };
  }
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = textOf(cellOf(cell.value)).toLowerCase();
  });
  const fileIssues = headerIssues(headers.filter((h) => h !== undefined));
  if (fileIssues.length) return { fileIssues, rows: [], issues: [] };
  const rows: IncomingRow[] = [];
  const issues: RowIssue[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<string, Cell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (headers[col]) cells.set(headers[col], cellOf(cell.value));
    });
    if ([...cells.values()].every((c) => c === null || textOf(c) === '')) return;
    const before = issues.length;
    const parsed = rowOf(cells, rowNumber, issues);
    if (issues.length === before) rows.push(parsed);
  });
  if (!rows.length && !issues.length) fileIssues.push({ code: 'kpi_xlsx_empty' });
  return { fileIssues, rows, issues };
}

/** The import template: the values sheet with example rows, and a sheet listing the KPIs. */
export async function buildKpiTemplate(defs: KpiDefinitionRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const values = workbook.addWorksheet('values');
  values.addRow([...KPI_IMPORT_COLUMNS]);
  values.getRow(1).font = { bold: true };
  // Text columns, so Excel keeps "05500" and "2025-07" as typed.
  for (const col of [1, 2, 3]) values.getColumn(col).numFmt = '@';
  values.columns.forEach((c) => {
    c.width = 16;
  });
  // Examples live on their own sheet so an untouched template never imports them.
  const example = workbook.addWorksheet('example');
  example.addRow([...KPI_IMPORT_COLUMNS]);
  example.addRow(['EDOC_SENT', '05500', '2025-07', 1250, null, null, 'Số đếm: cột value']);
  example.addRow(['ONLINE_PS_RATE', '05500', '2025-07', null, 412, 530, 'Tỷ lệ: tử số và mẫu số']);
  example.addRow(['INTERNET_USERS_RATE', '05500', '2025-Q3', 87.5, null, null, 'Phần trăm: cột value']);
  const list = workbook.addWorksheet('kpis');
  list.addRow(['kpi_code', 'name', 'value_type', 'periodicity', 'unit_of_measure']);
  list.getRow(1).font = { bold: true };
  for (const d of defs) list.addRow([d.code, d.nameVi, d.valueType, d.periodicity, d.unitOfMeasure]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
