import type { Locale } from '../i18n/locale.js';
import type { ReminderKind } from './reminders.js';
import type {
  DeadlineCycle,
  DeadlineError,
  DeadlineErrorCode,
  DeadlineKind,
  LifecycleState,
  StatusBucket,
  TaskStatus,
} from './types.js';

// The one table of Steer's enum labels (vi, en). Status wording follows the national reports
// (VPCP: "hoàn thành đúng hạn / quá hạn", "chưa hoàn thành trong hạn / quá hạn"; ../shared/research §A1).

type Label = { readonly vi: string; readonly en: string };

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, Label>> = {
  date: { vi: 'Ngày', en: 'Date' },
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half: { vi: '6 tháng', en: 'Half-year' },
  year: { vi: 'Năm', en: 'Year' },
  range: { vi: 'Giai đoạn', en: 'Period' },
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
};

export const DEADLINE_CYCLE_LABELS: Readonly<Record<DeadlineCycle, Label>> = {
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  half: { vi: '6 tháng một lần', en: 'Half-yearly' },
  year: { vi: 'Hằng năm', en: 'Yearly' },
};

export const LIFECYCLE_LABELS: Readonly<Record<LifecycleState, Label>> = {
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  reported_done: { vi: 'Đã báo cáo hoàn thành', en: 'Reported done' },
  verified_done: { vi: 'Đã xác nhận hoàn thành', en: 'Verified done' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, Label>> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện trong hạn', en: 'In progress, within deadline' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  not_due: { vi: 'Chưa phát sinh', en: 'Not yet assigned' },
};

export const STATUS_BUCKET_LABELS: Readonly<Record<StatusBucket, Label>> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Chưa hoàn thành, trong hạn', en: 'Not done, within deadline' },
  overdue: { vi: 'Chưa hoàn thành, quá hạn', en: 'Not done, overdue' },
};

const EXAMPLES =
  '15/6/2025, Tháng 6/2025, Quý II/2025, 6 tháng đầu năm 2025, Năm 2025, Giai đoạn 2021-2025, Thường xuyên';

const DEADLINE_ERROR_MESSAGES: Readonly<Record<DeadlineErrorCode, Label>> = {
  empty: { vi: 'Chưa ghi thời hạn hoàn thành', en: 'No deadline was written' },
  too_long: { vi: 'Thời hạn "{text}" quá dài', en: 'The deadline "{text}" is too long' },
  unrecognised: {
    vi: `Không hiểu thời hạn "{text}". Ghi theo một trong các dạng: ${EXAMPLES}`,
    en: `Cannot read the deadline "{text}". Write it like one of: ${EXAMPLES}`,
  },
  missing_year: {
    vi: 'Thời hạn "{text}" thiếu năm (ví dụ: Quý II/2025)',
    en: 'The deadline "{text}" has no year (e.g. Quý II/2025)',
  },
  invalid_date: {
    vi: 'Thời hạn "{text}" không phải ngày, tháng hoặc quý có thật',
    en: 'The deadline "{text}" is not a real date, month or quarter',
  },
  year_out_of_range: {
    vi: 'Năm trong thời hạn "{text}" phải từ 2000 đến 2100',
    en: 'The year in "{text}" must be between 2000 and 2100',
  },
  invalid_range: {
    vi: 'Giai đoạn "{text}" phải kết thúc sau khi bắt đầu',
    en: 'The period "{text}" must end after it starts',
  },
};

/** The message for an unresolvable deadline, quoting what was written (cut to 80 characters). */
/** The urging job's reminders (core/steer/reminders.ts), as the unit's urging log names them. */
export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, Label>> = {
  before: { vi: 'Nhắc trước hạn', en: 'Before the deadline' },
  due_today: { vi: 'Đến hạn hôm nay', en: 'Due today' },
  overdue: { vi: 'Nhắc quá hạn', en: 'Overdue' },
  cycle_cutoff: { vi: 'Nhắc báo cáo định kỳ', en: 'Periodic report due' },
};

export function deadlineErrorMessage(error: DeadlineError, locale: Locale = 'vi'): string {
  const text = error.text.length > 80 ? `${error.text.slice(0, 79)}…` : error.text;
  return DEADLINE_ERROR_MESSAGES[error.code][locale].replace('{text}', () => text);
}
