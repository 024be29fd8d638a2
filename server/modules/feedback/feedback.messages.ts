import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the Feedback module, Vietnamese first.
registerMessages({
  'feedback.category_code': {
    vi: 'Mã lĩnh vực gồm 2–30 chữ in hoa, số, gạch ngang hoặc gạch dưới',
    en: 'A category code is 2–30 capital letters, digits, dashes or underscores',
  },
  'feedback.category_code_taken': { vi: 'Mã lĩnh vực đã được dùng', en: 'The category code is taken' },
  'feedback.unknown_category': {
    vi: 'Lĩnh vực không tồn tại hoặc không còn tiếp nhận',
    en: 'The category does not exist or no longer takes reports',
  },
  'feedback.unknown_unit': { vi: 'Đơn vị không tồn tại', en: 'The unit does not exist' },
  'feedback.merge_target': {
    vi: 'Chọn một phản ánh khác đang được xử lý hoặc đã trả lời (không bị từ chối, chưa bị gộp) để gộp vào',
    en: 'Choose another report, not refused nor merged itself, to merge into',
  },
  'feedback.routing_rule_exists': {
    vi: 'Lĩnh vực này đã có quy tắc chuyển xử lý cho địa bàn đã chọn',
    en: 'This category already has a routing rule for that area',
  },
  'feedback.calendar_holiday_day': {
    vi: 'Ngày nghỉ lễ phải là ngày thường (thứ Hai đến thứ Sáu)',
    en: 'A holiday must fall on a weekday',
  },
  'feedback.calendar_working_day_day': {
    vi: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật',
    en: 'A swapped working day must fall on a weekend',
  },
  'feedback.not_allowed': {
    vi: 'Không thực hiện được thao tác này ở trạng thái hiện tại của phản ánh',
    en: 'This action is not possible in the report’s current status',
  },
  'feedback.location_required': {
    vi: 'Cần chọn vị trí trên bản đồ, chọn xã/phường hoặc ghi địa chỉ',
    en: 'Give a map location, a commune or an address',
  },
  'feedback.latlng_pair': { vi: 'Cần cả vĩ độ và kinh độ', en: 'Give both latitude and longitude' },
  'feedback.outside_province': {
    vi: 'Vị trí nằm ngoài phạm vi của tỉnh',
    en: 'The location is outside the province',
  },
  'feedback.photo_required': {
    vi: 'Lĩnh vực này cần ít nhất một ảnh hiện trường',
    en: 'This category needs at least one photo',
  },
  'feedback.unknown_photo': {
    vi: 'Ảnh không tồn tại, đã dùng hoặc đã hết hạn, hãy tải lại',
    en: 'The photo does not exist, was used or expired; upload it again',
  },
  'feedback.unknown_file': {
    vi: 'Tệp minh chứng không tồn tại hoặc bạn không được dùng tệp này',
    en: 'The evidence file does not exist or you may not use it',
  },
  'feedback.not_image': {
    vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP',
    en: 'Only JPEG, PNG or WebP images are accepted',
  },
  'feedback.phone_invalid': {
    vi: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)',
    en: 'A phone number has 10 digits starting with 0 (or +84)',
  },
  'feedback.email_invalid': { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  'feedback.otp_format': { vi: 'Mã xác thực gồm 6 chữ số', en: 'The code has 6 digits' },
  'feedback.otp_required': {
    vi: 'Cần mã xác thực gửi tới liên hệ này, hoặc đăng nhập bằng tài khoản định danh có liên hệ này',
    en: 'A one-time code sent to this contact is needed, or sign in with an identity account holding it',
  },
  'feedback.otp_invalid': {
    vi: 'Mã xác thực sai, đã dùng hoặc đã hết hạn',
    en: 'The code is wrong, used or expired',
  },
  'feedback.pow_invalid': {
    vi: 'Kiểm tra chống máy gửi tự động không đạt, hãy tải lại trang và thử lại',
    en: 'The anti-robot check failed; reload the page and try again',
  },
  'feedback.code_format': {
    vi: 'Mã phản ánh có dạng PA-2026-XXXXXXXX',
    en: 'A report code looks like PA-2026-XXXXXXXX',
  },
  'feedback.rate_reason_required': {
    vi: 'Hãy cho biết lý do chưa hài lòng để đơn vị xem xét lại',
    en: 'Say why you are not satisfied, so the unit can review it',
  },
  'feedback.contact_mismatch': {
    vi: 'Thông tin liên hệ không khớp với người gửi phản ánh',
    en: 'The contact does not match the reporter’s',
  },
  'feedback.reason_required': { vi: 'Cần ghi lý do', en: 'Give the reason' },
  'feedback.same_unit': {
    vi: 'Phản ánh đang ở đơn vị này',
    en: 'The report is already with this unit',
  },
  'feedback.extension_pending': {
    vi: 'Đã có đề nghị gia hạn đang chờ quyết định',
    en: 'An extension request is already waiting for a decision',
  },
  'feedback.no_extension': {
    vi: 'Không có đề nghị gia hạn nào chờ quyết định',
    en: 'No extension request is waiting',
  },
  'feedback.no_deadline': { vi: 'Phản ánh chưa có hạn xử lý', en: 'The report has no deadline yet' },
});
