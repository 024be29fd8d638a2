import ExcelJS from 'exceljs';
import type { FieldError } from '../../../lib/errors.js';
import { AppError } from '../../../lib/errors.js';
import { assertSafeXlsx, XLSX_LIMITS } from '../../../lib/xlsx-guard.js';
import { findControlCharacter } from '../../../lib/xlsx-rows.js';
import { checkColumns, fileError, textOf } from './framework-xlsx.cells.js';
import {
  BAND_COLUMNS,
  BANDS_SHEET,
  FLAG,
  INFO_FIELDS,
  INFO_SHEET,
  LEVELS,
  type Level,
  NO_PILLAR,
  NODE_COLUMNS,
  NODES_SHEET,
  type NodeColumnKey,
} from './framework-xlsx.columns.js';
import { readRules } from './framework-xlsx.rules.js';

// Reads a framework workbook back into a definition. Only the layout is checked here (sheets, columns,
// levels, parents, numbers, JSON cells), with row numbers; the definition itself then goes through the
// same validator as any framework (types, sums, formulas, cycles). Nothing is saved unless all passes.

/** Where a part of the definition came from: "rows" is the node sheet, "rules" the consistency-rules sheet. */
export type SheetRow = { sheet: 'rows' | 'rules'; row: number };

export type ParsedFramework = {
  definition: Record<string, unknown>;
  /** Path of each node or rule in the definition ("groups.0.mainIndices.1") → its sheet row, for error mapping. */
  rowOfPath: Map<string, SheetRow>;
};

type Row = { n: number; get: (key: NodeColumnKey) => string | null };
const MAX_ERRORS = 200;
const LEVEL_OF_LABEL = new Map<string, Level>(
  Object.entries(LEVELS).flatMap(([k, v]) => [
    [v.toLowerCase(), k as Level],
    [k, k as Level],
  ]),
);

function rowsOf(sheet: ExcelJS.Worksheet, columns: Map<string, number>): Row[] {
  const rows: Row[] = [];
  const byKey = new Map(NODE_COLUMNS.map((c) => [c.key, columns.get(c.header) ?? 0]));
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (key: NodeColumnKey) => textOf(row.getCell(byKey.get(key) ?? 0).value);
    if (NODE_COLUMNS.some((c) => get(c.key) !== null)) rows.push({ n, get });
  });
  return rows;
}

type Ctx = { errors: FieldError[]; header: (k: NodeColumnKey) => string };

function err(ctx: Ctx, row: number, key: NodeColumnKey, code: string, params: Record<string, unknown> = {}) {
  if (ctx.errors.length < MAX_ERRORS)
    ctx.errors.push({
      field: `rows.${row}.${key}`,
      code,
      params: { row, column: ctx.header(key), ...params },
    });
}

function numberCell(ctx: Ctx, r: Row, key: NodeColumnKey): number | undefined {
  const text = r.get(key);
  const n = text === null ? Number.NaN : Number(text.replace(',', '.'));
  if (Number.isFinite(n)) return n;
  err(ctx, r.n, key, text === null ? 'measure.xlsx_required' : 'measure.xlsx_not_a_number');
  return undefined;
}

