import ExcelJS from 'exceljs';
import type { FeedbackExportQuery } from '../../../../core/contracts/feedback.js';
import { deadlineState, type WorkCalendar } from '../../../../core/feedback/deadline.js';
import { FEEDBACK_STATUS_LABELS } from '../../../../core/feedback/labels.js';
import { isAwaitingAnswer } from '../../../../core/feedback/lifecycle.js';
import { formatDayMonthYear } from '../../../../core/time/day-month-year.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';
import { canHandleReport, canManageReport } from '../feedback.policy.js';
import type { FeedbackRepository } from '../shared/feedback.repository.js';
import { maskContact } from '../shared/report-view.js';

// The staff queue as an xlsx workbook: the same filters and scope as the list, every matching row (up to
// 10,000), statuses and deadline states in words. A reporter's phone or email is shown only on the rows whose
// unit the reader handles or manages (as on the report's page); masked everywhere else (Decree 13/2023).

export const EXPORT_LIMIT = 10_000;

const DEADLINE_WORDS = {
  none: '',
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
} as const;

const vnDateTime = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDayMonthYear(d.slice(0, 10))} ${d.slice(11, 16)}`;
};

export async function exportQueueXlsx(
  deps: { db: Executor; repo: FeedbackRepository; today: string; calendar: WorkCalendar },
  actorIn: Actor | null,
  query: FeedbackExportQuery,
): Promise<{ fileName: string; body: Uint8Array }> {
  const actor = requireSignedIn(actorIn);
  const { repo, today, calendar } = deps;
  const rows = await repo.listReports(
    {
      scopeRoots: scopeRootsFor(actor, 'feedback.read'),
      status: query.status,
      categoryId: query.categoryId,
      unitId: query.unitId,
      overdueOn: query.overdue ? today : undefined,
      q: query.q,
    },
    { limit: EXPORT_LIMIT, offset: 0 },
  );
  const ancestors = await unitAncestorIdsMany(deps.db, [...new Set(rows.map((r) => r.unitId))]);

  const book = new ExcelJS.Workbook();
  book.creator = 'DXBoard';
  const sheet = book.addWorksheet('Phản ánh');
  sheet.columns = [
    { header: 'Mã phản ánh', key: 'code', width: 20 },
    { header: 'Tiêu đề', key: 'title', width: 40 },
    { header: 'Lĩnh vực', key: 'category', width: 26 },
    { header: 'Trạng thái', key: 'status', width: 22 },
    { header: 'Đơn vị xử lý', key: 'unit', width: 30 },
    { header: 'Địa bàn', key: 'area', width: 24 },
    { header: 'Địa chỉ', key: 'address', width: 30 },
    { header: 'Liên hệ', key: 'contact', width: 24 },
    { header: 'Ngày gửi', key: 'created', width: 18 },
    { header: 'Hạn trả lời', key: 'deadline', width: 14 },
    { header: 'Tình trạng hạn', key: 'state', width: 16 },
    { header: 'Ngày trả lời', key: 'answered', width: 18 },
    { header: 'Đánh giá', key: 'rating', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const up = ancestors.get(r.unitId) ?? [];
    const mayContact = canHandleReport(actor, up, r) || canManageReport(actor, up, r);
    sheet.addRow({
      code: r.code,
      title: r.title,
      category: r.categoryName,
      status: FEEDBACK_STATUS_LABELS[r.status].vi,
      unit: r.unitName,
      area: r.areaName ?? '',
      address: r.address ?? '',
      contact: mayContact ? r.contact : maskContact(r.contactKind, r.contact),
      created: vnDateTime(r.createdAt),
      deadline: r.deadline ? formatDayMonthYear(r.deadline) : '',
      state: DEADLINE_WORDS[deadlineState(r.deadline, today, isAwaitingAnswer(r.status), calendar)],
      answered: vnDateTime(r.answeredAt),
      rating:
        r.satisfaction === 'satisfied' ? 'Hài lòng' : r.satisfaction === 'unsatisfied' ? 'Chưa hài lòng' : '',
    });
  }
  // Text cells are written as text: a title starting with '=' is never a formula.
  const body = new Uint8Array(await book.xlsx.writeBuffer());
  return { fileName: `phan-anh-${today}.xlsx`, body };
}
