import ExcelJS from 'exceljs';
import type { ComponentValue } from '../../../../core/contracts/measure-framework.js';
import { pillarLabel, unitKindLabel } from '../../../../core/measure/labels.js';
import { componentsOf } from '../../../../core/measure/values.js';
import { neutraliseRow, type SheetCell } from '../../../lib/spreadsheet-safe.js';
import type { ExportData } from '../measure.types.js';
import { valueKey } from './exports.components.js';

// The results workbook: ranking, main indices, pillars and components, one sheet each, Vietnamese
// headers. Every cell goes through neutraliseRow, so a unit or value typed as "=HYPERLINK(…)" stays text.

export type Column = { header: string; width: number; format?: string };
export const POINTS = '#,##0.00';
export const VALUE = '0.0000';
export const INT = '0';

/**
 * Scores are summed in floating point (17.499999999999996); storage keeps them exact as computed and the
 * file shows them rounded to 6 decimals, which no rule's precision needs more than.
 */
export function presentNumber(cell: SheetCell): SheetCell {
  return typeof cell === 'number' && !Number.isInteger(cell) ? Math.round(cell * 1e6) / 1e6 : cell;
}

export function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: SheetCell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: c.format } }));
  for (const row of rows) sheet.addRow(neutraliseRow(row.map(presentNumber)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  return sheet;
}

function rankingSheet(book: ExcelJS.Workbook, data: ExportData) {
  const columns: Column[] = [
    { header: 'Hạng', width: 7, format: INT },
    { header: 'Hạng trong nhóm', width: 10, format: INT },
    { header: 'Mã đơn vị', width: 12 },
    { header: 'Tên đơn vị', width: 36 },
    { header: 'Loại đơn vị', width: 16 },
    { header: 'Tổng điểm', width: 12, format: POINTS },
    { header: 'Điểm tối đa áp dụng', width: 14, format: POINTS },
    { header: 'Giá trị (0–1)', width: 12, format: VALUE },
    { header: 'Mức', width: 14 },
    { header: 'Thay đổi giá trị so với kỳ trước', width: 16, format: `+${VALUE};-${VALUE};${VALUE}` },
    { header: 'Thay đổi hạng so với kỳ trước', width: 14, format: '+0;-0;0' },
  ];
  const rows = data.results.units.map((u) => {
    const before = data.previous.get(u.unitId);
    return [
      u.rank,
      u.peerRank,
      u.unitCode,
      u.unitName,
      unitKindLabel(u.unitKind),
      u.points,
      u.applicableMax,
      u.value,
      u.band?.name ?? null,
      before && before.value !== null && u.value !== null
        ? Math.round((u.value - before.value) * 1e6) / 1e6
        : null,
      before && before.rank !== null && u.rank !== null ? before.rank - u.rank : null,
    ];
  });
  addSheet(book, 'Xếp hạng', columns, rows);
}

function nodeSheet(
  book: ExcelJS.Workbook,
  data: ExportData,
  name: string,
  nodes: { code: string; label: string }[],
  pick: (
    u: ExportData['results']['units'][number],
  ) => { code: string; points: number; value: number | null }[],
) {
  const columns: Column[] = [
    { header: 'Hạng', width: 7, format: INT },
    { header: 'Mã đơn vị', width: 12 },
    { header: 'Tên đơn vị', width: 36 },
    ...nodes.flatMap((n) => [
      { header: `${n.label} – điểm`, width: 14, format: POINTS },
      { header: `${n.label} – giá trị`, width: 14, format: VALUE },
    ]),
  ];
  const rows = data.results.units.map((u) => {
    const byCode = new Map(pick(u).map((x) => [x.code, x]));
    return [
      u.rank,
      u.unitCode,
      u.unitName,
      ...nodes.flatMap((n) => [byCode.get(n.code)?.points ?? null, byCode.get(n.code)?.value ?? null]),
    ];
  });
  addSheet(book, name, columns, rows);
}

function rawParts(value: ComponentValue | null): SheetCell[] {
  const v = (value ?? {}) as Record<string, unknown>;
  const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : null);
  return [
    num('numerator'),
    num('denominator'),
    num('number') ?? num('percent'),
    typeof v.choice === 'string' ? v.choice : null,
    typeof v.bool === 'boolean' ? (v.bool ? 'Có' : 'Không') : null,
    typeof v.date === 'string' ? v.date : null,
    typeof v.documentRef === 'string' ? v.documentRef : null,
  ];
}

/** The reason a unit gave for "not applicable", or a plain mark when it gave none. */
function naReasonOf(value: ComponentValue | null): string {
  const reason = (value as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && reason.trim() ? reason.trim() : 'x';
}

function componentsSheet(book: ExcelJS.Workbook, data: ExportData) {
  const columns: Column[] = [
    { header: 'Mã đơn vị', width: 12 },
    { header: 'Tên đơn vị', width: 30 },
    { header: 'Mã chỉ số', width: 10 },
    { header: 'Tên chỉ số thành phần', width: 40 },
    { header: 'Điểm tối đa', width: 10, format: POINTS },
    { header: 'Không áp dụng (lý do)', width: 24 },
    { header: 'Tử số', width: 10 },
    { header: 'Mẫu số', width: 10 },
    { header: 'Giá trị số', width: 10 },
    { header: 'Lựa chọn', width: 12 },
    { header: 'Có/Không', width: 9 },
    { header: 'Ngày', width: 12 },
    { header: 'Văn bản', width: 30 },
    { header: 'Điểm tự đánh giá', width: 12, format: POINTS },
    { header: 'Điểm thẩm định', width: 12, format: POINTS },
    { header: 'Nhận xét thẩm định', width: 40 },
  ];
  const components = componentsOf(data.framework);
  const rows = data.results.units.flatMap((u) =>
    components.map((c) => {
      // An absent cell is a component the unit left empty: no value, 0 points.
      const cell = data.components.get(valueKey(u.unitId, c.code));
      return [
        u.unitCode,
        u.unitName,
        c.code,
        c.name,
        c.maxPoints,
        cell?.isNa ? naReasonOf(cell.selfValue) : null,
        ...rawParts(cell?.selfValue ?? null),
        cell?.selfPoints ?? null,
        cell?.isNa ? null : (cell?.points ?? 0),
        data.comments.get(valueKey(u.unitId, c.code)) ?? null,
      ];
    }),
  );
  addSheet(book, 'Chỉ số thành phần', columns, rows);
}

export async function buildResultsWorkbook(data: ExportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  book.created = new Date(data.results.computedAt);
  rankingSheet(book, data);
  const mainIndices = data.framework.groups.flatMap((g) => g.mainIndices);
  nodeSheet(
    book,
    data,
    'Chỉ số chính',
    mainIndices.map((m) => ({ code: m.code, label: `${m.code}. ${m.name}` })),
    (u) => u.mainIndices,
  );
  const pillarCodes = [...new Set(data.results.units.flatMap((u) => u.pillars.map((p) => p.code)))];
  nodeSheet(
    book,
    data,
    'Trụ cột',
    pillarCodes.map((code) => ({ code, label: pillarLabel(code) })),
    (u) => u.pillars,
  );
  componentsSheet(book, data);
  return Buffer.from(await book.xlsx.writeBuffer());
}
