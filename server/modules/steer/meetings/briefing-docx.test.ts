import { describe, expect, it } from 'vitest';
import { unzip } from '../../measure/exports/exports.test-helpers.js';
import { type BriefingData, buildBriefingDocx } from './briefing-docx.js';

// The briefing pack's document: every section from typed data, and a plain sentence when a section is empty.

const textOf = (docx: Buffer) =>
  (unzip(docx).get('word/document.xml')?.toString('utf8') ?? '')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const base: BriefingData = {
  committee: { name: 'Thái Nguyên', type: 'Tỉnh', level: 1 },
  meeting: {
    title: 'Họp Ban Chỉ đạo quý II',
    kind: 'regular_quarterly',
    date: '2026-05-25',
    time: '14:00',
    location: 'Phòng họp số 1',
    chairName: 'Nguyễn Văn An',
  },
  previousMeeting: { title: 'Họp Ban Chỉ đạo quý I', date: '2026-03-10' },
  since: '2026-03-11',
  asOf: '2026-05-20',
  dueTasks: [],
  overdueTasks: [],
  progress: [],
  dxIndex: [],
  kpis: { previousPeriod: '2026-Q1', currentPeriod: '2026-Q2', items: [] },
};

describe('the briefing pack document', () => {
  it('says plainly when there is nothing to report in a section', async () => {
    const text = textOf(await buildBriefingDocx(base, new Date('2026-05-20T03:00:00Z')));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('UBND TỈNH THÁI NGUYÊN');
    expect(text).toContain('Thái Nguyên, ngày 20 tháng 5 năm 2026');
    expect(text).toContain('kể từ cuộc họp trước ("Họp Ban Chỉ đạo quý I", ngày 10/03/2026)');
    expect(text).toContain('Không có nhiệm vụ nào đến hạn từ ngày 11/03/2026 đến ngày 25/05/2026.');
    expect(text).toContain('Đến ngày 20/05/2026 không có nhiệm vụ nào quá hạn chưa hoàn thành.');
    expect(text).toContain('Từ ngày 11/03/2026 đến nay không có đơn vị nào báo cáo tiến độ.');
    expect(text).toContain('chưa có kết quả đánh giá chỉ số chuyển đổi số nào được công bố');
    expect(text).toContain('Chưa có số liệu chỉ tiêu nào của Thái Nguyên cho Quý I/2026 và Quý II/2026.');
  });

  it('lists due and overdue tasks, reports per unit, index results and KPI changes', async () => {
    const text = textOf(
      await buildBriefingDocx(
        {
          ...base,
          dueTasks: [
            {
              title: 'Số hoá hồ sơ',
              leadUnitName: 'Xã A',
              deadlineWritten: '30/4/2026',
              due: '2026-04-30',
              status: 'overdue',
              daysOverdue: 20,
            },
            {
              title: 'Mở cổng dịch vụ',
              leadUnitName: 'Sở B',
              deadlineWritten: 'Tháng 4/2026',
              due: '2026-04-30',
              status: 'done_on_time',
              daysOverdue: null,
            },
          ],
          overdueTasks: [
            {
              title: 'Số hoá hồ sơ',
              leadUnitName: 'Xã A',
              deadlineWritten: '30/4/2026',
              due: '2026-04-30',
              status: 'overdue',
              daysOverdue: 20,
            },
          ],
          progress: [
            {
              unitName: 'Xã A',
              items: [
                {
                  taskTitle: 'Số hoá hồ sơ',
                  reportedOn: '2026-04-15',
                  kind: 'progress',
                  percent: 60,
                  text: 'Đã số hoá 600 hồ sơ.',
                  difficulties: 'Thiếu máy quét',
                  proposals: 'Cấp thêm máy quét',
                },
              ],
            },
          ],
          dxIndex: [
            {
              periodName: 'Đánh giá năm 2025',
              publishedAt: '2026-04-02',
              units: [{ unitName: 'Xã A', value: 0.72, rank: 1, valueDelta: 0.05, rankDelta: 2 }],
            },
          ],
          kpis: {
            previousPeriod: '2026-Q1',
            currentPeriod: '2026-Q2',
            items: [{ name: 'Văn bản điện tử gửi đi', unit: 'văn bản', previous: 100, current: 150 }],
          },
        },
        new Date('2026-05-20T03:00:00Z'),
      ),
    );
    expect(text).toContain(
      'có 2 nhiệm vụ đến hạn: 1 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 0 đang thực hiện trong hạn, 1 quá hạn chưa hoàn thành',
    );
    expect(text).toContain('Đến ngày 20/05/2026 có 1 nhiệm vụ quá hạn chưa hoàn thành');
    expect(text).toMatch(/Số hoá hồ sơXã A30\/4\/2026 \(30\/04\/2026\)20/);
    expect(text).toContain('1. Xã A');
    expect(text).toContain('Ngày 15/04/2026, nhiệm vụ "Số hoá hồ sơ": tiến độ 60%. Đã số hoá 600 hồ sơ.');
    expect(text).toContain('Khó khăn, vướng mắc: Thiếu máy quét Kiến nghị, đề xuất: Cấp thêm máy quét');
    expect(text).toContain('Kết quả "Đánh giá năm 2025" (công bố ngày 02/04/2026): 1 đơn vị được xếp hạng.');
    expect(text).toContain('Xã A0,72+0,05tăng 2');
    expect(text).toContain('Văn bản điện tử gửi đivăn bản100150+50');
  });
});
