// Strings of the staff sign-in page, kept apart from the staff dictionary: the light sign-in entry
// (web/login) loads only these, and the staff dictionaries spread them in for the Mantine pages.
export const signInVi = {
  'auth.title': 'Đăng nhập cán bộ',
  'auth.subtitle': 'Dành cho cán bộ, công chức tham gia chương trình chuyển đổi số',
  'auth.email': 'Email',
  'auth.password': 'Mật khẩu',
  'auth.submit': 'Đăng nhập',
  'auth.forgot': 'Quên mật khẩu?',
  'auth.show': 'Hiện',
  'auth.hide': 'Ẩn',
  'auth.signingIn': 'Đang đăng nhập…',
  'auth.offline': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'auth.switch': 'English',
  'auth.switchLabel': 'Chuyển sang tiếng Anh',
  'auth.home': 'Trang công khai',
} as const;

export const signInEn: Record<keyof typeof signInVi, string> = {
  'auth.title': 'Staff sign-in',
  'auth.subtitle': 'For officials taking part in the digital transformation programme',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.forgot': 'Forgot your password?',
  'auth.show': 'Show',
  'auth.hide': 'Hide',
  'auth.signingIn': 'Signing in…',
  'auth.offline': 'The server cannot be reached. Check the network and try again.',
  'auth.switch': 'Tiếng Việt',
  'auth.switchLabel': 'Switch to Vietnamese',
  'auth.home': 'Public site',
};
