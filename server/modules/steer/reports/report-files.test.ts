import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previousReportPeriod, reportPeriod } from '../../../../core/steer/report.js';
import { deriveTaskStatus } from '../../../../core/steer/task-status.js';
import { partsOf } from '../../../../test/helpers/zip-builder.js';
import { buildReportDocument, CONFIDENTIAL_TITLE, type ReportTaskRow } from './report-document.js';
import { buildReportDocx, buildReportXlsx } from './report-files.js';

// The report document (names on the aggregation) and its XLSX and DOCX, on four tasks of Q2/2026.

const Q2 = reportPeriod('quarter', 2026, 2)!;
const rows: (ReportTaskRow & { due: string; done?: string })[] = [
  {
    id: 1,
    title: 'Triển khai nền tảng LGSP',
    code: '1',
    isKey: true,
    confidential: false,
    planId: 7,
    leadUnitId: 100,
    due: '2026-04-30',
  },
  {
    id: 2,
    title: 'Số hóa hồ sơ',
    code: '2',
    isKey: false,
    confidential: false,
    planId: 7,
    leadUnitId: 100,
    due: '2026-05-31',
    done: '2026-05-20',
  },
  {
    id: 3,
    title: 'Hạng mục an ninh',
    code: '3',
    isKey: false,
    confidential: true,
    planId: 7,
    leadUnitId: 200,
    due: '2026-06-10',
  },
  {
    id: 4,
    title: '=HYPERLINK("x")',
    code: null,
    isKey: false,
    confidential: false,
    planId: null,
    leadUnitId: 200,
    due: '2026-06-15',
    done: '2026-06-20',
  },
];
const status = (asOf: string) =>
  new Map(
    rows.map((r) => [
      r.id,
      deriveTaskStatus(
        {
          assignedOn: '2026-01-10',
          deadline: { due: r.due },
          history: r.done ? [{ state: 'reported_done', on: r.done }] : [],
        },
        asOf,
      ),
    ]),
  );

const doc = buildReportDocument({
  scope: { id: 1, name: 'Tỉnh Thái Nguyên' },
  period: Q2,
  previous: previousReportPeriod(Q2),
  asOf: Q2.end,
  previousAsOf: '2026-03-31',
  tasks: rows,
  now: status(Q2.end),
  before: status('2026-03-31'),
  plans: new Map([[7, { numberSymbol: '12/KH-UBND', title: 'Kế hoạch chuyển đổi số năm 2026' }]]),
  unitNames: new Map([
    [100, 'Sở Tài chính'],
    [200, 'Xã Đại Phúc'],
  ]),
});

function docxText(docx: Buffer): string {
  const part = partsOf(docx).find((p) => p.name === 'word/document.xml');
  if (!part) throw new Error('no word/document.xml');
  const xml = inflateRawSync(part.deflated).toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' ');
}

describe('report document', () => {
  it('names units and plans, ranks units and hides confidential titles', () => {
    expect(doc.period).toMatchObject({ code: '2026-Q2', label: 'Quý II/2026' });
    expect(doc.totals).toMatchObject({ total: 4, due: 4, overdue: 2, completionRate: 0.5, onTimeRate: 0.25 });
    expect(doc.units.map((u) => [u.name, u.rank, u.onTimeRate])).toEqual([
      ['Sở Tài chính', 1, 0.5],
      ['Xã Đại Phúc', 2, 0],
    ]);
    expect(doc.plans.map((p) => [p.numberSymbol, p.total])).toEqual([
      ['Ngoài kế hoạch', 1],
      ['12/KH-UBND', 3],
    ]);
    expect(doc.overdueList.map((o) => [o.title, o.daysOverdue, o.leadUnitName])).toEqual([
      ['Triển khai nền tảng LGSP', 61, 'Sở Tài chính'],
      [CONFIDENTIAL_TITLE, 20, 'Xã Đại Phúc'],
    ]);
  });
});

describe('report files', () => {
  it('XLSX: Vietnamese sheets and headers, the figures, formulas neutralised', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildReportXlsx(doc)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Theo đơn vị',
      'Theo kế hoạch',
      'Nhiệm vụ quá hạn',
      'Thay đổi so với kỳ trước',
    ]);
    const units = book.getWorksheet('Theo đơn vị')!;
    expect(units.getRow(1).getCell(2).value).toBe('Đơn vị chủ trì');
    expect(units.getRow(2).values).toEqual([undefined, 1, 'Sở Tài chính', 2, 2, 1, 0, 0, 1, 0.5, 0.5, 0, 1]);
    const overdue = book.getWorksheet('Nhiệm vụ quá hạn')!;
    expect(overdue.getRow(2).getCell(7).value).toBe('30/04/2026');
    expect(overdue.getRow(2).getCell(8).value).toBe(61);
    const changes = book.getWorksheet('Thay đổi so với kỳ trước')!;
    const cells = changes.getColumn(2).values.filter(Boolean);
    expect(cells).toContain('\'=HYPERLINK("x")');
  });

  it('DOCX: administrative header, the period, the four-way split and the overdue list', async () => {
    const text = docxText(
      await buildReportDocx(
        doc,
        { name: 'Tỉnh Thái Nguyên', type: 'province', level: 1 },
        { numberSymbol: '45/BC-SKHCN', issuedAt: new Date('2026-07-03T02:00:00Z') },
      ),
    );
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'UBND TỈNH THÁI NGUYÊN',
      'Số: 45/BC-SKHCN',
      'Thái Nguyên, ngày 03 tháng 7 năm 2026',
      'Quý II/2026',
      'tỷ lệ hoàn thành đúng hạn đạt 25 %',
      'DANH MỤC NHIỆM VỤ QUÁ HẠN',
      'Triển khai nền tảng LGSP',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Hạng mục an ninh');
  });
});
