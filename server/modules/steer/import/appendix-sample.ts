import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../lib/spreadsheet-safe.js';

// A realistic task appendix ("Phụ lục nhiệm vụ") as secretariats issue it, for the "Tải mẫu" download, the
// demo and the tests: a title block above the header, "Đơn vị thực hiện" split into "Chủ trì" / "Phối hợp"
// on two header rows, a row numbering the columns, Roman-numeral groups whose title is merged across the
// table, a lead unit merged down over the tasks it leads, sub-tasks 2.1 / 2.2, several coordinating units
// in one cell, collective names ("Các sở, ban, ngành") and every deadline form.

export type SampleRow = {
  stt: string | number;
  title: string;
  lead?: string;
  coordinators?: string;
  deadline?: string;
  product?: string;
  note?: string;
  /** Merge the lead unit down over this many rows (this one included). */
  mergeLead?: number;
};

export const SAMPLE_APPENDIX_ROWS = (year: number): SampleRow[] => [
  { stt: 'I', title: 'PHÁT TRIỂN CHÍNH QUYỀN SỐ' },
  {
    stt: 1,
    title: 'Vận hành Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh, kết nối dữ liệu các ngành',
    lead: 'Sở KH&CN',
    coordinators: 'Văn phòng UBND tỉnh; Công an tỉnh\nCác sở, ban, ngành',
    deadline: `Quý II/${year}`,
    product: 'IOC vận hành, báo cáo tháng',
    mergeLead: 3,
  },
  {
    stt: 2,
    title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
    coordinators: 'Sở Nội vụ, UBND các xã, phường',
    deadline: `6 tháng đầu năm ${year}`,
    product: 'Tỷ lệ hồ sơ được số hóa đạt 100%',
  },
  {
    stt: '2.1',
    title: 'Số hóa hồ sơ tại bộ phận một cửa cấp tỉnh',
    deadline: `Tháng 3/${year}`,
  },
  {
    stt: '2.2',
    title: 'Số hóa hồ sơ tại bộ phận một cửa cấp xã',
    lead: 'UBND phường Phan Đình Phùng',
    deadline: `Tháng 6/${year}`,
  },
  {
    stt: 3,
    title: 'Cung cấp dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến',
    lead: 'Văn phòng Ủy ban nhân dân tỉnh',
    coordinators: 'Sở Tài chính; Sở KH&CN',
    deadline: 'Thường xuyên, báo cáo hằng quý',
    product: 'Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 80%',
  },
  { stt: 'II', title: 'PHÁT TRIỂN KINH TẾ SỐ' },
  {
    stt: 1,
    title: 'Đưa sản phẩm OCOP của tỉnh lên sàn thương mại điện tử',
    lead: 'Sở Nông nghiệp và Môi trường',
    coordinators: 'Sở Tài chính, UBND xã Đồng Hỷ, UBND xã Phú Bình',
    deadline: `31/10/${year}`,
    product: '100% sản phẩm OCOP có mặt trên sàn',
  },
  {
    stt: 2,
    title: 'Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số',
    lead: 'Sở Tài chính',
    coordinators: 'Các cơ quan, đơn vị liên quan',
    deadline: `Năm ${year}`,
    product: 'Ít nhất 200 doanh nghiệp được hỗ trợ',
  },
  { stt: 'III', title: 'PHÁT TRIỂN XÃ HỘI SỐ' },
  {
    stt: 1,
    title: 'Phổ cập kỹ năng số cho người dân qua Tổ công nghệ số cộng đồng',
    lead: 'UBND xã Đại Từ',
    coordinators: 'Sở Giáo dục và Đào tạo; Sở Y tế',
    deadline: `Quý III/${year}`,
    product: 'Tổ công nghệ số hoạt động ở 100% thôn, tổ dân phố',
  },
  {
    stt: 2,
    title: 'Triển khai hồ sơ sức khỏe điện tử cho người dân',
    lead: 'Sở Y tế',
    coordinators: 'Công an tỉnh; UBND các xã',
    deadline: `Tháng 9/${year}`,
    product: '90% người dân có hồ sơ sức khỏe điện tử',
  },
];

const HEADER_TOP = [
  'STT',
  'Nội dung nhiệm vụ',
  'Đơn vị thực hiện',
  '',
  'Thời gian hoàn thành',
  'Sản phẩm / Kết quả đầu ra',
  'Ghi chú',
];

/** The sample appendix workbook for `year`, with the plan's number in its title when known. */
export async function buildSampleAppendix(
  year: number,
  opts: { planLabel?: string; rows?: SampleRow[] } = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Phụ lục');
  const cell = (v: string | number | undefined) => (v === undefined || v === '' ? null : neutraliseCell(v));
  ws.columns = [
    { width: 6 },
    { width: 60 },
    { width: 28 },
    { width: 32 },
    { width: 20 },
    { width: 34 },
    { width: 14 },
  ];
  const title = (row: number, text: string, bold = true, italic = false) => {
    ws.getCell(row, 1).value = text;
    ws.mergeCells(row, 1, row, 7);
    ws.getCell(row, 1).font = { bold, italic, name: 'Times New Roman', size: 13 };
    ws.getCell(row, 1).alignment = { horizontal: 'center', wrapText: true };
  };
  title(1, 'PHỤ LỤC');
  title(2, `DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ TRỌNG TÂM NĂM ${year}`);
  title(
    3,
    `(Kèm theo ${opts.planLabel ?? 'Kế hoạch số …/KH-BCĐ'} của Ban Chỉ đạo chuyển đổi số tỉnh)`,
    false,
    true,
  );
  // Header on rows 5–6: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp"; the other headers merged down.
  ws.getRow(5).values = HEADER_TOP;
  ws.getRow(6).values = ['', '', 'Chủ trì', 'Phối hợp', '', '', ''];
  ws.mergeCells(5, 3, 5, 4);
  for (const col of [1, 2, 5, 6, 7]) ws.mergeCells(5, col, 6, col);
  ws.getRow(7).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'];
  for (const r of [5, 6, 7]) {
    ws.getRow(r).font = { bold: r !== 7, italic: r === 7, name: 'Times New Roman', size: 12 };
    ws.getRow(r).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  // Merged after every value is written: writing a merged range's other cell would overwrite its value.
  const merges: [number, number, number, number][] = [];
  let r = 8;
  for (const row of opts.rows ?? SAMPLE_APPENDIX_ROWS(year)) {
    const isGroup = typeof row.stt === 'string' && /^[IVX]+$/.test(row.stt);
    ws.getRow(r).values = [
      cell(row.stt),
      cell(row.title),
      cell(row.lead),
      cell(row.coordinators),
      cell(row.deadline),
      cell(row.product),
      cell(row.note),
    ];
    ws.getRow(r).alignment = { vertical: 'top', wrapText: true };
    if (isGroup) {
      merges.push([r, 2, r, 7]);
      ws.getRow(r).font = { bold: true, name: 'Times New Roman', size: 12 };
    } else ws.getRow(r).font = { name: 'Times New Roman', size: 12 };
    if (row.mergeLead && row.mergeLead > 1) merges.push([r, 3, r + row.mergeLead - 1, 3]);
    r++;
  }
  for (const [top, left, bottom, right] of merges) ws.mergeCells(top, left, bottom, right);
  return Buffer.from(await book.xlsx.writeBuffer());
}
