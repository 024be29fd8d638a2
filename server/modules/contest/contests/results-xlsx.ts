import ExcelJS from 'exceljs';
import { TIER_LABELS } from '../../../../core/contest/summary.js';
import type { ContestConfig, ContestResults } from '../../../../core/contracts/contest.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';

// The winners list and the collective table as xlsx, for the organiser's "Quyết định công nhận kết quả":
// one sheet per closed round with each group's ranking and prizes, and one for the collective prizes.
// Cells are neutralised (a name starting with "=" stays text).

export async function resultsWorkbook(
  title: string,
  results: ContestResults,
  config: ContestConfig,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  for (const round of results.rounds) {
    const sheet = book.addWorksheet(round.roundName.slice(0, 31).replace(/[\\/*?:[\]]/g, ' '));
    sheet.addRow([title]);
    sheet.addRow([
      `${round.roundName} — giá trị thực của câu hỏi dự đoán: ${round.predictionTrueValue ?? 'không có'}`,
    ]);
    sheet.addRow([
      'Bảng',
      'Hạng',
      'Họ và tên',
      'Đơn vị',
      'Điểm',
      'Số câu',
      'Dự đoán',
      'Chênh lệch',
      'Thời gian (giây)',
      'Nộp lúc (UTC)',
      'Giải',
    ]);
    sheet.getRow(3).font = { bold: true };
    for (const g of round.groups) {
      for (const r of g.rows) {
        sheet.addRow(
          neutraliseRow([
            g.groupName,
            r.rank,
            r.name,
            r.unitName,
            r.score,
            r.total,
            r.predictionValue,
            r.predictionDistance,
            Math.round(r.durationMs / 10) / 100,
            r.submittedAt,
            r.prize ? TIER_LABELS[r.prize] : '',
          ]),
        );
      }
    }
    sheet.columns.forEach((c, i) => {
      c.width = [24, 6, 28, 30, 7, 7, 10, 10, 12, 26, 18][i] ?? 12;
    });
  }
  if (config.collective) {
    const sheet = book.addWorksheet('Giải tập thể');
    sheet.addRow([
      'Hạng',
      'Đơn vị',
      'Người tham gia',
      'Biên chế / dân số',
      'Tỷ lệ (%)',
      'Điểm giải cá nhân',
      'Điểm',
      'Giải',
    ]);
    sheet.getRow(1).font = { bold: true };
    for (const c of results.collective)
      sheet.addRow(
        neutraliseRow([
          c.rank || '',
          c.unitName,
          c.participants,
          c.headcount,
          c.rate === null ? '' : Math.round(c.rate * 10000) / 100,
          c.prizePoints,
          c.score,
          c.prize ?? '',
        ]),
      );
    sheet.columns.forEach((c, i) => {
      c.width = [6, 34, 14, 16, 10, 16, 10, 22][i] ?? 12;
    });
  }
  if (book.worksheets.length === 0)
    book.addWorksheet('Kết quả').addRow(['Chưa có đợt thi nào được chốt kết quả']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
