import {
  MEMBER_ROLE_LABELS,
  ORGANISATION_LABELS,
  SKILL_LABELS,
  TEAM_STATUS_LABELS,
} from '../../../../core/community/community.js';
import type { Rollup, TeamDetail } from '../../../../core/contracts/community.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';

// The registry and the monthly report as Vietnamese administrative documents (Decree 30/2020/NĐ-CP layout
// through server/lib/docx-admin.ts), beside the xlsx workbooks: the same rows, phones as the reader may see
// them (masked outside the commune).

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const num = (v: number) => v.toLocaleString('vi-VN');
const place = (unitName: string) => unitName.replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/iu, '');
const REASONS: Record<string, string> = {
  teams: 'thiếu tổ',
  sessions: 'ít buổi hoạt động',
  people: 'ít người được hướng dẫn',
  no_activity: 'chưa có hoạt động',
};

function header(unitName: string, issuedAt: Date) {
  return {
    parentBody: '',
    issuer: `UBND ${unitName.toLocaleUpperCase('vi')}`,
    numberLine: 'Số: ……/BC-UBND',
    placeDateLine: `${place(unitName)}, ${vietnameseDateWords(issuedAt)}`,
  };
}

/** Sổ theo dõi tổ công nghệ số cộng đồng: teams, then each team's members. */
export function registryDocx(unitName: string, teams: TeamDetail[], issuedAt: Date): Promise<Buffer> {
  const members = teams.reduce((s, t) => s + t.members.length, 0);
  const body = [
    bodyParagraph(
      `Đến ${vietnameseDateWords(issuedAt)}, trên địa bàn có ${num(teams.length)} tổ công nghệ số cộng đồng với ` +
        `${num(members)} thành viên, cụ thể như sau:`,
    ),
    headingParagraph('I. DANH SÁCH TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG'),
    dataTable(
      ['TT', 'Xã, phường', 'Thôn, tổ dân phố', 'Tên tổ', 'Quyết định thành lập', 'Trạng thái', 'Thành viên'],
      teams.map((t, i) => [
        i + 1,
        t.communeName,
        t.unitName,
        t.name,
        [t.decisionNumber, dmy(t.decisionDate)].filter(Boolean).join(' ngày ') || '—',
        TEAM_STATUS_LABELS[t.status].vi,
        t.memberCount,
      ]),
      [6, 16, 16, 22, 18, 12, 10],
    ),
    headingParagraph('II. THÀNH VIÊN CÁC TỔ'),
    dataTable(
      ['TT', 'Tổ', 'Họ và tên', 'Vai trò', 'Đơn vị, đoàn thể', 'Số điện thoại', 'Từ ngày'],
      teams
        .flatMap((t) => t.members.map((m) => [t, m] as const))
        .map(([t, m], i) => [
          i + 1,
          t.name,
          m.fullName,
          MEMBER_ROLE_LABELS[m.role].vi,
          ORGANISATION_LABELS[m.organisation].vi,
          m.phone ?? '—',
          dmy(m.startDate),
        ]),
      [6, 20, 20, 12, 18, 14, 10],
    ),
  ];
  return buildAdminDocument({
    ...header(unitName, issuedAt),
    kind: 'BÁO CÁO',
    summary: 'Danh sách tổ công nghệ số cộng đồng và thành viên',
    body,
    recipients: ['Sở Khoa học và Công nghệ', 'Lưu: VT'],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '……………………' },
  });
}

/** Báo cáo kết quả hoạt động tháng: totals, months, communes, skills and laggard communes. */
export function reportDocx(r: Rollup, issuedAt: Date): Promise<Buffer> {
  const through = r.throughMonth > 0 ? `tháng ${r.throughMonth}/${r.year}` : `năm ${r.year}`;
  const body = [
    headingParagraph('I. KẾT QUẢ CHUNG'),
    bodyParagraph(
      `Đến hết ${through}, ${num(r.totals.communesWithTeams)}/${num(r.totals.communes)} xã, phường đã có tổ ` +
        `công nghệ số cộng đồng (${num(r.totals.teams)} tổ, ${num(r.totals.members)} thành viên, ` +
        `${num(r.totals.villages)} thôn, tổ dân phố). Các tổ đã tổ chức ${num(r.totals.sessions)} buổi hướng dẫn, ` +
        `hỗ trợ ${num(r.totals.people)} lượt người dân và ${num(r.totals.households)} hộ gia đình.`,
    ),
    headingParagraph('II. KẾT QUẢ THEO THÁNG'),
    dataTable(
      ['Tháng', 'Số buổi', 'Số người', 'Số hộ', 'Luỹ kế buổi', 'Luỹ kế người'],
      r.months.map((m) => [
        `${m.month}/${r.year}`,
        num(m.sessions),
        num(m.people),
        num(m.households),
        num(m.cumSessions),
        num(m.cumPeople),
      ]),
    ),
    headingParagraph('III. KẾT QUẢ THEO XÃ, PHƯỜNG'),
    dataTable(
      ['Xã, phường', 'Số tổ / chỉ tiêu', 'Số buổi / chỉ tiêu', 'Số người / chỉ tiêu'],
      r.communes.map((c) => [
        c.communeName,
        `${num(c.teams)} / ${c.targets.teams ?? '—'}`,
        `${num(c.sessions)} / ${c.targets.sessions ?? '—'}`,
        `${num(c.people)} / ${c.targets.people === null ? '—' : num(c.targets.people)}`,
      ]),
      [40, 20, 20, 20],
    ),
    headingParagraph('IV. KỸ NĂNG ĐƯỢC HƯỚNG DẪN'),
    dataTable(
      ['Kỹ năng', 'Số buổi', 'Số người'],
      r.perSkill.map((s) => [SKILL_LABELS[s.skill].vi, num(s.sessions), num(s.people)]),
      [60, 20, 20],
    ),
    headingParagraph('V. XÃ, PHƯỜNG CHẬM TIẾN ĐỘ'),
    ...(r.laggards.length === 0
      ? [bodyParagraph('Không có xã, phường chậm tiến độ.')]
      : [
          dataTable(
            ['Xã, phường', 'Lý do', 'Số buổi / cần đạt', 'Số người / cần đạt'],
            r.laggards.map((l) => [
              l.communeName,
              l.reasons.map((x) => REASONS[x]).join('; '),
              `${l.sessions} / ${l.expectedSessions ?? '—'}`,
              `${num(l.people)} / ${l.expectedPeople === null ? '—' : num(l.expectedPeople)}`,
            ]),
            [34, 30, 18, 18],
          ),
        ]),
  ];
  return buildAdminDocument({
    ...header(r.unitName, issuedAt),
    kind: 'BÁO CÁO',
    summary: `Kết quả hoạt động của tổ công nghệ số cộng đồng\n${through}`,
    body,
    recipients: ['Sở Khoa học và Công nghệ', 'Lưu: VT'],
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '……………………' },
  });
}
