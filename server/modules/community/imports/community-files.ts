import ExcelJS from 'exceljs';
import {
  ACTIVITY_KIND_LABELS,
  MEMBER_ROLE_LABELS,
  ORGANISATION_LABELS,
  SKILL_LABELS,
  TEAM_STATUS_LABELS,
} from '../../../../core/community/community.js';
import type { Rollup, TeamDetail } from '../../../../core/contracts/community.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import { neutraliseRow, type SheetCell } from '../../../lib/spreadsheet-safe.js';

// The registry and the monthly report as xlsx workbooks (Vietnamese headers; text cells neutralised against
// formula injection; phones as the reader may see them, masked outside the commune).

function addSheet(book: ExcelJS.Workbook, name: string, headers: [string, number][], rows: SheetCell[][]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(neutraliseRow(row));
}

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export async function registryWorkbook(teams: TeamDetail[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addSheet(
    book,
    'Tổ công nghệ số',
    [
      ['Xã, phường', 28],
      ['Thôn, tổ dân phố', 24],
      ['Tên tổ', 40],
      ['Số quyết định', 16],
      ['Ngày quyết định', 14],
      ['Người ký', 22],
      ['Trạng thái', 16],
      ['Số thành viên', 12],
      ['Số hoạt động', 12],
    ],
    teams.map((t) => [
      t.communeName,
      t.unitName,
      t.name,
      t.decisionNumber,
      dmy(t.decisionDate),
      t.decisionSigner,
      TEAM_STATUS_LABELS[t.status].vi,
      t.memberCount,
      t.activityCount,
    ]),
  );
  addSheet(
    book,
    'Thành viên',
    [
      ['Xã, phường', 28],
      ['Thôn, tổ dân phố', 24],
      ['Họ và tên', 28],
      ['Vai trò', 14],
      ['Đơn vị, đoàn thể', 28],
      ['Số điện thoại', 16],
      ['Từ ngày', 12],
      ['Đến ngày', 12],
    ],
    teams.flatMap((t) =>
      t.members.map((m) => [
        t.communeName,
        t.unitName,
        m.fullName,
        MEMBER_ROLE_LABELS[m.role].vi,
        ORGANISATION_LABELS[m.organisation].vi,
        m.phone,
        dmy(m.startDate),
        dmy(m.endDate),
      ]),
    ),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportWorkbook(r: Rollup): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addSheet(
    book,
    'Theo tháng',
    [
      ['Tháng', 10],
      ['Số buổi', 10],
      ['Số người', 12],
      ['Số hộ', 10],
      ['Luỹ kế buổi', 12],
      ['Luỹ kế người', 14],
    ],
    r.months.map((m) => [
      `${m.month}/${r.year}`,
      m.sessions,
      m.people,
      m.households,
      m.cumSessions,
      m.cumPeople,
    ]),
  );
  addSheet(
    book,
    'Theo xã',
    [
      ['Xã, phường', 28],
      ['Số thôn', 10],
      ['Số tổ', 10],
      ['Chỉ tiêu tổ', 12],
      ['Số buổi', 10],
      ['Chỉ tiêu buổi', 12],
      ['Số người', 12],
      ['Chỉ tiêu người', 14],
    ],
    r.communes.map((c) => [
      c.communeName,
      c.villages,
      c.teams,
      c.targets.teams,
      c.sessions,
      c.targets.sessions,
      c.people,
      c.targets.people,
    ]),
  );
  addSheet(
    book,
    'Theo kỹ năng',
    [
      ['Kỹ năng', 32],
      ['Số buổi', 10],
      ['Số người', 12],
    ],
    r.perSkill.map((s) => [SKILL_LABELS[s.skill].vi, s.sessions, s.people]),
  );
  const reasons: Record<string, string> = {
    teams: 'Thiếu tổ',
    sessions: 'Ít buổi hoạt động',
    people: 'Ít người được hướng dẫn',
    no_activity: 'Chưa có hoạt động',
  };
  addSheet(
    book,
    'Xã chậm tiến độ',
    [
      ['Xã, phường', 28],
      ['Lý do', 40],
      ['Số buổi / cần đạt', 18],
      ['Số người / cần đạt', 18],
    ],
    r.laggards.map((l) => [
      l.communeName,
      l.reasons.map((x) => reasons[x]).join('; '),
      `${l.sessions} / ${l.expectedSessions ?? '—'}`,
      `${l.people} / ${l.expectedPeople ?? '—'}`,
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Kinds and skills by their Vietnamese (or English, or code) names, for the import's cells. */
/** What communes' spreadsheets write for an organisation, folded (no marks, lower case). */
const ALIASES: Record<string, string> = {
  'truong thon': 'village_head',
  'to truong to dan pho': 'village_head',
  'to truong tdp': 'village_head',
  'cong an xa': 'police',
  'doan thanh nien': 'youth_union',
  'hoi phu nu': 'womens_union',
  'mat tran': 'fatherland_front',
  'vien thong': 'telecom',
};

/** A code from its code, its Vietnamese or English label (or one side of a label written "A / B"), marks and
 * case ignored; the aliases above for organisations. */
export function lookup<K extends string>(
  labels: Record<K, { vi: string; en: string }>,
  text: string,
): K | null {
  const t = foldVietnamese(text).trim().replace(/\s+/g, ' ').toLowerCase();
  const same = (label: string) =>
    [label, ...label.split('/')].some((part) => foldVietnamese(part).trim().toLowerCase() === t);
  for (const [k, l] of Object.entries(labels) as [K, { vi: string; en: string }][])
    if (k === t || same(l.vi) || same(l.en)) return k;
  const alias = ALIASES[t];
  return alias && alias in labels ? (alias as K) : null;
}
export { ACTIVITY_KIND_LABELS, MEMBER_ROLE_LABELS, ORGANISATION_LABELS, SKILL_LABELS };
