import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appendixIssueMessage, appendixTasks, missingColumnsText } from '../../../../core/steer/appendix.js';
import { buildSampleAppendix } from './appendix-sample.js';
import { readAppendixWorkbook } from './appendix-xlsx.js';

// The appendix parser on real xlsx files written with exceljs: header variants, titles above the header,
// merged cells, Roman-numeral groups, sub-tasks and row errors.

type Merge = [number, number, number, number];

async function xlsx(rows: unknown[][], merges: Merge[] = [], sheets: string[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const name of sheets) book.addWorksheet(name).getCell(1, 1).value = 'Không phải phụ lục';
  const ws = book.addWorksheet('Phụ lục');
  for (const [i, r] of rows.entries()) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  for (const m of merges) ws.mergeCells(...m);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function read(buffer: Buffer, year = 2026) {
  const r = await readAppendixWorkbook(buffer, year);
  if (!r.ok) throw new Error(`not read: ${r.issue.code} ${JSON.stringify(r.parsed?.missing)}`);
  return r.parsed;
}

const flat = (parsed: Awaited<ReturnType<typeof read>>) =>
  [...appendixTasks(parsed)].map(({ group, task, parent }) => ({
    group: group.code,
    code: task.code,
    parent: parent?.code ?? null,
    lead: task.leadName,
    coordinators: task.coordinatorNames,
    due: task.deadline?.due ?? null,
  }));

describe('reading a task appendix workbook', () => {
  it('reads the sample: two-row header under a title, groups, a lead merged down, sub-tasks', async () => {
    const parsed = await read(await buildSampleAppendix(2026));
    expect(parsed.headerRow).toBe(6);
    expect(parsed.columns).toMatchObject({
      stt: 1,
      title: 2,
      lead: 3,
      coordinators: 4,
      deadline: 5,
      product: 6,
    });
    expect(parsed.issues).toEqual([]);
    expect(parsed.groups.map((g) => [g.code, g.title])).toEqual([
      ['I', 'PHÁT TRIỂN CHÍNH QUYỀN SỐ'],
      ['II', 'PHÁT TRIỂN KINH TẾ SỐ'],
      ['III', 'PHÁT TRIỂN XÃ HỘI SỐ'],
    ]);
    const tasks = flat(parsed);
    expect(parsed.taskCount).toBe(9);
    expect(tasks.slice(0, 5)).toEqual([
      {
        group: 'I',
        code: '1',
        parent: null,
        lead: 'Sở KH&CN',
        coordinators: ['Văn phòng UBND tỉnh', 'Công an tỉnh', 'Các sở, ban, ngành'],
        due: '2026-06-30',
      },
      // The lead unit merged over rows 9–11 applies to each of them.
      {
        group: 'I',
        code: '2',
        parent: null,
        lead: 'Sở KH&CN',
        coordinators: ['Sở Nội vụ', 'UBND các xã, phường'],
        due: '2026-06-30',
      },
      { group: 'I', code: '2.1', parent: '2', lead: 'Sở KH&CN', coordinators: [], due: '2026-03-31' },
      {
        group: 'I',
        code: '2.2',
        parent: '2',
        lead: 'UBND phường Phan Đình Phùng',
        coordinators: [],
        due: '2026-06-30',
      },
      {
        group: 'I',
        code: '3',
        parent: null,
        lead: 'Văn phòng Ủy ban nhân dân tỉnh',
        coordinators: ['Sở Tài chính', 'Sở KH&CN'],
        due: null,
      },
    ]);
    const ongoing = [...appendixTasks(parsed)][4].task.deadline;
    expect(ongoing).toMatchObject({ kind: 'ongoing', cycle: 'quarter' });
    expect(tasks[5]).toMatchObject({ group: 'II', code: '1', due: '2026-10-31' });
  });

  it('finds headers by their wording in any order, on a later row, on a later sheet', async () => {
    const buffer = await xlsx(
      [
        ['DANH MỤC NHIỆM VỤ NĂM 2026'],
        [],
        ['TT', 'Tên nhiệm vụ', 'Thời hạn', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả đầu ra'],
        ['I.', 'Hạ tầng số'],
        [1, 'Phủ sóng 4G các thôn', 'Quý 4', 'Sở Khoa học và Công nghệ', 'Viettel; VNPT', 'Báo cáo'],
        [1.1, 'Rà soát vùng lõm sóng', new Date(Date.UTC(2026, 4, 15)), '', '', ''],
      ],
      [[1, 1, 1, 6]],
      ['Ghi chú'],
    );
    const parsed = await read(buffer);
    expect(parsed.headerRow).toBe(3);
    expect(parsed.columns).toEqual({ stt: 1, title: 2, deadline: 3, lead: 4, coordinators: 5, product: 6 });
    expect(parsed.issues).toEqual([]);
    expect(flat(parsed)).toEqual([
      {
        group: 'I',
        code: '1',
        parent: null,
        lead: 'Sở Khoa học và Công nghệ',
        coordinators: ['Viettel', 'VNPT'],
        due: '2026-12-31',
      },
      // A sub-task without a lead of its own is led by its parent's unit; an Excel date cell is a date.
      {
        group: 'I',
        code: '1.1',
        parent: '1',
        lead: 'Sở Khoa học và Công nghệ',
        coordinators: [],
        due: '2026-05-15',
      },
    ]);
  });

  it('reads a Roman-numeral row whose title shares the STT cell merged across the table', async () => {
    const buffer = await xlsx(
      [
        ['STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
        ['I. CHÍNH QUYỀN SỐ'],
        [1, 'Nhiệm vụ một', 'Sở Nội vụ', '', 'Tháng 6'],
        ['II - KINH TẾ SỐ'],
        ['1', 'Nhiệm vụ hai', 'Sở Tài chính', '', 'Năm 2026'],
        ['a)', 'Việc con', 'Sở Y tế', '', '30/9/2026'],
      ],
      [
        [2, 1, 2, 5],
        [4, 1, 4, 5],
      ],
    );
    const parsed = await read(buffer);
    expect(parsed.groups.map((g) => [g.code, g.title, g.tasks.length])).toEqual([
      ['I', 'CHÍNH QUYỀN SỐ', 1],
      ['II', 'KINH TẾ SỐ', 1],
    ]);
    expect(flat(parsed).map((t) => [t.group, t.code, t.parent, t.due])).toEqual([
      ['I', '1', null, '2026-06-30'],
      ['II', '1', null, '2026-12-31'],
      ['II', 'a', '1', '2026-09-30'],
    ]);
  });

  it('one task written over several rows (STT and text merged down) gathers its coordinating units', async () => {
    const buffer = await xlsx(
      [
        ['STT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời gian hoàn thành'],
        [1, 'Xây dựng kho dữ liệu dùng chung', 'Sở Khoa học và Công nghệ', 'Sở Tài chính', 'Quý II/2026'],
        [null, null, null, 'Sở Nội vụ', null],
        [2, 'Việc khác', 'Sở Y tế', '', 'Quý III/2026'],
      ],
      [
        [2, 1, 3, 1],
        [2, 2, 3, 2],
        [2, 3, 3, 3],
        [2, 5, 3, 5],
      ],
    );
    const parsed = await read(buffer);
    expect(parsed.issues).toEqual([]);
    expect(flat(parsed).map((t) => [t.code, t.lead, t.coordinators])).toEqual([
      ['1', 'Sở Khoa học và Công nghệ', ['Sở Tài chính', 'Sở Nội vụ']],
      ['2', 'Sở Y tế', []],
    ]);
  });

  it('reports row errors in Vietnamese with their row numbers', async () => {
    const buffer = await xlsx([
      ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'],
      ['I', 'Nhóm'],
      [1, 'Việc có hạn lạ', 'Sở Nội vụ', '', 'Khi nào xong'],
      [2, 'Hai đơn vị chủ trì', 'Sở Nội vụ; Sở Y tế', '', 'Quý I/2026'],
      [3, '', 'Sở Y tế', '', 'Quý I/2026'],
      [4, 'Không có chủ trì', '', '', 'Quý I/2026'],
      ['4.1.x', 'STT lạ', 'Sở Y tế', '', 'Quý I/2026'],
      ['5.1', 'Con không có cha', 'Sở Y tế', '', 'Quý I/2026'],
      [2, 'Trùng số', 'Sở Y tế', '', 'Quý I/2026'],
      ['2.1', 'Việc con', 'Sở Y tế', '', 'Quý I/2026'],
      ['2.1.1', 'Cấp thứ ba', 'Sở Y tế', '', 'Quý I/2026'],
      ['Nơi nhận: như trên'],
    ]);
    const parsed = await read(buffer);
    const messages = parsed.issues.map((i) => [i.row, i.code, appendixIssueMessage(i)]);
    expect(messages).toEqual([
      [3, 'deadline', expect.stringContaining('Không hiểu thời hạn "Khi nào xong"')],
      [
        4,
        'lead_several',
        'Mỗi nhiệm vụ chỉ có một đơn vị chủ trì, dòng này ghi nhiều đơn vị: Sở Nội vụ; Sở Y tế',
      ],
      [5, 'title_missing', 'Chưa ghi nội dung nhiệm vụ'],
      [6, 'lead_missing', 'Chưa ghi đơn vị chủ trì'],
      [7, 'stt_invalid', expect.stringContaining('Số thứ tự "4.1.x" không đọc được')],
      [8, 'parent_missing', 'Nhiệm vụ con "5.1" không có nhiệm vụ "5" ở phía trên trong cùng nhóm'],
      [9, 'stt_duplicate', 'Số thứ tự "2" bị trùng'],
      [11, 'subtask_depth', 'Chỉ nhận một cấp nhiệm vụ con (như 1.1 hoặc a, b); "2.1.1" là cấp thứ ba'],
    ]);
    expect(appendixIssueMessage(parsed.issues[3], 'en')).toBe('No lead unit is written');
  });

  it('names the required columns a sheet lacks', async () => {
    const r = await readAppendixWorkbook(
      await xlsx([
        ['STT', 'Nội dung nhiệm vụ', 'Ghi chú'],
        [1, 'Việc', ''],
      ]),
      2026,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue.code).toBe('steer_import.missing_columns');
    expect(missingColumnsText(r.parsed?.missing ?? [])).toBe('Đơn vị chủ trì, Thời gian hoàn thành');
    const none = await readAppendixWorkbook(await xlsx([['Chỉ là một bảng'], ['a', 'b']]), 2026);
    expect(none.ok || missingColumnsText(none.parsed?.missing ?? [])).toBe(
      'STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Thời gian hoàn thành',
    );
  });

  it('refuses a file that is not a workbook', async () => {
    const r = await readAppendixWorkbook(Buffer.from('PK\u0003\u0004 not really'), 2026);
    expect(r).toMatchObject({ ok: false, issue: { code: 'steer_import.unreadable' } });
  });
});