function jsonCell(ctx: Ctx, r: Row, key: NodeColumnKey): Record<string, unknown> | undefined {
  const text = r.get(key);
  if (text === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  err(ctx, r.n, key, 'measure.xlsx_bad_json');
  return undefined;
}

function optional(r: Row, keys: NodeColumnKey[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = r.get(k);
    if (v !== null) out[k] = v;
  }
  return out;
}

function componentOf(ctx: Ctx, r: Row) {
  const pillar = r.get('pillar');
  const params = jsonCell(ctx, r, 'ruleParams') ?? {};
  const appliesTo = jsonCell(ctx, r, 'appliesTo');
  return {
    code: r.get('code'),
    name: r.get('name'),
    ...optional(r, ['nameEn', 'description', 'valueType', 'unitOfMeasure']),
    ...optional(r, ['requiredEvidence', 'dataSource', 'verifyingAgency', 'kpiCode']),
    ...(appliesTo ? { appliesTo } : {}),
    ...(r.get('informational') === FLAG ? { informational: true } : {}),
    ...(r.get('isExample') === FLAG ? { isExample: true } : {}),
    maxPoints: numberCell(ctx, r, 'maxPoints'),
    ...(pillar === null ? {} : { pillar: pillar === NO_PILLAR ? null : pillar }),
    rule: { ...params, kind: r.get('ruleKind') ?? undefined },
  };
}

type Node = { level: Level; row: number; value: Record<string, unknown>; children: Node[] };

function buildTree(ctx: Ctx, rows: Row[]): Node[] {
  const byCode = new Map<string, Node>();
  const groups: Node[] = [];
  const parentLevel: Record<Level, Level | null> = { group: null, main: 'group', component: 'main' };
  for (const r of rows) {
    const level = LEVEL_OF_LABEL.get((r.get('level') ?? '').toLowerCase());
    const code = r.get('code');
    if (!level) {
      err(ctx, r.n, 'level', 'measure.xlsx_bad_level', { allowed: Object.values(LEVELS).join(', ') });
      continue;
    }
    if (code === null) err(ctx, r.n, 'code', 'measure.xlsx_required');
    else if (byCode.has(code)) err(ctx, r.n, 'code', 'measure.xlsx_duplicate_code', { code });
    const value =
      level === 'component'
        ? componentOf(ctx, r)
        : {
            code,
            name: r.get('name'),
            ...optional(r, level === 'main' ? ['nameEn', 'description'] : ['nameEn']),
            maxPoints: numberCell(ctx, r, 'maxPoints'),
            ...(level === 'main' && r.get('pillar') !== null ? { pillar: r.get('pillar') } : {}),
          };
    const node: Node = { level, row: r.n, value, children: [] };
    if (code !== null && !byCode.has(code)) byCode.set(code, node);
    const wanted = parentLevel[level];
    if (wanted === null) {
      groups.push(node);
      continue;
    }
    const parent = byCode.get(r.get('parentCode') ?? '');
    if (!parent || parent.level !== wanted) {
      err(ctx, r.n, 'parentCode', 'measure.xlsx_bad_parent', { parentLevel: LEVELS[wanted] });
    } else parent.children.push(node);
  }
  return groups;
}

function infoOf(book: ExcelJS.Workbook): Record<string, unknown> {
  const sheet = book.getWorksheet(INFO_SHEET);
  const info: Record<string, unknown> = {};
  if (!sheet) return info;
  const keys = new Set<string>(INFO_FIELDS.map((f) => f.key));
  sheet.eachRow((row, n) => {
    const key = textOf(row.getCell(1).value);
    const value = textOf(row.getCell(3).value);
    if (n === 1 || key === null || value === null || !keys.has(key)) return;
    if (key === 'maxPoints') info[key] = Number(value.replace(',', '.'));
    else if (key === 'isExample') info[key] = value === FLAG;
    else info[key] = value;
  });
  return info;
}

function bandsOf(book: ExcelJS.Workbook): Record<string, unknown>[] {
  const sheet = book.getWorksheet(BANDS_SHEET);
  if (!sheet) return [];
  checkColumns(
    sheet,
    BAND_COLUMNS.map((c) => c.header),
  );
  const bands: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    const cells = BAND_COLUMNS.map((_, i) => textOf(row.getCell(i + 1).value));
    if (n === 1 || cells.every((c) => c === null)) return;
    const [code, name, nameEn, minValue] = cells;
    bands.push({
      code,
      name,
      ...(nameEn ? { nameEn } : {}),
      minValue: Number((minValue ?? '').replace(',', '.')),
    });
  });
  return bands;
}

