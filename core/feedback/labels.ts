import type { LocalisedText } from '../i18n/locale.js';
import type { FeedbackStatus, RefuseKind } from './lifecycle.js';

// Words for the statuses of a citizen report, Vietnamese first (staff app, public pages, Open311 status_notes).

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, LocalisedText> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã chuyển đơn vị xử lý', en: 'Assigned to a unit' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  reopened: { vi: 'Mở lại để xem xét', en: 'Reopened for review' },
};

export const REFUSE_KIND_LABELS: Record<RefuseKind, LocalisedText> = {
  spam: { vi: 'Tin rác, quấy rối', en: 'Spam' },
  duplicate: { vi: 'Trùng phản ánh khác', en: 'Duplicate' },
  out_of_scope: { vi: 'Không thuộc phạm vi phản ánh kiến nghị', en: 'Out of scope' },
};
