import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// Texts of the officer's entry page (status banner, submit confirmation, refused submit, autosave),
// Vietnamese first. A dictionary of its own, like consistency-i18n.ts, so measure-i18n.ts stays untouched.
const vi = {
  'e.banner.draft': 'Bản nháp',
  'e.banner.draftNote': 'Số liệu được tự động lưu khi bạn nhập. Khi đã đủ, bấm “Nộp hồ sơ”.',
  'e.banner.draftLocked': 'Kỳ đánh giá không còn nhận số liệu; hồ sơ chỉ xem được.',
  'e.banner.submitted': 'Đang chờ thẩm định',
  'e.banner.submittedNote': 'Hồ sơ đã gửi tổ thẩm định và bị khoá cho đến khi được duyệt hoặc trả lại.',
  'e.banner.approved': 'Đã được duyệt: {points} điểm',
  'e.banner.approvedNote': 'Điểm tự chấm: {points} điểm. Điểm dưới đây là điểm sau thẩm định.',
  'e.banner.returned': 'Bị trả lại: {n} mục cần sửa',
  'e.banner.returnedNote': 'Nhận xét của tổ thẩm định: {comment}',
  'e.banner.returnedItems': 'Các mục cần sửa:',
  'e.self': 'Tự chấm',
  'e.appraised': 'Thẩm định',
  'e.points': '{points} điểm',
  'e.comment': 'Nhận xét thẩm định',
  'e.evidenceSubmitted': 'Tài liệu kiểm chứng đã nộp',
  'e.confirm.title': 'Nộp hồ sơ để thẩm định?',
  'e.confirm.body':
    'Hồ sơ sẽ được gửi tới tổ thẩm định. Sau khi nộp, bạn không sửa được số liệu và tài liệu kiểm chứng cho đến khi hồ sơ được trả lại.',
  'e.confirm.ok': 'Nộp để thẩm định',
  'e.confirm.cancel': 'Xem lại',
  'e.refused.title': 'Chưa nộp được: {n} mục cần bổ sung',
  'e.refused.note': 'Số liệu đã nhập vẫn được giữ. Bấm vào từng mục để sửa.',
  'e.saving': 'Đang lưu…',
  'e.savedAt': 'Đã lưu lúc {time}',
  'e.unsaved': 'Có thay đổi chưa lưu',
  'e.saveFailed': 'Chưa lưu được: sửa các mục báo lỗi',
  'e.leave.title': 'Rời trang khi còn số liệu chưa lưu?',
  'e.leave.body': 'Số liệu vừa nhập chưa được lưu và sẽ mất nếu bạn rời trang.',
  'e.leave.stay': 'Ở lại trang',
  'e.leave.go': 'Rời trang, bỏ thay đổi',
  'e.notPublished':
    'Kết quả của kỳ này chưa được công bố. Xếp hạng sẽ hiện ở đây khi tổ thẩm định công bố kết quả.',
} as const;

export type EntryKey = keyof typeof vi;

const en: { readonly [K in EntryKey]: string } = {
  'e.banner.draft': 'Draft',
  'e.banner.draftNote': 'Values are saved automatically as you type. When complete, press “Submit”.',
  'e.banner.draftLocked': 'The period no longer accepts data; the submission is read-only.',
  'e.banner.submitted': 'Awaiting appraisal',
  'e.banner.submittedNote': 'Sent to the appraisers and locked until it is approved or returned.',
  'e.banner.approved': 'Approved: {points} points',
  'e.banner.approvedNote': 'Self-assessed: {points} points. The points below are the appraised ones.',
  'e.banner.returned': 'Returned: {n, plural, one {# item} other {# items}} to fix',
  'e.banner.returnedNote': 'Appraisers’ comment: {comment}',
  'e.banner.returnedItems': 'Items to fix:',
  'e.self': 'Self',
  'e.appraised': 'Appraised',
  'e.points': '{points} points',
  'e.comment': 'Appraiser’s comment',
  'e.evidenceSubmitted': 'Submitted evidence',
  'e.confirm.title': 'Submit for appraisal?',
  'e.confirm.body':
    'The submission goes to the appraisers. After submitting you cannot change values or evidence until it is returned.',
  'e.confirm.ok': 'Submit for appraisal',
  'e.confirm.cancel': 'Review',
  'e.refused.title': 'Not submitted: {n, plural, one {# item needs} other {# items need}} attention',
  'e.refused.note': 'Your values are kept. Select an item to fix it.',
  'e.saving': 'Saving…',
  'e.savedAt': 'Saved at {time}',
  'e.unsaved': 'Unsaved changes',
  'e.saveFailed': 'Not saved: fix the items marked in red',
  'e.leave.title': 'Leave with unsaved values?',
  'e.leave.body': 'The values you just entered are not saved and will be lost if you leave.',
  'e.leave.stay': 'Stay on the page',
  'e.leave.go': 'Leave and discard',
  'e.notPublished': 'Results for this period are not published yet. The ranking appears here once published.',
};

export type EntryT = (key: EntryKey, params?: MessageParams) => string;

export function useET(): EntryT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}

/** For tests and non-React callers. */
export function entryText(locale: string, key: EntryKey, params?: MessageParams): string {
  return fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale);
}
