import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { CompletionSchema, ProfileSchema } from '../../../../core/contracts/measure.js';
import type { Framework } from '../../../../core/contracts/measure-framework.js';
import { pillarLabel, statusLabel, unitKindLabel } from '../../../../core/measure/labels.js';
import { vietnameseDateText, vietnameseDateTimeText } from '../../../../core/time/vietnam-date.js';
import type { FullRankingList } from '../measure.types.js';
import { addSheet, type Column, INT, POINTS, VALUE } from './exports.workbook.js';

// The staff screens' tables as workbooks: the progress table, the ranking (published or live) and a unit's
// profile, with the words the screens show (names, statuses, dd/mm/yyyy), never internal codes alone.

type Completion = z.infer<typeof CompletionSchema>;
type Profile = z.infer<typeof ProfileSchema>;

const mainIndexNames = (framework: Framework) =>
  new Map(framework.groups.flatMap((g) => g.mainIndices).map((m) => [m.code, `${m.code}. ${m.name}`]));

async function finish(book: ExcelJS.Workbook): Promise<Buffer> {
  book.creator = 'DXBoard';
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function completionWorkbook(periodName: string, data: Completion): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const columns: Column[] = [
    { header: 'STT', width: 6, format: INT },
    { header: 'Đơn vị', width: 36 },
    { header: 'Trạng thái', width: 18 },
    { header: 'Quá hạn', width: 9 },
    { header: 'Số chỉ số đã nhập', width: 12, format: INT },
    { header: 'Tổng số chỉ số', width: 12, format: INT },
    { header: 'Tỷ lệ đã nhập', width: 12, format: '0%' },
    { header: 'Nộp lúc', width: 18 },
  ];
  const rows = data.units.map((u, i) => [
    i + 1,
    u.unitName,
    statusLabel(u.status),
    u.isLate ? 'Quá hạn' : null,
    u.answered,
    u.componentCount,
    u.componentCount ? u.answered / u.componentCount : null,
    u.submittedAt ? vietnameseDateTimeText(new Date(u.submittedAt)) : null,
  ]);
  const sheet = addSheet(book, 'Tiến độ', columns, rows);
  sheet.headerFooter.oddHeader = `&L${periodName} – hạn nộp ${vietnameseDateText(data.dueOn)}`;
  return finish(book);
}

export async function rankingWorkbook(ranking: FullRankingList, framework: Framework): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const names = mainIndexNames(framework);
  const mainCodes = framework.groups.flatMap((g) => g.mainIndices.map((m) => m.code));
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
    ...mainCodes.map((code) => ({
      header: `${names.get(code) ?? code} – giá trị`,
      width: 16,
      format: VALUE,
    })),
    { header: 'Thay đổi giá trị so với kỳ trước', width: 16, format: `+${VALUE};-${VALUE};${VALUE}` },
    { header: 'Thay đổi hạng so với kỳ trước', width: 14, format: '+0;-0;0' },
  ];
  const rows = ranking.units.map((u) => {
    const byCode = new Map(u.mainIndices.map((m) => [m.code, m.value]));
    return [
      u.rank,
      u.peerRank,
      u.unitCode,
      u.unitName,
      unitKindLabel(u.unitKind),
      u.points,
      u.applicableMax,
      u.value,
      u.band?.name ?? null,
      ...mainCodes.map((code) => byCode.get(code) ?? null),
      u.change?.valueDelta ?? null,
      u.change?.rankDelta ?? null,
    ];
  });
  const sheet = addSheet(book, 'Xếp hạng', columns, rows);
  sheet.headerFooter.oddHeader = `&L${ranking.periodName} – ${
    ranking.source === 'published' ? 'kết quả đã công bố' : 'kết quả tạm tính (chưa công bố)'
  }`;
  if (ranking.excluded.length) {
    addSheet(
      book,
      'Không xếp hạng',
      [
        { header: 'Đơn vị', width: 36 },
        { header: 'Lý do', width: 50 },
      ],
      ranking.excluded.map((e) => [e.unitName, e.reason]),
    );
  }
  return finish(book);
}

export async function profileWorkbook(
  periodName: string,
  profile: Profile,
  framework: Framework,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const names = mainIndexNames(framework);
  const r = profile.result;
  addSheet(
    book,
    'Tổng quan',
    [
      { header: 'Mục', width: 28 },
      { header: 'Giá trị', width: 40 },
    ],
    [
      ['Đơn vị', profile.unitName],
      ['Kỳ đánh giá', periodName],
      ['Nguồn số liệu', profile.source === 'published' ? 'Kết quả đã công bố' : 'Tạm tính (chưa công bố)'],
      ['Hạng', r?.rank ?? 'Chưa xếp hạng'],
      ['Tổng điểm', r?.points ?? null],
      ['Điểm tối đa áp dụng', r?.applicableMax ?? null],
      ['Giá trị (0–1)', r?.value ?? null],
      ['Mức', r?.band?.name ?? null],
    ],
  );
  addSheet(
    book,
    'Chỉ số chính',
    [
      { header: 'Chỉ số chính', width: 44 },
      { header: 'Điểm', width: 12, format: POINTS },
      { header: 'Giá trị (0–1)', width: 12, format: VALUE },
      { header: 'Điểm mạnh / cần cải thiện', width: 22 },
    ],
    (r?.mainIndices ?? []).map((m) => [
      names.get(m.code) ?? m.code,
      m.points,
      m.value,
      profile.strengths.some((s) => s.code === m.code)
        ? 'Điểm mạnh'
        : profile.weaknesses.some((w) => w.code === m.code)
          ? 'Cần cải thiện'
          : null,
    ]),
  );
  addSheet(
    book,
    'Trụ cột',
    [
      { header: 'Trụ cột', width: 28 },
      { header: 'Điểm', width: 12, format: POINTS },
      { header: 'Giá trị (0–1)', width: 12, format: VALUE },
    ],
    (r?.pillars ?? []).map((p) => [pillarLabel(p.code), p.points, p.value]),
  );
  addSheet(
    book,
    'Có thể tăng điểm',
    [
      { header: 'Chỉ số thành phần', width: 56 },
      { header: 'Điểm có thể tăng thêm', width: 16, format: POINTS },
    ],
    profile.gains.map((g) => [`${g.code}. ${g.name}`, g.gainPoints]),
  );
  addSheet(
    book,
    'Các kỳ trước',
    [
      { header: 'Kỳ đánh giá', width: 36 },
      { header: 'Năm', width: 8, format: INT },
      { header: 'Giá trị (0–1)', width: 12, format: VALUE },
      { header: 'Hạng', width: 8, format: INT },
    ],
    profile.history.map((h) => [h.periodName, h.year, h.value, h.rank]),
  );
  if (profile.targets.length) {
    addSheet(
      book,
      'Mục tiêu',
      [
        { header: 'Mục tiêu', width: 44 },
        { header: 'Giá trị', width: 12, format: VALUE },
        { header: 'Mục tiêu', width: 12, format: VALUE },
        { header: 'Còn thiếu', width: 12, format: VALUE },
        { header: 'Đạt', width: 8 },
      ],
      profile.targets.map((t) => [
        t.kind === 'total' ? 'Chỉ số tổng' : (names.get(t.code) ?? t.name),
        t.value,
        t.target,
        t.gap,
        t.met ? 'Đạt' : 'Chưa đạt',
      ]),
    );
  }
  return finish(book);
}
