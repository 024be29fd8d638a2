import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// Texts of the confirmations for period actions, publishing (who is not approved), reopening a unit and
// excluding it from the ranking, and of the appraiser's approve/return confirmations. Vietnamese first; a
// dictionary of its own so the shared measure dictionary stays untouched.
const vi = {
  'pb.open.title': 'Mở kỳ đánh giá?',
  'pb.open.what':
    'Các đơn vị được giao sẽ nhập và gửi bản tự đánh giá từ bây giờ đến hạn nộp {due}; cán bộ được nhắc trước hạn.',
  'pb.close.title': 'Đóng kỳ đánh giá?',
  'pb.close.what':
    'Các đơn vị sẽ không sửa hay gửi bản tự đánh giá được nữa (bản nháp và bản bị trả lại bị khoá). Hồ sơ đã gửi vẫn được thẩm định. Sau khi đóng vẫn có thể công bố kết quả, và quản lý có thể mở lại hồ sơ của từng đơn vị.',
  'pb.publish.button': 'Công bố kết quả…',
  'pb.republish.button': 'Công bố lại…',
  'pb.publish.title': 'Công bố kết quả kỳ {period}?',
  'pb.republish.title': 'Công bố lại kết quả kỳ {period}?',
  'pb.publish.what':
    'Kết quả của {ranked} đơn vị đã được duyệt sẽ được lưu thành một bản công bố không thay đổi được và hiện trên trang công khai cho người dân. Cán bộ các đơn vị nhận thông báo kết quả.',
  'pb.republish.what':
    'Kết quả đã công bố lúc {at} được giữ nguyên như bản cũ. Công bố lại sẽ tạo bản công bố mới (lần thứ {n}) từ {ranked} đơn vị đã duyệt, và thời điểm công bố trên trang công khai chuyển sang bây giờ. Cán bộ các đơn vị nhận thông báo kết quả mới.',
  'pb.openAlso':
    'Kỳ đang mở: công bố sẽ đóng việc nhập liệu; các bản chưa gửi không sửa được nữa trừ khi quản lý mở lại.',
  'pb.notApproved.title': '{n} đơn vị chưa được duyệt sẽ không có trong bảng xếp hạng',
  'pb.notApproved.none': 'Mọi đơn vị đều đã được duyệt.',
  'pb.notApproved.more': 'và {n} đơn vị khác',
  'pb.noSubmission': 'Chưa nhập',
  'pb.reopened': 'đã mở lại',
  'pb.excluded.title': 'Không tham gia xếp hạng ({n})',
  'pb.confirmPublish': 'Công bố',
  'pb.confirmRepublish': 'Công bố lại',
  'pb.reopen.button': 'Mở lại',
  'pb.reopen.title': 'Mở lại hồ sơ của {unit}?',
  'pb.reopen.what':
    'Cán bộ của đơn vị sửa và gửi lại được bản tự đánh giá dù kỳ đã đóng hoặc đã công bố; hồ sơ đã duyệt trở về trạng thái "Trả lại để sửa" và rời bảng xếp hạng đang tính cho đến khi được duyệt lại. Kết quả đã công bố không đổi; lần công bố lại sau sẽ tạo bản công bố mới. Đơn vị nhận thông báo kèm lý do.',
  'pb.exclude.button': 'Không xếp hạng',
  'pb.exclude.title': 'Không xếp hạng {unit}?',
  'pb.exclude.what':
    'Đơn vị không có trong bảng xếp hạng (kể cả các lần công bố sau) và được ghi "không tham gia xếp hạng" kèm lý do bên dưới bảng. Có thể đưa trở lại bất cứ lúc nào.',
  'pb.include.button': 'Đưa lại vào xếp hạng',
  'pb.reason': 'Lý do',
  'pb.reasonRequired': 'Nhập lý do',
  'pb.done.reopened': 'Đã mở lại hồ sơ của {unit}',
  'pb.done.excluded': 'Đã loại {unit} khỏi xếp hạng',
  'pb.done.included': 'Đã đưa {unit} trở lại xếp hạng',
  'pb.notRanked': 'không tham gia xếp hạng',
  'pb.notRankedTitle': 'Đơn vị không tham gia xếp hạng',
  'ap.approve.title': 'Duyệt bản tự đánh giá của {unit}?',
  'ap.approve.what':
    'Số liệu của đơn vị được khoá với {points} điểm theo kết quả thẩm định và đơn vị vào bảng xếp hạng đang tính. Cán bộ đơn vị nhận thông báo. Sau khi duyệt chỉ quản lý mới mở lại được.',
  'ap.return.title': 'Trả lại bản tự đánh giá của {unit}?',
  'ap.return.what':
    'Hồ sơ trở về đơn vị để sửa {n} mục đã đánh dấu, kèm ý kiến của bạn. Cán bộ đơn vị nhận thông báo (thư điện tử gửi ngay) và phải gửi lại để được thẩm định tiếp.',
} as const;

