import ExcelJS from 'exceljs';
import type { ComponentValue } from '../../../core/contracts/measure-framework.js';
import { neutraliseRow, type SheetCell } from '../../lib/spreadsheet-safe.js';
import { valueKey } from './exports.components.js';
import type { ExportData } from './exports.service.js';
import { componentsOf } from './submission-context.js';

// The results workbook: ranking, main indices, pillars and components, one sheet each, Vietnamese
// headers. Every cell goes through neutraliseRow, so a unit or value typed as "=HYPERLINK(…)" stays text.

export const PILLAR_NAMES: Record<string, string> = {
  government: 'Chính quyền số',
  economy: 'Kinh tế số',
  society: 'Xã hội số',
};

export const UNIT_KIND_NAMES: Record<string, string> = {
  province: 'Tỉnh',
  department: 'Sở, ban, ngành',
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
  district: 'Huyện',
};

type Column = { header: string; width: number; format?: string };
const POINTS = '#,##0.00';
const VALUE = '0.0000';
const INT = '0';

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: SheetCell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: c.format } }));
  for (const row of rows) sheet.addRow(neutraliseRow(row));
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
      UNIT_KIND_NAMES[u.unitKind] ?? u.unitKind,
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

function componentsSheet(book: ExcelJS.Workbook, data: ExportData) {
  const columns: Column[] = [
    { header: 'Mã đơn vị', width: 12 },
    { header: 'Tên đơn vị', width: 30 },
    { header: 'Mã chỉ số', width: 10 },
    { header: 'Tên chỉ số thành phần', width: 40 },
    { header: 'Điểm tối đa', width: 10, format: POINTS },
    { header: 'Không áp dụng', width: 10 },
    { header: 'Tử số', width: 10 },
    { header: 'Mẫu số', width: 10 },
    { header: 'Giá trị số', width: 10 },
    { header: 'Lựa chọn', width: 12 },
    { header: 'Có/Không', width: 9 },
    { header: 'Ngày', width: 12 },
    { header: 'Văn bản', width: 30 },
    { header: 'Điểm tự đánh giá', width: 12, format: POINTS },
    { header: 'Điểm thẩm định', width: 12, format: POINTS },
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
        cell?.isNa ? 'x' : null,
        ...rawParts(cell?.selfValue ?? null),
        cell?.selfPoints ?? null,
        cell?.isNa ? null : (cell?.points ?? 0),
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
    pillarCodes.map((code) => ({ code, label: PILLAR_NAMES[code] ?? code })),
    (u) => u.pillars,
  );
  componentsSheet(book, data);
  return Buffer.from(await book.xlsx.writeBuffer());
}
