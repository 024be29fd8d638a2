import { registerMessages } from '../../../core/i18n/errors.js';

// Detail messages of citizen single sign-on, Vietnamese first.
registerMessages({
  'sso.not_configured': {
    vi: 'Đăng nhập một lần (SSO) chưa được cấu hình trên hệ thống này',
    en: 'Single sign-on is not configured on this system',
  },
  'sso.state_invalid': {
    vi: 'Phiên đăng nhập không hợp lệ, đã dùng hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'The sign-in is invalid, already used or expired. Please sign in again.',
  },
  'sso.provider_error': {
    vi: 'Nhà cung cấp định danh từ chối hoặc không trả lời yêu cầu đăng nhập',
    en: 'The identity provider refused or did not answer the sign-in',
  },
  'sso.token_signature': {
    vi: 'Mã định danh (ID token) có chữ ký không hợp lệ',
    en: 'The ID token’s signature is invalid',
  },
  'sso.token_issuer': {
    vi: 'Mã định danh do một nhà cung cấp khác phát hành',
    en: 'The ID token was issued by another provider',
  },
  'sso.token_audience': {
    vi: 'Mã định danh không dành cho hệ thống này',
    en: 'The ID token is not meant for this system',
  },
  'sso.token_expired': { vi: 'Mã định danh đã hết hạn', en: 'The ID token has expired' },
  'sso.token_nonce': {
    vi: 'Mã định danh không thuộc lượt đăng nhập này',
    en: 'The ID token does not belong to this sign-in',
  },
  'sso.token_malformed': { vi: 'Mã định danh không đúng định dạng', en: 'The ID token is malformed' },
  'sso.signed_out': { vi: 'Bạn chưa đăng nhập', en: 'You are not signed in' },
});
