import type ExcelJS from 'exceljs';
import type { ConsistencyRule } from '../../../../core/contracts/measure-framework.js';
import { comparisonCodes, ExpressionError, parseComparison } from '../../../../core/measure/expression.js';
import type { FieldError } from '../../../lib/errors.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';
import { checkColumns, styleHeader, textOf } from './framework-xlsx.cells.js';
import { RULE_COLUMNS, RULES_SHEET, type RuleColumnKey } from './framework-xlsx.columns.js';

// The consistency-rules sheet: one rule a row. Written even when empty so people can add rules in Excel;
// optional on import, since workbooks exported before rules were carried have no such sheet. Each row is
// checked here (required cells, one comparison, known component codes, unique codes) so the errors name the
// sheet and row; the core validator still runs on the whole definition afterwards.

export function addRulesSheet(book: ExcelJS.Workbook, rules: ConsistencyRule[]) {
  const sheet = book.addWorksheet(RULES_SHEET);
  sheet.columns = RULE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rules) sheet.addRow(neutraliseRow([r.code, r.expression, r.message, r.messageEn ?? null]));
  styleHeader(sheet, RULE_COLUMNS.length, rules.length + 1);
}

export type ParsedRules = { rules: ConsistencyRule[]; rows: number[]; errors: FieldError[] };

type RuleRow = { n: number; get: (key: RuleColumnKey) => string | null };

function rowsOf(sheet: ExcelJS.Worksheet, columns: Map<string, number>): RuleRow[] {
  const rows: RuleRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (key: RuleColumnKey) => {
      const header = RULE_COLUMNS.find((c) => c.key === key)?.header ?? '';
      return textOf(row.getCell(columns.get(header) ?? 0).value);
    };
    if (RULE_COLUMNS.some((c) => get(c.key) !== null)) rows.push({ n, get });
  });
  return rows;
}

function ruleError(row: number, key: RuleColumnKey, code: string, params: Record<string, unknown> = {}) {
  const column = RULE_COLUMNS.find((c) => c.key === key)?.header;
  return { field: `rules.${row}.${key}`, code, params: { sheet: RULES_SHEET, row, column, ...params } };
}

/** Problems with one rule's expression: not a single comparison, or a code that is not a component. */
function expressionErrors(r: RuleRow, expression: string, components: ReadonlySet<string>): FieldError[] {
  try {
    const unknown = [...comparisonCodes(parseComparison(expression))].filter((c) => !components.has(c));
    return unknown.map((code) => ruleError(r.n, 'expression', 'measure.xlsx_rule_unknown_code', { code }));
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return [
      ruleError(r.n, 'expression', 'measure.xlsx_rule_syntax', {
        reason: e.reason,
        position: e.position + 1,
      }),
    ];
  }
}

function ruleOf(r: RuleRow, components: ReadonlySet<string>, seen: Set<string>) {
  const errors: FieldError[] = [];
  for (const key of ['code', 'expression', 'message'] as const)
    if (r.get(key) === null) errors.push(ruleError(r.n, key, 'measure.xlsx_rule_required'));
  const code = r.get('code');
  if (code !== null && seen.has(code))
    errors.push(ruleError(r.n, 'code', 'measure.xlsx_rule_duplicate_code', { code }));
  if (code !== null) seen.add(code);
  const expression = r.get('expression');
  if (expression !== null) errors.push(...expressionErrors(r, expression, components));
  const messageEn = r.get('messageEn');
  const rule = { code, expression, message: r.get('message'), ...(messageEn ? { messageEn } : {}) };
  return { rule: rule as ConsistencyRule, errors };
}

/** The rules of the workbook, the sheet row of each (for mapping later errors), and row-level errors. */
export function readRules(book: ExcelJS.Workbook, components: ReadonlySet<string>): ParsedRules {
  const sheet = book.getWorksheet(RULES_SHEET);
  const out: ParsedRules = { rules: [], rows: [], errors: [] };
  if (!sheet) return out;
  const columns = checkColumns(
    sheet,
    RULE_COLUMNS.map((c) => c.header),
  );
  const seen = new Set<string>();
  for (const r of rowsOf(sheet, columns)) {
    const { rule, errors } = ruleOf(r, components, seen);
    out.rules.push(rule);
    out.rows.push(r.n);
    out.errors.push(...errors);
  }
  return out;
}
