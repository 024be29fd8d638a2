import { describe, expect, it } from 'vitest';
import { VN_MOTTO, VN_MOTTO_SUB } from '../../../lib/docx-admin.js';
import { buildUrgingLetter, dateWords, type UrgingLetterInput } from './urging-letter.js';
import { docxParagraphs } from './urging-test-helpers.js';

const input: UrgingLetterInput = {
  parentBody: 'UBND TỈNH LÀO CAI',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  symbol: 'SKHCN-CĐS',
  number: null,
  place: 'Lào Cai',
  date: '2026-07-05',
  unitName: 'Sở Y tế',
  overdue: [
    {
      title: 'Triển khai bệnh án điện tử',
      source: 'Kế hoạch 3609/KH-BĐHCĐS',
      deadlineWritten: 'Quý II/2026',
      due: '2026-06-30',
      daysOverdue: 5,
    },
    {
      title: 'Kết nối liên thông đơn thuốc',
      source: null,
      deadlineWritten: '15/6/2026',
      due: '2026-06-15',
      daysOverdue: 20,
    },
  ],
  dueSoon: [
    {
      title: 'Báo cáo số hóa hồ sơ',
      source: null,
      deadlineWritten: 'Tháng 7/2026',
      due: '2026-07-31',
      daysUntilDue: 26,
    },
  ],
  replyBy: '2026-07-15',
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn B' },
};

describe('urging letter DOCX', () => {
  it('is a công văn in the administrative format addressed to the unit, listing its overdue and due-soon tasks', async () => {
    const docx = await buildUrgingLetter(input);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = docxParagraphs(docx);
    const all = text.join('\n');
    for (const line of [
      'UBND TỈNH LÀO CAI',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      'Số: …/SKHCN-CĐS',
      'V/v đôn đốc thực hiện nhiệm vụ',
      VN_MOTTO,
      VN_MOTTO_SUB,
      'Lào Cai, ngày 05 tháng 7 năm 2026',
      'Kính gửi: Sở Y tế',
      'Nơi nhận:',
      'KT. GIÁM ĐỐC',
      'Nguyễn Văn B',
    ])
      expect(text).toContain(line);
    expect(all).toContain(
      'đến ngày 05/07/2026, Sở Y tế còn 2 nhiệm vụ quá hạn chưa hoàn thành và 1 nhiệm vụ sắp đến hạn',
    );
    // The overdue table: header, then each task with its deadline as written and dd/mm/yyyy, and days late.
    const overdueAt = text.indexOf('1. Nhiệm vụ quá hạn chưa hoàn thành (2)');
    const soonAt = text.indexOf('2. Nhiệm vụ sắp đến hạn (1)');
    expect(overdueAt).toBeGreaterThan(0);
    expect(text.slice(overdueAt + 1, soonAt)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Thời hạn hoàn thành',
      'Số ngày quá hạn',
      '1',
      'Triển khai bệnh án điện tử (Kế hoạch 3609/KH-BĐHCĐS)',
      'Quý II/2026 (30/06/2026)',
      '5',
      '2',
      'Kết nối liên thông đơn thuốc',
      '15/6/2026 (15/06/2026)',
      '20',
    ]);
    expect(text.slice(soonAt + 1, soonAt + 9)).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Thời hạn hoàn thành',
      'Số ngày còn lại',
      '1',
      'Báo cáo số hóa hồ sơ',
      'Tháng 7/2026 (31/07/2026)',
      '26',
    ]);
    expect(all).toContain('trước ngày 15 tháng 7 năm 2026');
    // Times New Roman throughout, no kind line ("CÔNG VĂN" is not printed on a công văn).
    expect(text).not.toContain('CÔNG VĂN');
  });

  it('says "Không có." for an empty list and keeps a registered number', async () => {
    const text = docxParagraphs(await buildUrgingLetter({ ...input, number: '125', dueSoon: [] }));
    expect(text).toContain('Số: 125/SKHCN-CĐS');
    const soonAt = text.indexOf('2. Nhiệm vụ sắp đến hạn (0)');
    expect(text[soonAt + 1]).toBe('Không có.');
  });

  it('writes dates the Decree 30 way', () => {
    expect(dateWords('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateWords('2026-11-21')).toBe('ngày 21 tháng 11 năm 2026');
  });
});
