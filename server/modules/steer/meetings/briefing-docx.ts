import type { Paragraph, Table } from 'docx';
import type { MeetingKind } from '../../../../core/contracts/steer-meetings.js';
import { TASK_STATUS_LABELS } from '../../../../core/steer/labels.js';
import { MEETING_KIND_LABELS } from '../../../../core/steer/meeting-labels.js';
import type { TaskStatus } from '../../../../core/steer/types.js';
import { vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  textRun,
  vietnameseDateWords,
} from '../../../lib/docx-admin.js';

// The briefing pack before a committee meeting (tài liệu phục vụ cuộc họp), in the administrative format of
// Decree 30/2020/NĐ-CP: tasks due since the last meeting and their status, overdue tasks with days late, what
// each unit reported, and the DX index and KPI changes since the last meeting. Each section says so when it is
// empty. Pure: the service gathers the data.

export type BriefingTask = {
  title: string;
  leadUnitName: string;
  deadlineWritten: string;
  due: string | null;
  status: TaskStatus;
  daysOverdue: number | null;
};

export type BriefingData = {
  committee: { name: string; type: string; level: number };
  meeting: {
    title: string;
    kind: MeetingKind;
    date: string;
    time: string;
    location: string | null;
    chairName: string;
  };
  previousMeeting: { title: string; date: string } | null;
  /** The first day the pack covers and the day its statuses are taken on. */
  since: string;
  asOf: string;
  dueTasks: BriefingTask[];
  overdueTasks: BriefingTask[];
  progress: {
    unitName: string;
    items: {
      taskTitle: string;
      reportedOn: string;
      kind: string;
      percent: number | null;
      text: string;
      difficulties: string | null;
      proposals: string | null;
    }[];
  }[];
  dxIndex: {
    periodName: string;
    publishedAt: string;
    units: {
      unitName: string;
      value: number | null;
      rank: number | null;
      valueDelta: number | null;
      rankDelta: number | null;
    }[];
  }[];
  kpis: {
    previousPeriod: string;
    currentPeriod: string;
    items: { name: string; unit: string; previous: number | null; current: number | null }[];
  };
};

const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const idx = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fmt = (x: number | null) => (x === null ? '–' : num.format(x));
const signed = (x: number | null, f: (n: number) => string = (n) => num.format(n)) =>
  x === null ? '–' : x > 0 ? `+${f(x)}` : x < 0 ? `−${f(-x)}` : '0';
const date = (iso: string | null) => (iso ? vietnameseDateText(iso) : 'không thời hạn');
const upper = (s: string) => s.toLocaleUpperCase('vi');
const PLACE_PREFIXES = /^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu|thị trấn|huyện|quận|thị xã)\s+/iu;
const placeOf = (name: string) => name.trim().replace(PLACE_PREFIXES, '') || name.trim();
const officialName = (c: BriefingData['committee']) =>
  PLACE_PREFIXES.test(c.name) || !PLACE_PREFIXES.test(`${c.type} `) ? c.name : `${c.type} ${c.name}`;
