import type { Paragraph, Table } from 'docx';
import ExcelJS from 'exceljs';
import type { ReportDocument } from '../../../../core/contracts/steer-reports.js';
import { STATUS_BUCKET_LABELS } from '../../../../core/steer/labels.js';
import { formatRate } from '../../../../core/steer/report.js';
import { STATUS_BUCKETS, type StatusBucket } from '../../../../core/steer/types.js';
import { vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import { pieChartPng } from '../../../lib/charts.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  imageParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';
import { neutraliseRow, type SheetCell } from '../../../lib/spreadsheet-safe.js';

// The periodic report as files, both made from the stored report document only (so an issued report
// regenerates identically): an XLSX workbook with Vietnamese sheet names and headers, and a DOCX report in
// the administrative format of Decree 30/2020/NĐ-CP (server/lib/docx-admin.ts).

type Figures = ReportDocument['totals'];
type Column = { header: string; width: number; format?: string };
const RATE = '0.0%';
const INT = '0';
const CHANGE = '+0;-0;0';

const bucketLabel = (b: StatusBucket | null) => (b ? STATUS_BUCKET_LABELS[b].vi : 'Chưa phát sinh / đã hủy');
const dmy = (date: string | null) => (date ? vietnameseDateText(date) : '—');

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: SheetCell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { numFmt: c.format } }));
  for (const row of rows) sheet.addRow(neutraliseRow(row));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F5' } };
  if (rows.length)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  return sheet;
}

const FIGURE_COLUMNS: Column[] = [
  { header: 'Tổng số nhiệm vụ', width: 11, format: INT },
  { header: 'Đến hạn trong kỳ', width: 11, format: INT },
  { header: 'Hoàn thành đúng hạn', width: 12, format: INT },
  { header: 'Hoàn thành quá hạn', width: 12, format: INT },
  { header: 'Chưa hoàn thành, trong hạn', width: 13, format: INT },
  { header: 'Chưa hoàn thành, quá hạn', width: 13, format: INT },
  { header: 'Tỷ lệ hoàn thành (nhiệm vụ đến hạn)', width: 14, format: RATE },
  { header: 'Tỷ lệ đúng hạn (nhiệm vụ đến hạn)', width: 14, format: RATE },
  { header: 'Quá hạn kỳ trước', width: 11, format: INT },
  { header: 'Tăng (+) / giảm (−) quá hạn', width: 12, format: CHANGE },
];

function figureCells(f: Figures): SheetCell[] {
  return [
    f.total,
    f.due,
    f.split.done_on_time,
    f.split.done_late,
    f.split.in_progress,
    f.split.overdue,
    f.completionRate,
    f.onTimeRate,
    f.overdueBefore,
    f.overdueChange,
  ];
}

