import { registerMessages } from '../../../core/i18n/errors.js';

// Detail and field messages of the accounts module (Vietnamese first).
registerMessages({
  'auth.invalid_credentials': {
    vi: 'Email hoặc mật khẩu không đúng',
    en: 'Wrong email or password',
  },
  'auth.slow_down': {
    vi: 'Đăng nhập sai nhiều lần từ địa chỉ này; vui lòng chờ rồi thử lại',
    en: 'Too many failed sign-ins from this address; wait and try again',
  },
  'auth.wrong_password': { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  'auth.reset_token_invalid': {
    vi: 'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn',
    en: 'The password reset link is invalid or has expired',
  },
  'auth.session_only': {
    vi: 'Chỉ dùng được khi đăng nhập bằng phiên làm việc',
    en: 'Only available to a signed-in session',
  },
  'auth.origin_mismatch': { vi: 'Nguồn yêu cầu không hợp lệ', en: 'Request origin not allowed' },
  'auth.public_url_missing': {
    vi: 'Máy chủ chưa cấu hình PUBLIC_URL nên không thể gửi liên kết qua email; hãy liên hệ quản trị hệ thống',
    en: 'The server has no PUBLIC_URL configured, so it cannot mail links; contact the administrator',
  },
  'users.email_taken': { vi: 'Email đã được sử dụng', en: 'This email is already in use' },
  'users.grants_required': {
    vi: 'Người dùng phải có ít nhất một vai trò',
    en: 'A user needs at least one role',
  },
  'users.cannot_deactivate_self': {
    vi: 'Không thể tự khoá tài khoản của mình',
    en: 'You cannot deactivate your own account',
  },
  'tokens.expiry_past': { vi: 'Thời hạn phải ở tương lai', en: 'The expiry must be in the future' },
});
