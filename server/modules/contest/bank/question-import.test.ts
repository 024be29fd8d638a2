import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseAiken, parseGift, parseQuestionSheet } from './question-import.js';

// The teachers' formats: each question read on its own, with its line or row and the reasons it is refused.

describe('GIFT', () => {
  it('reads single and weighted multiple choice, categories and comments; reports broken blocks by line', () => {
    const rows = parseGift(
      [
        '// bộ câu hỏi',
        '$CATEGORY: $course$/Chính quyền số',
        '::Q1:: Ngày Chuyển đổi số quốc gia? {=10/10 ~2/9 ~1/6}',
        '',
        'Chọn các nền tảng số quốc gia: {~%50%VNeID ~%50%Cổng DVC ~%-100%Zalo}',
        '',
        'Câu thiếu đáp án',
        '',
        'Không có đáp án đúng {~A ~B}',
      ].join('\n'),
      'Chung',
    );
    expect(rows.map((r) => [r.row, r.question?.kind ?? null, r.errors.length])).toEqual([
      [3, 'single', 0],
      [5, 'multiple', 0],
      [7, null, 1],
      [9, null, 1],
    ]);
    expect(rows[0].question).toMatchObject({
      category: 'Chính quyền số',
      text: 'Ngày Chuyển đổi số quốc gia?',
    });
    expect(rows[1].question?.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(rows[3].errors[0]).toContain('đáp án đúng');
  });
});

describe('Aiken', () => {
  it('reads questions with ANSWER lines and refuses an answer letter that is not an option', () => {
    const rows = parseAiken(
      'Thủ đô?\nA. Hà Nội\nB. Huế\nANSWER: A\n\nCâu hai?\nA) Một\nB) Hai\nANSWER: C\n\nCâu ba?\nA. X\nB. Y\n',
      'Chung',
    );
    expect(
      rows.map((r) => [r.row, r.question ? r.question.options.findIndex((o) => o.correct) : null]),
    ).toEqual([
      [1, 0],
      [6, null],
      [11, null],
    ]);
    expect(rows[1].errors[0]).toContain('C');
    expect(rows[2].errors[0]).toContain('ANSWER');
  });
});

describe('xlsx sheet', () => {
  it('reads the template columns and reports unknown levels and answers by row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Câu hỏi');
    sheet.addRow(['Chủ đề', 'Mức độ', 'Câu hỏi', 'A', 'B', 'C', 'D', 'E', 'F', 'Đáp án']);
    sheet.addRow([
      'Kinh tế số',
      'dễ',
      'Ví điện tử cần gì?',
      'Giấy phép',
      'Không gì',
      null,
      null,
      null,
      null,
      'A',
    ]);
    sheet.addRow(['Kinh tế số', 'siêu khó', 'Câu lỗi?', 'X', 'Y', null, null, null, null, 'D']);
    sheet.addRow(['', 'khó', 'Nhiều đáp án?', 'X', 'Y', 'Z', null, null, null, 'A, C']);
    const { rows, issue } = await parseQuestionSheet(Buffer.from(await book.xlsx.writeBuffer()), 'Chung');
    expect(issue).toBeNull();
    expect(
      rows.map((r) => [
        r.row,
        r.question?.difficulty ?? null,
        r.question?.kind ?? null,
        r.question?.category ?? null,
      ]),
    ).toEqual([
      [2, 'easy', 'single', 'Kinh tế số'],
      [3, null, null, null],
      [4, 'hard', 'multiple', 'Chung'],
    ]);
    expect(rows[1].errors).toHaveLength(3);
  });
});
