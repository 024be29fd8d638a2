import { registerMessages } from '../../../core/i18n/errors.js';

// Error detail keys of the contest module, Vietnamese first.
registerMessages({
  'contest.not_found': { vi: 'Không tìm thấy cuộc thi', en: 'Contest not found' },
  'contest.frozen': {
    vi: 'Cuộc thi đã mở, thể lệ và cấu hình không được thay đổi nữa',
    en: 'The contest is open: its rules and configuration can no longer change',
  },
  'contest.not_draft': {
    vi: 'Chỉ mở được cuộc thi đang soạn thảo',
    en: 'Only a draft contest can be opened',
  },
  'contest.not_open': { vi: 'Cuộc thi chưa mở hoặc đã kết thúc', en: 'The contest is not open' },
  'contest.slug_taken': { vi: 'Địa chỉ (slug) này đã được dùng', en: 'This address (slug) is already used' },
  'contest.duplicate_key': { vi: 'Mã bị trùng', en: 'Duplicate key' },
  'contest.round_ends_before_start': {
    vi: 'Thời gian kết thúc phải sau thời gian bắt đầu',
    en: 'The end must be after the start',
  },
  'contest.rounds_overlap': {
    vi: 'Các đợt thi không được chồng lên nhau (dùng đợt "chỉ xếp hạng" cho bảng xếp hạng tháng)',
    en: 'Attempt rounds cannot overlap (use a board-only round for a monthly board)',
  },
  'contest.no_attempt_round': { vi: 'Cần ít nhất một đợt thi', en: 'At least one attempt round is needed' },
  'contest.quotas_sum': {
    vi: 'Tổng số câu theo các nhóm phải bằng số câu mỗi lượt',
    en: 'The quotas must add up to the questions per attempt',
  },
  'contest.fixed_count': {
    vi: 'Số câu cố định phải bằng số câu mỗi lượt',
    en: 'The fixed set must have as many questions as an attempt',
  },
  'contest.name_required': { vi: 'Họ và tên phải là trường bắt buộc', en: 'Full name must be required' },
  'contest.otp_needs_email': {
    vi: 'Xác thực OTP cần trường thư điện tử bắt buộc',
    en: 'OTP verification needs a required email field',
  },
  'contest.prediction_missing': {
    vi: 'Xét dự đoán cần có câu hỏi dự đoán',
    en: 'The prediction tie-break needs a prediction question',
  },
  'contest.question_correct_count': {
    vi: 'Câu một đáp án cần đúng 1 phương án đúng; câu nhiều đáp án cần ít nhất 1',
    en: 'A single-choice question needs exactly one correct option; a multiple-choice one at least one',
  },
  'contest.bank_too_small': {
    vi: 'Ngân hàng câu hỏi không đủ câu cho nhóm thứ {quota} (cần thêm câu hỏi trước khi mở cuộc thi)',
    en: 'The bank has too few questions for quota {quota} (add questions before opening)',
  },
  'contest.unknown_question': {
    vi: 'Câu hỏi không có trong ngân hàng của đơn vị',
    en: 'The question is not in the unit’s bank',
  },
  'contest.unknown_category': {
    vi: 'Chủ đề không thuộc ngân hàng của đơn vị',
    en: 'The category is not in the unit’s bank',
  },
  'contest.round_not_ended': {
    vi: 'Đợt thi chưa kết thúc, chưa thể chốt kết quả',
    en: 'The round has not ended yet',
  },
  'contest.unknown_round': { vi: 'Không có đợt thi này', en: 'No such round' },
  'contest.unknown_group': { vi: 'Không có bảng thi này', en: 'No such group' },
  'contest.field_required': { vi: 'Thông tin bắt buộc', en: 'Required' },
  'contest.duplicate_registration': {
    vi: 'Thông tin này đã được dùng để đăng ký cuộc thi',
    en: 'This has already been used to register for the contest',
  },
  'contest.cccd_format': { vi: 'Số CCCD phải gồm 12 chữ số', en: 'A CCCD number has 12 digits' },
  'contest.cccd_province': {
    vi: 'Ba số đầu của CCCD không phải mã tỉnh hợp lệ',
    en: 'The first three digits are not a province code',
  },
  'contest.cccd_birth_mismatch': {
    vi: 'Số CCCD không khớp với năm sinh hoặc giới tính đã khai',
    en: 'The CCCD number does not match the birth year or gender given',
  },
  'contest.phone_format': { vi: 'Số điện thoại di động không hợp lệ', en: 'Not a valid mobile number' },
  'contest.flag_not_found': { vi: 'Không tìm thấy cảnh báo này', en: 'Flag not found' },
  'contest.exclude_needs_confirmed': {
    vi: 'Chỉ loại khỏi giải khi đã xác nhận cảnh báo',
    en: 'Only a confirmed flag can exclude people from prizes',
  },
  'contest.pow_invalid': {
    vi: 'Kiểm tra chống máy đăng ký tự động không đạt (thiếu, sai, hết hạn hoặc đã dùng), hãy gửi lại',
    en: 'The anti-robot check failed (missing, wrong, expired or already used); send the form again',
  },
  'contest.too_young': {
    vi: 'Chưa đủ {minAge} tuổi theo thể lệ',
    en: 'Younger than {minAge}, the rules’ minimum age',
  },
  'contest.unit_outside': {
    vi: 'Đơn vị không thuộc phạm vi cuộc thi',
    en: 'The unit is outside the contest',
  },
  'contest.bad_token': {
    vi: 'Phiên dự thi không hợp lệ, hãy đăng ký hoặc mở lại trang',
    en: 'Invalid contest session; register or reload',
  },
  'contest.not_verified': {
    vi: 'Cần xác thực mã OTP trước khi thi',
    en: 'Verify the one-time code before taking part',
  },
  'contest.otp_wrong': { vi: 'Mã OTP không đúng hoặc đã hết hạn', en: 'The code is wrong or has expired' },
  'contest.no_round_open': { vi: 'Hiện không có đợt thi nào đang mở', en: 'No round is open now' },
  'contest.attempts_used': {
    vi: 'Bạn đã dùng hết {max} lượt thi của đợt này',
    en: 'You have used all {max} attempts of this round',
  },
  'contest.attempt_running': { vi: 'Đang có một lượt thi chưa nộp', en: 'An attempt is still open' },
  'contest.attempt_expired': {
    vi: 'Đã hết giờ làm bài; câu trả lời gửi sau thời hạn không được tính',
    en: 'Time is up; answers sent after the deadline do not count',
  },
  'contest.attempt_submitted': { vi: 'Bài thi đã được nộp', en: 'The attempt has already been submitted' },
  'contest.question_not_in_attempt': {
    vi: 'Câu hỏi không thuộc lượt thi này',
    en: 'The question is not in this attempt',
  },
  'contest.option_invalid': { vi: 'Phương án không hợp lệ', en: 'Invalid option' },
  'contest.one_option_only': {
    vi: 'Câu này chỉ chọn một phương án',
    en: 'Choose one option for this question',
  },
  'contest.import_too_large': {
    vi: 'Tệp nhập quá lớn (tối đa {maxKb} KB)',
    en: 'The import is too large (at most {maxKb} KB)',
  },
  'contest.import_empty': {
    vi: 'Không đọc được câu hỏi nào trong tệp',
    en: 'No questions could be read from the file',
  },
  'contest.import_bad_base64': {
    vi: 'Nội dung tệp .xlsx không hợp lệ',
    en: 'The .xlsx content is not valid',
  },
});
