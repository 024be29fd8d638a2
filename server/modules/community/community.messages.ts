import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the Community module, Vietnamese first.
registerMessages({
  'community.session_outside_course': {
    vi: 'Ngày của buổi học phải nằm trong thời gian của khoá tập huấn',
    en: 'The session date must fall within the course dates',
  },
  'community.course_full': { vi: 'Khoá tập huấn đã đủ số người', en: 'The course is full' },
  'community.registration_duplicate': {
    vi: 'Cán bộ này đã được đăng ký khoá tập huấn',
    en: 'This official is already registered for the course',
  },
  'community.checkin_unknown': {
    vi: 'Mã điểm danh không đúng với khoá học này',
    en: 'The check-in code does not belong to this course',
  },
  'community.attendance_duplicate': {
    vi: 'Cán bộ này đã được điểm danh ở buổi học này',
    en: 'This official has already been checked in for this session',
  },
  'community.session_unknown': {
    vi: 'Buổi học này không thuộc khoá tập huấn',
    en: 'This session does not belong to the course',
  },
  'community.attendance_unknown': {
    vi: 'Không tìm thấy học viên đã đăng ký khoá học với tên hoặc email này',
    en: 'No official registered for the course has this name or email',
  },
  'community.attendance_ambiguous': {
    vi: 'Có nhiều học viên cùng tên: hãy thêm cột email',
    en: 'Several registered officials share this name: add an email column',
  },
  'community.no_certificate': {
    vi: 'Chưa có giấy chứng nhận (cần dự đủ các buổi học)',
    en: 'No certificate yet (every session must be attended)',
  },
  'community.not_commune': {
    vi: 'Đơn vị này không phải là xã, phường hoặc đặc khu',
    en: 'This unit is not a commune, ward or special zone',
  },
  'community.not_village': {
    vi: 'Tổ phải thuộc một thôn, tổ dân phố của xã (hoặc chính xã đó)',
    en: 'A team belongs to a village or residential group of a commune (or the commune itself)',
  },
  'community.village_other_commune': {
    vi: 'Thôn này không thuộc xã đã chọn',
    en: 'This village does not belong to the chosen commune',
  },
  'community.team_exists': {
    vi: 'Thôn, tổ dân phố này đã có Tổ công nghệ số cộng đồng',
    en: 'This village already has a community digital technology team',
  },
  'community.phone_invalid': {
    vi: 'Số điện thoại không hợp lệ (ví dụ đúng: 0912 345 678)',
    en: 'Not a valid phone number (e.g. 0912 345 678)',
  },
  'community.member_exists': {
    vi: 'Người này đang là thành viên của tổ',
    en: 'This person is already a member of the team',
  },
  'community.member_before_team': {
    vi: 'Ngày bắt đầu không được trước ngày thành lập tổ',
    en: 'The start date cannot be before the team was established',
  },
  'community.member_ended': {
    vi: 'Thành viên này đã thôi tham gia tổ',
    en: 'This member has already left the team',
  },
  'community.activity_future': {
    vi: 'Ngày hoạt động không được sau ngày hôm nay',
    en: 'The activity date cannot be in the future',
  },
  'community.activity_before_team': {
    vi: 'Ngày hoạt động không được trước ngày thành lập tổ',
    en: 'The activity date cannot be before the team was established',
  },
  'community.negative_count': {
    vi: 'Số người, số hộ không được nhỏ hơn 0',
    en: 'People and households reached cannot be below zero',
  },
  'community.activity_duplicate': {
    vi: 'Hoạt động này đã được ghi (cùng tổ, ngày, hình thức và địa điểm)',
    en: 'This activity is already recorded (same team, date, kind and place)',
  },
  'community.team_inactive': {
    vi: 'Tổ đã giải thể, không ghi thêm hoạt động được',
    en: 'The team has been dissolved; no more activities can be logged',
  },
  'community.unknown_file': {
    vi: 'Tệp không tồn tại hoặc bạn không được dùng tệp này',
    en: 'The file does not exist or you may not use it',
  },
  'community.village_code_taken': {
    vi: 'Mã thôn đã được dùng trong cơ cấu đơn vị này',
    en: 'The village code is already used in this structure',
  },
  'community.merge_other_commune': {
    vi: 'Chỉ sáp nhập được các thôn của cùng một xã',
    en: 'Only villages of the same commune can be merged',
  },
  'community.import_too_large': {
    vi: 'Tệp quá lớn hoặc có quá nhiều dòng để nhập',
    en: 'The file is too large or has too many rows to import',
  },
  'community.import_unreadable': {
    vi: 'Không đọc được tệp (cần tệp .xlsx hoặc .csv theo mẫu)',
    en: 'The file cannot be read (an .xlsx or .csv file in the template is needed)',
  },
  'community.import_has_errors': {
    vi: 'Tệp còn dòng lỗi; sửa các dòng được nêu rồi nhập lại (chưa có gì được ghi)',
    en: 'The file has rows with errors; correct them and import again (nothing was written)',
  },
});