export type PublishKey = keyof typeof vi;

const en: { readonly [K in PublishKey]: string } = {
  'pb.open.title': 'Open the period?',
  'pb.open.what':
    'The assigned units will enter and send their self-assessments from now until the due date {due}; officers are reminded before it.',
  'pb.close.title': 'Close the period?',
  'pb.close.what':
    'Units can no longer change or send their self-assessments (drafts and returned ones are locked). Sent ones can still be appraised. The results can still be published afterwards, and a manager can reopen a single unit’s entry.',
  'pb.publish.button': 'Publish results…',
  'pb.republish.button': 'Publish again…',
  'pb.publish.title': 'Publish the results of {period}?',
  'pb.republish.title': 'Publish the results of {period} again?',
  'pb.publish.what':
    'The results of the {ranked} approved units are saved as a publication that cannot change and shown on the public site. The units’ officers are notified of their results.',
  'pb.republish.what':
    'The results published at {at} are kept as they are. Publishing again creates a new publication (number {n}) from the {ranked} approved units, and the public site’s publication time moves to now. The units’ officers are notified of the new results.',
  'pb.openAlso':
    'The period is open: publishing ends data entry; entries not sent can no longer be changed unless a manager reopens them.',
  'pb.notApproved.title': '{n} units not approved will not be in the ranking',
  'pb.notApproved.none': 'Every unit is approved.',
  'pb.notApproved.more': 'and {n} more',
  'pb.noSubmission': 'Not started',
  'pb.reopened': 'reopened',
  'pb.excluded.title': 'Not taking part in the ranking ({n})',
  'pb.confirmPublish': 'Publish',
  'pb.confirmRepublish': 'Publish again',
  'pb.reopen.button': 'Reopen',
  'pb.reopen.title': 'Reopen the entry of {unit}?',
  'pb.reopen.what':
    'The unit’s officers can change and send the self-assessment again although the period is closed or published; an approved entry goes back to "Returned for correction" and leaves the live ranking until approved again. Published results do not change; the next publication is a new one. The unit is notified with the reason.',
  'pb.exclude.button': 'Leave out of ranking',
  'pb.exclude.title': 'Leave {unit} out of the ranking?',
  'pb.exclude.what':
    'The unit is not in the ranking (nor in later publications) and is listed as "not taking part in the ranking" with the reason below the table. It can be put back at any time.',
  'pb.include.button': 'Put back in ranking',
  'pb.reason': 'Reason',
  'pb.reasonRequired': 'Enter a reason',
  'pb.done.reopened': 'Reopened the entry of {unit}',
  'pb.done.excluded': 'Left {unit} out of the ranking',
  'pb.done.included': 'Put {unit} back in the ranking',
  'pb.notRanked': 'not taking part in the ranking',
  'pb.notRankedTitle': 'Units not taking part in the ranking',
  'ap.approve.title': 'Approve the self-assessment of {unit}?',
  'ap.approve.what':
    'The unit’s data is locked at {points} points as appraised and the unit enters the live ranking. The unit’s officers are notified. Once approved, only a manager can reopen it.',
  'ap.return.title': 'Return the self-assessment of {unit}?',
  'ap.return.what':
    'The entry goes back to the unit to fix the {n} marked items, with your comments. The unit’s officers are notified (email at once) and must send it again to be appraised.',
};

export type PublishT = (key: PublishKey, params?: MessageParams) => string;

export function usePT(): PublishT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}
