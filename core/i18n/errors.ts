import type { Locale } from './locale.js';

// Problem titles and field-error messages, in Vietnamese first. Server and web both read these.
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
  'LOCKED',
  'CSRF',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'BAD_REQUEST',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

const TITLES: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' },
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  UNAUTHENTICATED: { vi: 'Chưa đăng nhập', en: 'Not signed in' },
  FORBIDDEN: { vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  CSRF: { vi: 'Thiếu hoặc sai mã chống giả mạo (CSRF)', en: 'Missing or wrong CSRF token' },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { vi: 'Dữ liệu bị trùng hoặc xung đột', en: 'Conflict' },
  INVALID_STATE: { vi: 'Không thể thực hiện ở trạng thái hiện tại', en: 'Not possible in the current state' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported media type' },
  LOCKED: { vi: 'Tài khoản tạm khoá', en: 'Account temporarily locked' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  INTERNAL: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  UNAVAILABLE: { vi: 'Chức năng tạm thời không sẵn sàng', en: 'Temporarily unavailable' },
};

export function errorTitle(code: ErrorCode, locale: Locale): string {
  return TITLES[code][locale];
}

// Field-level messages keyed by a stable code; {name} placeholders are filled from params.
const FIELD_MESSAGES: Record<string, Record<Locale, string>> = {
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  invalid_type: { vi: 'Sai kiểu dữ liệu (cần {expected})', en: 'Wrong type (expected {expected})' },
  too_small: { vi: 'Giá trị quá nhỏ (tối thiểu {minimum})', en: 'Too small (minimum {minimum})' },
  too_big: { vi: 'Giá trị quá lớn (tối đa {maximum})', en: 'Too big (maximum {maximum})' },
  not_greater: { vi: 'Phải lớn hơn {minimum}', en: 'Must be greater than {minimum}' },
  not_less: { vi: 'Phải nhỏ hơn {maximum}', en: 'Must be less than {maximum}' },
  too_few: { vi: 'Cần ít nhất {minimum} mục', en: 'At least {minimum} items' },
  too_many: { vi: 'Tối đa {maximum} mục', en: 'At most {maximum} items' },
  too_short: { vi: 'Quá ngắn (tối thiểu {minimum} ký tự)', en: 'Too short (at least {minimum} characters)' },
  too_long: { vi: 'Quá dài (tối đa {maximum} ký tự)', en: 'Too long (at most {maximum} characters)' },
  invalid_format: { vi: 'Sai định dạng ({format})', en: 'Invalid format ({format})' },
  invalid_value: { vi: 'Giá trị không được chấp nhận', en: 'Value not allowed' },
  unrecognized_keys: { vi: 'Trường không được phép: {keys}', en: 'Unknown fields: {keys}' },
  invalid_date: { vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
  'text.control_character': {
    vi: 'Văn bản chứa ký tự điều khiển {codePoint}, không được phép (chỉ chấp nhận tab và xuống dòng)',
    en: 'The text holds the control character {codePoint}, which is not allowed (only tab and line breaks are)',
  },
  'request.invalid_json': {
    vi: 'Nội dung gửi lên không phải JSON hợp lệ',
    en: 'The request body is not valid JSON',
  },
  'request.empty_json': {
    vi: 'Yêu cầu khai báo JSON nhưng không có nội dung',
    en: 'The request declares JSON but has no body',
  },
};

export function fieldMessage(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = FIELD_MESSAGES[code]?.[locale] ?? FIELD_MESSAGES.invalid[locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Modules register their own field and detail messages at import time. */
export function registerMessages(messages: Record<string, Record<Locale, string>>): void {
  Object.assign(FIELD_MESSAGES, messages);
}