function assemble(groups: Node[], rowOfPath: Map<string, SheetRow>) {
  const at = (row: number): SheetRow => ({ sheet: 'rows', row });
  return groups.map((g, gi) => {
    rowOfPath.set(`groups.${gi}`, at(g.row));
    return {
      ...g.value,
      mainIndices: g.children.map((m, mi) => {
        rowOfPath.set(`groups.${gi}.mainIndices.${mi}`, at(m.row));
        return {
          ...m.value,
          components: m.children.map((c, ci) => {
            rowOfPath.set(`groups.${gi}.mainIndices.${mi}.components.${ci}`, at(c.row));
            return c.value;
          }),
        };
      }),
    };
  });
}

// A framework is tens of kilobytes: far tighter than the shared defaults, since exceljs loads it whole.
const FRAMEWORK_XLSX_LIMITS = {
  ...XLSX_LIMITS,
  maxTotalBytes: 10 * 1024 * 1024,
  maxSharedStringsBytes: 4 * 1024 * 1024,
};

async function loadBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  // The shared decompression guard (issue 8, finding 4) before exceljs inflates anything.
  await assertSafeXlsx(buffer, FRAMEWORK_XLSX_LIMITS);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fileError('measure.xlsx_unreadable');
  }
  // Control characters (PostgreSQL refuses U+0000) are refused with the cell that holds them (finding 6).
  const control = findControlCharacter(book);
  if (control)
    throw fileError('xlsx.control_character', {
      cell: `${control.sheet}!${control.cell}`,
      codePoint: control.codePoint,
    });
  return book;
}

export async function parseFrameworkWorkbook(buffer: Buffer): Promise<ParsedFramework> {
  const book = await loadBook(buffer);
  const sheet = book.getWorksheet(NODES_SHEET);
  if (!sheet) throw fileError('measure.xlsx_missing_sheet', { sheet: NODES_SHEET });
  const columns = checkColumns(
    sheet,
    NODE_COLUMNS.map((c) => c.header),
  );
  const headerOf = new Map(NODE_COLUMNS.map((c) => [c.key, c.header]));
  const ctx: Ctx = { errors: [], header: (k) => headerOf.get(k) ?? k };
  const groups = buildTree(ctx, rowsOf(sheet, columns));
  const bands = bandsOf(book);
  const rules = readRules(book, componentCodes(groups));
  const errors = [...ctx.errors, ...rules.errors].slice(0, MAX_ERRORS);
  if (errors.length) throw new AppError('VALIDATION', { fieldErrors: errors });
  const rowOfPath = new Map<string, SheetRow>();
  rules.rows.forEach((row, i) => {
    rowOfPath.set(`consistencyRules.${i}`, { sheet: 'rules', row });
  });
  const definition = { ...infoOf(book), groups: assemble(groups, rowOfPath), bands };
  // Absent rather than empty, so a framework without rules round-trips to an identical definition.
  return {
    definition: rules.rules.length ? { ...definition, consistencyRules: rules.rules } : definition,
    rowOfPath,
  };
}

/** Codes of the component rows that made it into the tree (rules may name only these). */
function componentCodes(groups: Node[]): Set<string> {
  const codes = groups.flatMap((g) => g.children.flatMap((m) => m.children.map((c) => c.value.code)));
  return new Set(codes.filter((c): c is string => typeof c === 'string'));
}

/** Points the validator's errors (paths into the definition) at sheet rows where a node is known. */
export function errorsToRows(errors: FieldError[], rowOfPath: Map<string, SheetRow>): FieldError[] {
  return errors.map((e) => {
    const path = e.field.replace(/^body\.definition\./, '');
    const parts = path.split('.');
    for (let i = parts.length; i > 0; i--) {
      const at = rowOfPath.get(parts.slice(0, i).join('.'));
      if (at !== undefined) {
        const rest = parts.slice(i).join('.');
        const { sheet, row } = at;
        return { ...e, field: `${sheet}.${row}${rest ? `.${rest}` : ''}`, params: { ...e.params, row } };
      }
    }
    return { ...e, field: path };
  });
}