/** The workbook: summary, by unit (ranked), by plan, overdue tasks, changes since the last period. */
export async function buildReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  const t = doc.totals;
  addSheet(
    book,
    'Tổng hợp',
    [
      { header: 'Nội dung', width: 52 },
      { header: 'Giá trị', width: 18 },
    ],
    [
      ['Đơn vị báo cáo', doc.scope.name],
      ['Kỳ báo cáo', doc.period.label],
      ['Số liệu tính đến ngày', dmy(doc.asOf)],
      ['Tổng số nhiệm vụ theo dõi', t.total],
      ...STATUS_BUCKETS.map((b): SheetCell[] => [`- ${STATUS_BUCKET_LABELS[b].vi}`, t.split[b]]),
      ['Số nhiệm vụ đến hạn trong kỳ', t.due],
      ['- Đã hoàn thành đúng hạn', t.dueSplit.done_on_time],
      ['- Đã hoàn thành quá hạn', t.dueSplit.done_late],
      ['- Chưa hoàn thành, trong hạn', t.dueSplit.in_progress],
      ['- Chưa hoàn thành, quá hạn', t.dueSplit.overdue],
      ['Tỷ lệ hoàn thành (nhiệm vụ đến hạn trong kỳ)', formatRate(t.completionRate)],
      ['Tỷ lệ hoàn thành đúng hạn (nhiệm vụ đến hạn trong kỳ)', formatRate(t.onTimeRate)],
      [`Số nhiệm vụ quá hạn (${doc.previousPeriod.label}: ${t.overdueBefore})`, t.overdue],
      ['Tăng (+) / giảm (−) so với kỳ trước', t.overdueChange],
    ],
  );
  addSheet(
    book,
    'Theo đơn vị',
    [
      { header: 'Xếp hạng', width: 9, format: INT },
      { header: 'Đơn vị chủ trì', width: 40 },
      ...FIGURE_COLUMNS,
    ],
    doc.units.map((u) => [u.rank, u.name, ...figureCells(u)]),
  );
  addSheet(
    book,
    'Theo kế hoạch',
    [{ header: 'Số, ký hiệu', width: 20 }, { header: 'Kế hoạch', width: 48 }, ...FIGURE_COLUMNS],
    doc.plans.map((p) => [p.numberSymbol, p.title, ...figureCells(p)]),
  );
  addSheet(
    book,
    'Nhiệm vụ quá hạn',
    [
      { header: 'STT', width: 6, format: INT },
      { header: 'Mã', width: 10 },
      { header: 'Nhiệm vụ', width: 60 },
      { header: 'Trọng tâm', width: 10 },
      { header: 'Kế hoạch', width: 18 },
      { header: 'Đơn vị chủ trì', width: 36 },
      { header: 'Thời hạn', width: 12 },
      { header: 'Số ngày quá hạn', width: 11, format: INT },
    ],
    doc.overdueList.map((o, i) => [
      i + 1,
      o.code,
      o.title,
      o.isKey ? 'Có' : '',
      o.planNumber ?? 'Ngoài kế hoạch',
      o.leadUnitName,
      dmy(o.due),
      o.daysOverdue,
    ]),
  );
  addSheet(
    book,
    'Thay đổi so với kỳ trước',
    [
      { header: 'STT', width: 6, format: INT },
      { header: 'Nhiệm vụ', width: 60 },
      { header: 'Đơn vị chủ trì', width: 36 },
      { header: `Tình trạng ngày ${dmy(doc.previousAsOf)}`, width: 26 },
      { header: `Tình trạng ngày ${dmy(doc.asOf)}`, width: 26 },
    ],
    doc.changes.map((c, i) => [i + 1, c.title, c.leadUnitName, bucketLabel(c.from), bucketLabel(c.to)]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- DOCX

export type ReportIssuer = { name: string; type: string; level: number };

const PLACE_PREFIXES = /^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã)\s+/iu;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Who issues it: for a province, the Department of Science and Technology (standing agency of the committee). */
function issuerOf(scope: ReportIssuer) {
  const place = scope.name.trim().replace(PLACE_PREFIXES, '') || scope.name.trim();
  const isProvince = scope.level === 1 || scope.type.toLowerCase() === 'province';
  if (isProvince)
    return {
      parentBody: `UBND ${upper(scope.name)}`,
      issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      symbol: 'BC-SKHCN',
      place,
      superior: `Ban Chỉ đạo chuyển đổi số ${scope.name}`,
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
    };
  // A commune or ward reports as its People's Committee; a department or agency as itself.
  const isLocality = PLACE_PREFIXES.test(scope.name.trim());
  return {
    parentBody: '',
    issuer: upper(isLocality ? `Ủy ban nhân dân ${scope.name}` : scope.name),
    symbol: isLocality ? 'BC-UBND' : 'BC',
    place,
    superior: 'Ban Chỉ đạo chuyển đổi số tỉnh',
    authority: isLocality ? 'TM. ỦY BAN NHÂN DÂN' : undefined,
    title: isLocality ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG ĐƠN VỊ',
  };
}

const pct = (r: number | null) => formatRate(r);
const change = (n: number) => (n > 0 ? `tăng ${n}` : n < 0 ? `giảm ${-n}` : 'không đổi');

function overview(doc: ReportDocument): (Paragraph | Table)[] {
  const t = doc.totals;
  const out: (Paragraph | Table)[] = [
    headingParagraph('I. KẾT QUẢ CHUNG'),
    bodyParagraph(
      `Tính đến ngày ${dmy(doc.asOf)}, ${doc.scope.name} theo dõi ${t.total} nhiệm vụ chuyển đổi số, trong đó: ` +
        `${t.split.done_on_time} nhiệm vụ hoàn thành đúng hạn, ${t.split.done_late} nhiệm vụ hoàn thành quá hạn, ` +
        `${t.split.in_progress} nhiệm vụ chưa hoàn thành nhưng còn trong hạn và ${t.split.overdue} nhiệm vụ quá hạn chưa hoàn thành.`,
    ),
    bodyParagraph(
      `Trong ${doc.period.label.toLocaleLowerCase('vi')} có ${t.due} nhiệm vụ đến hạn; tỷ lệ hoàn thành đạt ${pct(t.completionRate)}, ` +
        `tỷ lệ hoàn thành đúng hạn đạt ${pct(t.onTimeRate)}. Số nhiệm vụ quá hạn ${change(t.overdueChange)} so với ` +
        `${doc.previousPeriod.label} (${t.overdueBefore} nhiệm vụ tại ngày ${dmy(doc.previousAsOf)}).`,
    ),
    dataTable(
      ['Tình trạng', 'Tất cả nhiệm vụ', 'Nhiệm vụ đến hạn trong kỳ'],
      STATUS_BUCKETS.map((b) => [STATUS_BUCKET_LABELS[b].vi, t.split[b], t.dueSplit[b]]),
      [50, 25, 25],
    ),
  ];
  const slices = STATUS_BUCKETS.map((b) => ({ name: STATUS_BUCKET_LABELS[b].vi, value: t.split[b] })).filter(
    (s) => s.value > 0,
  );
  if (slices.length) {
    const png = pieChartPng({ title: 'Tình trạng thực hiện nhiệm vụ', slices }, { width: 560, height: 320 });
    out.push(imageParagraph(png, 480, Math.round((480 * 320) / 560)));
  }
  return out;
}

function byUnit(doc: ReportDocument): (Paragraph | Table)[] {
  return [
    headingParagraph('II. KẾT QUẢ THEO ĐƠN VỊ CHỦ TRÌ'),
    bodyParagraph(
      'Xếp hạng theo tỷ lệ hoàn thành đúng hạn các nhiệm vụ đến hạn trong kỳ, tiếp đến tỷ lệ hoàn thành và số nhiệm vụ quá hạn; đơn vị không có nhiệm vụ đến hạn không xếp hạng.',
    ),
    doc.units.length
      ? dataTable(
          [
            'Hạng',
            'Đơn vị',
            'Đến hạn',
            'Đúng hạn',
            'Quá hạn đã HT',
            'Quá hạn chưa HT',
            'Tỷ lệ HT',
            'Tỷ lệ đúng hạn',
          ],
          doc.units.map((u) => [
            u.rank ?? '–',
            u.name,
            u.due,
            u.dueSplit.done_on_time,
            u.dueSplit.done_late,
            u.overdue,
            pct(u.completionRate),
            pct(u.onTimeRate),
          ]),
          [7, 29, 9, 9, 11, 11, 12, 12],
        )
      : bodyParagraph('Không có nhiệm vụ.'),
  ];
}

function byPlan(doc: ReportDocument): (Paragraph | Table)[] {
  return [
    headingParagraph('III. KẾT QUẢ THEO KẾ HOẠCH'),
    doc.plans.length
      ? dataTable(
          ['Kế hoạch', 'Tổng số', 'Đến hạn', 'Đúng hạn', 'Quá hạn chưa HT', 'Tỷ lệ HT', 'Tỷ lệ đúng hạn'],
          doc.plans.map((p) => [
            `${p.numberSymbol} – ${p.title}`,
            p.total,
            p.due,
            p.dueSplit.done_on_time,
            p.overdue,
            pct(p.completionRate),
            pct(p.onTimeRate),
          ]),
          [36, 9, 9, 10, 12, 12, 12],
        )
      : bodyParagraph('Không có kế hoạch.'),
  ];
}

function overdueSection(doc: ReportDocument): (Paragraph | Table)[] {
  return [
    headingParagraph('IV. DANH MỤC NHIỆM VỤ QUÁ HẠN'),
    doc.overdueList.length
      ? dataTable(
          ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Số ngày quá hạn'],
          doc.overdueList.map((o, i) => [
            i + 1,
            `${o.isKey ? '(Trọng tâm) ' : ''}${o.title}`,
            o.leadUnitName,
            dmy(o.due),
            o.daysOverdue,
          ]),
          [7, 45, 24, 12, 12],
        )
      : bodyParagraph('Không có nhiệm vụ quá hạn.'),
  ];
}

function proposals(doc: ReportDocument): (Paragraph | Table)[] {
  const late = doc.units.filter((u) => u.overdue > 0);
  return [
    headingParagraph('V. ĐỀ XUẤT, KIẾN NGHỊ'),
    bodyParagraph(
      late.length
        ? `Đề nghị ${late.length} đơn vị có nhiệm vụ quá hạn (${late
            .slice(0, 5)
            .map((u) => u.name)
            .join(
              ', ',
            )}${late.length > 5 ? '…' : ''}) tập trung chỉ đạo hoàn thành, báo cáo kết quả và đề xuất gia hạn (nếu có) trước kỳ báo cáo tiếp theo.`
        : 'Các đơn vị đã hoàn thành hoặc đang thực hiện trong hạn các nhiệm vụ được giao; đề nghị tiếp tục duy trì tiến độ.',
    ),
  ];
}

export async function buildReportDocx(
  doc: ReportDocument,
  scope: ReportIssuer,
  options: { numberSymbol: string | null; issuedAt: Date },
): Promise<Buffer> {
  const issuer = issuerOf(scope);
  return buildAdminDocument({
    parentBody: issuer.parentBody,
    issuer: issuer.issuer,
    numberLine: `Số: ${options.numberSymbol ?? `……/${issuer.symbol}`}`,
    placeDateLine: `${issuer.place}, ${vietnameseDateWords(options.issuedAt)}`,
    kind: 'BÁO CÁO',
    summary: `Kết quả thực hiện nhiệm vụ chuyển đổi số\n${doc.period.label}`,
    body: [...overview(doc), ...byUnit(doc), ...byPlan(doc), ...overdueSection(doc), ...proposals(doc)],
    recipients: [`${issuer.superior} (để báo cáo)`, 'Các đơn vị chủ trì nhiệm vụ', 'Lưu: VT'],
    signer: { authority: issuer.authority, title: issuer.title, name: '……………………' },
  });
}
