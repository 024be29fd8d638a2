import ExcelJS from 'exceljs';
import { ITEM_FLAG_LABELS, optionLetter } from '../../../../core/contest/item-stats.js';
import type { ItemStats } from '../../../../core/contracts/contest-outputs.js';
import { neutraliseRow } from '../../../lib/spreadsheet-safe.js';

// The item statistics of a round as xlsx for the question writers: one row per question with its figures and
// flags in words, then one row per option with how many chose it (the key marked). Cells are neutralised.

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);

export async function itemStatsWorkbook(title: string, stats: ItemStats): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  const sheet = book.addWorksheet('Thống kê câu hỏi');
  sheet.addRow([`${title} — ${stats.roundName}: thống kê câu hỏi (${stats.attempts} bài thi)`]);
  sheet.getRow(1).font = { bold: true };
  if (!stats.closed) sheet.addRow(['Đợt thi chưa được chốt kết quả: chưa có số liệu.']);
  sheet.addRow([
    'Mã câu',
    'Câu hỏi',
    'Số lượt',
    'Tỷ lệ đúng (%)',
    'Độ phân biệt',
    'Bỏ trống',
    'Phân bố phương án',
    'Cảnh báo',
  ]);
  sheet.getRow(2).font = { bold: true };
  for (const q of stats.items) {
    sheet.addRow(
      neutraliseRow([
        q.questionId,
        q.text,
        q.responses,
        pct(q.facility),
        q.discrimination === null ? '' : Math.round(q.discrimination * 100) / 100,
        q.blank,
        q.options.map((o, i) => `${optionLetter(i)}${o.correct ? ' (đáp án)' : ''}: ${o.count}`).join('; '),
        q.flags.map((f) => ITEM_FLAG_LABELS[f].vi).join('; '),
      ]),
    );
  }
  sheet.columns.forEach((c, i) => {
    c.width = [8, 60, 10, 14, 13, 10, 40, 60][i] ?? 12;
  });
  const options = book.addWorksheet('Phương án');
  options.addRow(['Mã câu', 'Phương án', 'Nội dung', 'Đáp án đúng', 'Số người chọn', 'Tỷ lệ (%)']);
  options.getRow(1).font = { bold: true };
  for (const q of stats.items) {
    for (const [i, o] of q.options.entries())
      options.addRow(
        neutraliseRow([
          q.questionId,
          optionLetter(i),
          o.text,
          o.correct ? 'Có' : '',
          o.count,
          q.responses ? Math.round((o.count / q.responses) * 1000) / 10 : '',
        ]),
      );
  }
  options.columns.forEach((c, i) => {
    c.width = [8, 10, 60, 12, 14, 10][i] ?? 12;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
