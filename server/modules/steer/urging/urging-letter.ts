import { AlignmentType, Paragraph } from 'docx';
import { vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import {
  bodyParagraph,
  buildAdminDocument,
  dataTable,
  headingParagraph,
  textRun,
} from '../../../lib/docx-admin.js';

// The urging letter (văn bản đôn đốc): a công văn from the committee's standing agency to one unit, listing its
// overdue tasks (with days late) and its tasks due soon, each with the deadline as the plan wrote it and the
// date it resolves to (dd/mm/yyyy). Laid out by the administrative-format helper (Decree 30/2020/NĐ-CP).

export type UrgingLetterTask = {
  title: string;
  /** The plan or notice the task comes from ("Kế hoạch 3609/KH-BĐHCĐS"), if any. */
  source: string | null;
  /** The deadline as written in the plan ("Quý II/2026"). */
  deadlineWritten: string;
  /** The date in force ('YYYY-MM-DD'; an approved extension's). */
  due: string;
};

export type UrgingLetterInput = {
  /** "UBND TỈNH THÁI NGUYÊN" (empty when the issuer is itself a top-level body). */
  parentBody: string;
  issuer: string;
  /** "SKHCN-CĐS": the symbol after the number. */
  symbol: string;
  /** The number once registered; null prints "…" for the clerk to fill in. */
  number: string | null;
  place: string;
  /** The letter's date and the date the tasks are judged on ('YYYY-MM-DD', Vietnam). */
  date: string;
  /** The addressee ("Sở Y tế", "UBND xã Đại Phúc"). */
  unitName: string;
  overdue: (UrgingLetterTask & { daysOverdue: number })[];
  dueSoon: (UrgingLetterTask & { daysUntilDue: number })[];
  /** The date by which the unit is asked to report ('YYYY-MM-DD'). */
  replyBy: string;
  signer: { authority?: string; title: string; name: string };
};

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "ngày 05 tháng 01 năm 2026" for a calendar date (Decree 30 pads days below 10 and months 1–2). */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${pad(d)} tháng ${m < 3 ? pad(m) : m} năm ${y}`;
}

const deadlineCell = (t: UrgingLetterTask) => {
  const date = vietnameseDateText(t.due);
  return t.deadlineWritten.trim() === date ? date : `${t.deadlineWritten} (${date})`;
};
const titleCell = (t: UrgingLetterTask) => (t.source ? `${t.title} (${t.source})` : t.title);

/** The letter's body paragraphs and tables (separate so the tests read them as text). */
export function urgingLetterBody(input: UrgingLetterInput) {
  const asOf = vietnameseDateText(input.date);
  const body = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [textRun('Kính gửi: ', { italics: true }), textRun(input.unitName, { bold: true })],
    }),
    bodyParagraph(
      `Thực hiện nhiệm vụ theo dõi, đôn đốc việc thực hiện các nhiệm vụ chuyển đổi số của tỉnh, theo số liệu cập nhật trên hệ thống DXBoard đến ngày ${asOf}, ${input.unitName} còn ${input.overdue.length} nhiệm vụ quá hạn chưa hoàn thành và ${input.dueSoon.length} nhiệm vụ sắp đến hạn, cụ thể như sau:`,
    ),
    headingParagraph(`1. Nhiệm vụ quá hạn chưa hoàn thành (${input.overdue.length})`),
    input.overdue.length
      ? dataTable(
          ['STT', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Số ngày quá hạn'],
          input.overdue.map((t, i) => [i + 1, titleCell(t), deadlineCell(t), t.daysOverdue]),
          [8, 52, 25, 15],
        )
      : bodyParagraph('Không có.', { italics: true }),
    headingParagraph(`2. Nhiệm vụ sắp đến hạn (${input.dueSoon.length})`),
    input.dueSoon.length
      ? dataTable(
          ['STT', 'Nội dung nhiệm vụ', 'Thời hạn hoàn thành', 'Số ngày còn lại'],
          input.dueSoon.map((t, i) => [i + 1, titleCell(t), deadlineCell(t), t.daysUntilDue]),
          [8, 52, 25, 15],
        )
      : bodyParagraph('Không có.', { italics: true }),
    bodyParagraph(
      `Đề nghị ${input.unitName} khẩn trương chỉ đạo triển khai, hoàn thành các nhiệm vụ quá hạn; bảo đảm tiến độ các nhiệm vụ sắp đến hạn; cập nhật tiến độ, kết quả và minh chứng trên hệ thống DXBoard trước ${dateWords(input.replyBy)}. Trường hợp không thể hoàn thành đúng hạn, đề nghị đơn vị đề xuất gia hạn trên hệ thống, nêu rõ lý do và thời hạn hoàn thành mới.`,
    ),
    bodyParagraph('Trân trọng./.'),
  ];
  return body;
}

/** The letter as a .docx buffer. */
export function buildUrgingLetter(input: UrgingLetterInput): Promise<Buffer> {
  return buildAdminDocument({
    parentBody: input.parentBody,
    issuer: input.issuer,
    numberLine: `Số: ${input.number ?? '…'}/${input.symbol}`,
    placeDateLine: `${input.place}, ${dateWords(input.date)}`,
    kind: '',
    summary: 'V/v đôn đốc thực hiện nhiệm vụ\nchuyển đổi số',
    body: urgingLetterBody(input),
    recipients: ['Như trên', 'Ban Chỉ đạo (để b/c)', 'Lưu: VT'],
    signer: input.signer,
  });
}
