import { useCallback } from 'react';
import type { Locale } from '../../../core/i18n/locale.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// Texts of the staff home per role (the unit's work, the appraiser's queue, the viewer's summary), Vietnamese
// first. The welcome line and the grants keep their keys in web/i18n (home.welcome, home.grants).
const vi = {
  'h.unitWork': 'Việc của đơn vị',
  'h.unitWorkOf': 'Việc của đơn vị: {unit}',
  'h.chooseUnit': 'Đơn vị',
  'h.seeAll': 'Xem tất cả',
  'h.loadFailed': 'Chưa tải được mục này. Hãy thử tải lại trang.',
  // Steer
  'h.tasks': 'Nhiệm vụ của đơn vị',
  'h.tasksSummary':
    '{overdue} quá hạn · {soon} sắp đến hạn · {report} cần báo cáo tuần này · {returned} bị trả lại',
  'h.tasksEmpty':
    'Đơn vị không có nhiệm vụ quá hạn, sắp đến hạn hay cần báo cáo. Xem toàn bộ nhiệm vụ ở trang Việc của đơn vị.',
  'h.tasksOpen': 'Mở trang nhiệm vụ của đơn vị',
  'h.moreTasks': 'Còn {n} nhiệm vụ khác cần chú ý',
  // Measure
  'h.entries': 'Số liệu chỉ số đang mở',
  'h.entriesEmpty':
    'Chưa có kỳ đánh giá nào đang mở cho đơn vị. Khi tổ giúp việc mở kỳ mới, kỳ đó sẽ hiện ở đây.',
  'h.entryDue': 'Hạn nộp {date}',
  'h.entryAnswered': 'Đã nhập {n}/{total} chỉ số thành phần',
  'h.entryOpen': 'Nhập số liệu',
  'h.entryView': 'Xem hồ sơ',
  'h.entryFix': 'Sửa và nộp lại',
  'h.sub.not_started': 'Chưa bắt đầu',
  'h.sub.draft': 'Đang nhập, chưa nộp',
  'h.sub.submitted': 'Đã nộp, chờ thẩm định',
  'h.sub.returned': 'Bị trả lại, cần sửa',
  'h.sub.approved': 'Đã được duyệt',
  'h.entryReturnNote': 'Nhận xét của tổ thẩm định: {comment}',
  // Feedback
  'h.feedback': 'Phản ánh cần trả lời',
  'h.feedbackEmpty':
    'Không có phản ánh nào đang chờ đơn vị trả lời. Phản ánh mới chuyển đến đơn vị sẽ hiện ở đây.',
  'h.feedbackSummary': '{n} phản ánh đang chờ trả lời, {overdue} quá hạn',
  'h.feedbackDeadline': 'Hạn trả lời {date}',
  'h.feedbackNoDeadline': 'Chưa có hạn trả lời',
  'h.fb.overdue': 'Quá hạn',
  'h.fb.due_soon': 'Sắp đến hạn',
  'h.fb.on_track': 'Trong hạn',
  'h.fb.none': 'Chưa tính hạn',
  // Notifications
  'h.notifications': 'Thông báo mới nhất',
  'h.notificationsEmpty': 'Chưa có thông báo nào. Nhắc việc và kết quả thẩm định sẽ hiện ở đây.',
  'h.unread': 'Chưa đọc',
  // Appraiser
  'h.queue': 'Hồ sơ chỉ số cần thẩm định',
  'h.queueSummary': '{waiting} chờ thẩm định · {returned} bị trả lại · {resubmitted} đã nộp lại',
  'h.stage.waiting': 'Chờ thẩm định',
  'h.stage.resubmitted': 'Đã nộp lại',
  'h.stage.returned': 'Bị trả lại',
  'h.stageEmpty.waiting': 'Không có hồ sơ nào chờ thẩm định.',
  'h.stageEmpty.resubmitted': 'Không có hồ sơ nào được nộp lại sau khi trả.',
  'h.stageEmpty.returned': 'Không có hồ sơ nào đang chờ đơn vị sửa.',
  'h.stageHint.returned': 'Đơn vị đang sửa hồ sơ; khi họ nộp lại, hồ sơ chuyển sang mục "Đã nộp lại".',
  'h.submittedOn': 'Nộp {date}',
  'h.resubmittedOn': 'Nộp lại {date} (lần {round})',
  'h.returnedOn': 'Trả lại {date}',
  'h.appraise': 'Thẩm định',
  'h.moreItems': 'Còn {n} hồ sơ khác — xem ở trang kỳ đánh giá',
  'h.queueEmpty':
    'Không có hồ sơ nào cần thẩm định. Các đơn vị nộp hồ sơ tự đánh giá ở kỳ đang mở thì hồ sơ sẽ hiện ở đây.',
  'h.openPeriods': 'Xem các kỳ đánh giá',
  // Viewer
  'h.viewer': 'Xem thông tin chuyển đổi số',
  'h.viewerIntro':
    'Tài khoản của bạn chỉ xem được thông tin. Bạn có thể tra cứu đơn vị và xem bảng xếp hạng đã công bố.',
  'h.viewUnits': 'Tra cứu đơn vị hành chính, cơ quan',
  'h.viewUnitsDesc': 'Đơn vị theo thời gian, sáp nhập và chia tách',
  'h.viewDashboard': 'Bảng điều hành chuyển đổi số',
  'h.viewDashboardDesc': 'Số liệu chính, xếp hạng, nhiệm vụ, phản ánh của tỉnh',
  'h.viewRanking': 'Bảng xếp hạng đã công bố: {name}',
  'h.viewRankingDesc': 'Kết quả chỉ số chuyển đổi số đã công bố, theo từng đơn vị',
  'h.noRanking': 'Chưa có bảng xếp hạng nào được công bố trong phạm vi của bạn.',
  'h.viewPeriods': 'Các kỳ đánh giá chỉ số',
  'h.noGrantsHelp': 'Tài khoản chưa được giao vai trò nào. Hãy liên hệ quản trị hệ thống để được phân quyền.',
  'h.dashboardLoading': 'Đang tải bảng điều hành…',
};
type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'h.unitWork': 'My unit’s work',
  'h.unitWorkOf': 'Work of {unit}',
  'h.chooseUnit': 'Unit',
  'h.seeAll': 'See all',
  'h.loadFailed': 'This part could not be loaded. Try reloading the page.',
  'h.tasks': 'The unit’s tasks',
  'h.tasksSummary':
    '{overdue} overdue · {soon} due soon · {report} to report this week · {returned} returned',
  'h.tasksEmpty':
    'No task of the unit is overdue, due soon or waiting for a report. All tasks are on the unit’s work page.',
  'h.tasksOpen': 'Open the unit’s tasks page',
  'h.moreTasks': '{n} more tasks need attention',
  'h.entries': 'Open index entries',
  'h.entriesEmpty':
    'No assessment period is open for the unit. When the secretariat opens one, it will appear here.',
  'h.entryDue': 'Due {date}',
  'h.entryAnswered': '{n} of {total} components entered',
  'h.entryOpen': 'Enter data',
  'h.entryView': 'View the submission',
  'h.entryFix': 'Correct and resubmit',
  'h.sub.not_started': 'Not started',
  'h.sub.draft': 'In progress, not submitted',
  'h.sub.submitted': 'Submitted, awaiting appraisal',
  'h.sub.returned': 'Returned for correction',
  'h.sub.approved': 'Approved',
  'h.entryReturnNote': 'Appraiser’s comment: {comment}',
  'h.feedback': 'Feedback to answer',
  'h.feedbackEmpty':
    'No citizen report is waiting for the unit’s answer. New reports routed to the unit will appear here.',
  'h.feedbackSummary': '{n} reports waiting for an answer, {overdue} overdue',
  'h.feedbackDeadline': 'Answer by {date}',
  'h.feedbackNoDeadline': 'No deadline yet',
  'h.fb.overdue': 'Overdue',
  'h.fb.due_soon': 'Due soon',
  'h.fb.on_track': 'On track',
  'h.fb.none': 'No deadline',
  'h.notifications': 'Latest notifications',
  'h.notificationsEmpty': 'No notifications yet. Reminders and appraisal results will appear here.',
  'h.unread': 'Unread',
  'h.queue': 'Index submissions to appraise',
  'h.queueSummary': '{waiting} awaiting appraisal · {returned} returned · {resubmitted} resubmitted',
  'h.stage.waiting': 'Awaiting appraisal',
  'h.stage.resubmitted': 'Resubmitted',
  'h.stage.returned': 'Returned',
  'h.stageEmpty.waiting': 'No submission is awaiting appraisal.',
  'h.stageEmpty.resubmitted': 'No submission has been resubmitted after a return.',
  'h.stageEmpty.returned': 'No submission is waiting for a unit’s correction.',
  'h.stageHint.returned': 'The unit is correcting these; once resubmitted they move to "Resubmitted".',
  'h.submittedOn': 'Submitted {date}',
  'h.resubmittedOn': 'Resubmitted {date} (round {round})',
  'h.returnedOn': 'Returned {date}',
  'h.appraise': 'Appraise',
  'h.moreItems': '{n} more — see the period page',
  'h.queueEmpty': 'Nothing to appraise. Submissions that units send in an open period will appear here.',
  'h.openPeriods': 'See the assessment periods',
  'h.viewer': 'Digital transformation at a glance',
  'h.viewerIntro': 'Your account can read only. You can look up units and see the published ranking.',
  'h.viewUnits': 'Look up administrative units and agencies',
  'h.viewUnitsDesc': 'Units over time, mergers and splits',
  'h.viewDashboard': 'Digital transformation dashboard',
  'h.viewDashboardDesc': 'Headline figures, ranking, tasks and feedback of the province',
  'h.viewRanking': 'Published ranking: {name}',
  'h.viewRankingDesc': 'Published digital transformation index results, unit by unit',
  'h.noRanking': 'No ranking has been published in your scope yet.',
  'h.viewPeriods': 'Index assessment periods',
  'h.noGrantsHelp': 'Your account has no role yet. Ask the system administrator to grant you one.',
  'h.dashboardLoading': 'Loading the dashboard…',
};

const DICTS: Record<Locale, Record<Key, string>> = { vi, en };
export type HomeKey = Key;

export function useHT() {
  const { locale } = useI18n();
  return useCallback(
    (key: Key, params?: MessageParams) => fillPlaceholders(DICTS[locale][key], params, locale),
    [locale],
  );
}