const statusText = (t: BriefingTask) => TASK_STATUS_LABELS[t.status].vi;
/** "dd/mm/yyyy" for a Vietnam date; the period labels as the KPI module writes them ("2026-Q1" → "Quý I/2026"). */
function periodLabel(code: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(code);
  if (q) return `Quý ${['I', 'II', 'III', 'IV'][Number(q[2]) - 1]}/${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
  return `Năm ${code}`;
}

function taskSection(d: BriefingData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph('I. NHIỆM VỤ ĐẾN HẠN KỂ TỪ CUỘC HỌP TRƯỚC')];
  if (!d.dueTasks.length) {
    out.push(
      bodyParagraph(
        `Không có nhiệm vụ nào đến hạn từ ngày ${date(d.since)} đến ngày ${date(d.meeting.date)}.`,
      ),
    );
    return out;
  }
  const count = (s: TaskStatus[]) => d.dueTasks.filter((t) => s.includes(t.status)).length;
  out.push(
    bodyParagraph(
      `Từ ngày ${date(d.since)} đến ngày ${date(d.meeting.date)} có ${d.dueTasks.length} nhiệm vụ đến hạn: ` +
        `${count(['done_on_time'])} hoàn thành đúng hạn, ${count(['done_late'])} hoàn thành quá hạn, ` +
        `${count(['in_progress', 'due_soon'])} đang thực hiện trong hạn, ${count(['overdue'])} quá hạn chưa hoàn thành` +
        `${count(['paused', 'cancelled']) ? `, ${count(['paused', 'cancelled'])} tạm dừng hoặc đã hủy` : ''} ` +
        `(tình trạng tính đến ngày ${date(d.asOf)}).`,
    ),
    dataTable(
      ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng'],
      d.dueTasks.map((t, i) => [
        i + 1,
        t.title,
        t.leadUnitName,
        `${t.deadlineWritten} (${date(t.due)})`,
        statusText(t),
      ]),
      [7, 43, 20, 15, 15],
    ),
  );
  return out;
}

function overdueSection(d: BriefingData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph('II. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH')];
  if (!d.overdueTasks.length) {
    out.push(bodyParagraph(`Đến ngày ${date(d.asOf)} không có nhiệm vụ nào quá hạn chưa hoàn thành.`));
    return out;
  }
  out.push(
    bodyParagraph(`Đến ngày ${date(d.asOf)} có ${d.overdueTasks.length} nhiệm vụ quá hạn chưa hoàn thành:`),
    dataTable(
      ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Số ngày quá hạn'],
      d.overdueTasks.map((t, i) => [
        i + 1,
        t.title,
        t.leadUnitName,
        `${t.deadlineWritten} (${date(t.due)})`,
        t.daysOverdue ?? 0,
      ]),
      [7, 43, 20, 15, 15],
    ),
  );
  return out;
}

function progressSection(d: BriefingData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph('III. CÁC ĐƠN VỊ BÁO CÁO TIẾN ĐỘ')];
  if (!d.progress.length) {
    out.push(bodyParagraph(`Từ ngày ${date(d.since)} đến nay không có đơn vị nào báo cáo tiến độ.`));
    return out;
  }
  d.progress.forEach((unit, i) => {
    out.push(bodyParagraph([textRun(`${i + 1}. ${unit.unitName}`, { bold: true })]));
    for (const p of unit.items) {
      const what =
        p.kind === 'done' ? 'báo cáo hoàn thành' : `tiến độ ${p.percent === null ? '–' : `${p.percent}%`}`;
      const parts = [`- Ngày ${date(p.reportedOn)}, nhiệm vụ "${p.taskTitle}": ${what}. ${p.text}`];
      if (p.difficulties) parts.push(`Khó khăn, vướng mắc: ${p.difficulties}`);
      if (p.proposals) parts.push(`Kiến nghị, đề xuất: ${p.proposals}`);
      out.push(bodyParagraph(parts.join(' ')));
    }
  });
  return out;
}

function indexSection(d: BriefingData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    headingParagraph('IV. CHỈ SỐ CHUYỂN ĐỔI SỐ VÀ CÁC CHỈ TIÊU'),
    bodyParagraph([textRun('1. Chỉ số đánh giá mức độ chuyển đổi số', { bold: true })]),
  ];
  if (!d.dxIndex.length) {
    out.push(
      bodyParagraph(
        `Từ ngày ${date(d.since)} đến nay chưa có kết quả đánh giá chỉ số chuyển đổi số nào được công bố.`,
      ),
    );
  }
  for (const p of d.dxIndex) {
    out.push(
      bodyParagraph(
        `Kết quả "${p.periodName}" (công bố ngày ${date(p.publishedAt.slice(0, 10))}): ${p.units.length} đơn vị được xếp hạng.`,
      ),
      dataTable(
        ['Hạng', 'Đơn vị', 'Chỉ số (0–1)', 'Thay đổi chỉ số', 'Thay đổi hạng'],
        p.units.map((u) => [
          u.rank ?? '–',
          u.unitName,
          u.value === null ? '–' : idx.format(u.value),
          signed(u.valueDelta, (n) => idx.format(n)),
          u.rankDelta === null
            ? '–'
            : u.rankDelta > 0
              ? `tăng ${u.rankDelta}`
              : u.rankDelta < 0
                ? `giảm ${-u.rankDelta}`
                : 'giữ nguyên',
        ]),
        [10, 42, 16, 16, 16],
      ),
    );
  }
  out.push(bodyParagraph([textRun('2. Các chỉ tiêu chuyển đổi số', { bold: true })]));
  const { kpis } = d;
  if (!kpis.items.length) {
    out.push(
      bodyParagraph(
        `Chưa có số liệu chỉ tiêu nào của ${d.committee.name} cho ${periodLabel(kpis.previousPeriod)} và ${periodLabel(kpis.currentPeriod)}.`,
      ),
    );
    return out;
  }
  out.push(
    bodyParagraph(
      `So sánh ${periodLabel(kpis.currentPeriod)} với ${periodLabel(kpis.previousPeriod)} (số liệu toàn ${d.committee.name}):`,
    ),
    dataTable(
      [
        'Chỉ tiêu',
        'Đơn vị tính',
        periodLabel(kpis.previousPeriod),
        periodLabel(kpis.currentPeriod),
        'Thay đổi',
      ],
      kpis.items.map((k) => [
        k.name,
        k.unit,
        fmt(k.previous),
        fmt(k.current),
        k.previous === null || k.current === null ? '–' : signed(k.current - k.previous),
      ]),
      [40, 14, 15, 15, 16],
    ),
  );
  return out;
}

export async function buildBriefingDocx(d: BriefingData, now: Date): Promise<Buffer> {
  const official = officialName(d.committee);
  const m = d.meeting;
  const intro = [
    `Phục vụ ${MEETING_KIND_LABELS[m.kind].vi.toLocaleLowerCase('vi')} "${m.title}" của Ban Chỉ đạo chuyển đổi số ${official}`,
    `lúc ${m.time} ngày ${date(m.date)}${m.location ? ` tại ${m.location}` : ''}, do ${m.chairName} chủ trì,`,
    'Tổ giúp việc tổng hợp tình hình thực hiện nhiệm vụ chuyển đổi số',
    d.previousMeeting
      ? `kể từ cuộc họp trước ("${d.previousMeeting.title}", ngày ${date(d.previousMeeting.date)}) như sau:`
      : `từ ngày ${date(d.since)} (chưa có cuộc họp trước trên hệ thống) như sau:`,
  ].join(' ');
  return buildAdminDocument({
    parentBody: `UBND ${upper(official)}`,
    issuer: 'BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ',
    numberLine: 'Số: ……/BC-BCĐ',
    placeDateLine: `${placeOf(d.committee.name)}, ${vietnameseDateWords(now)}`,
    kind: 'BÁO CÁO',
    summary: `Tình hình thực hiện nhiệm vụ chuyển đổi số\nphục vụ cuộc họp ngày ${date(m.date)}`,
    body: [
      bodyParagraph(intro),
      ...taskSection(d),
      ...overdueSection(d),
      ...progressSection(d),
      ...indexSection(d),
    ],
    recipients: ['Trưởng ban, các Phó Trưởng ban (để báo cáo)', 'Các thành viên Ban Chỉ đạo', 'Lưu: VT'],
    signer: { authority: 'TM. TỔ GIÚP VIỆC', title: 'TỔ TRƯỞNG', name: '……………………' },
  });
}
