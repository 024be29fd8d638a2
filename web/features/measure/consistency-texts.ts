import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// UI texts for consistency rules (framework editor, entry form), Vietnamese first. A dictionary of its own,
// like measure-i18n.ts, so the shared dictionaries other people edit stay untouched.
const vi = {
  'c.title': 'Quy tắc kiểm tra',
  'c.note':
    'So sánh giữa các chỉ số thành phần, kiểm tra ngay khi đơn vị nhập số liệu và khi nộp. Ví dụ: C2 <= C1 (số hồ sơ trực tuyến không vượt quá tổng số hồ sơ).',
  'c.none': 'Chưa có quy tắc kiểm tra nào.',
  'c.code': 'Mã quy tắc',
  'c.expression': 'Biểu thức so sánh',
  'c.expressionHint':
    'Mã chỉ số thành phần, số, + - * /, min(…), max(…) và đúng một phép so sánh: <, <=, >, >=, ==',
  'c.message': 'Thông báo khi vi phạm',
  'c.messageEn': 'Thông báo tiếng Anh',
  'c.actions': 'Thao tác',
  'c.add': 'Thêm quy tắc',
  'c.addTitle': 'Thêm quy tắc kiểm tra',
  'c.editTitle': 'Sửa quy tắc kiểm tra {code}',
  'c.edit': 'Sửa',
  'c.remove': 'Xoá',
  'c.removeTitle': 'Xoá quy tắc kiểm tra',
  'c.removeConfirm': 'Xoá quy tắc {code} ({expression}) khỏi bộ chỉ số?',
  'c.saved': 'Đã lưu quy tắc kiểm tra',
  'c.removed': 'Đã xoá quy tắc kiểm tra',
  'c.broken': 'Số liệu chưa khớp quy tắc kiểm tra',
  'c.brokenNote': 'Cần sửa trước khi nộp: hệ thống không nhận bản nộp còn vi phạm.',
  'c.involves': 'Liên quan: {codes}',
  'c.xlsxRow': 'Trang quy tắc kiểm tra, dòng {row}',
} as const;

export type ConsistencyKey = keyof typeof vi;

const en: { readonly [K in ConsistencyKey]: string } = {
  'c.title': 'Consistency rules',
  'c.note':
    'Comparisons between components, checked as units enter their data and when they submit. Example: C2 <= C1 (online dossiers cannot exceed all dossiers).',
  'c.none': 'No consistency rules yet.',
  'c.code': 'Rule code',
  'c.expression': 'Comparison',
  'c.expressionHint':
    'Component codes, numbers, + - * /, min(…), max(…) and exactly one comparison: <, <=, >, >=, ==',
  'c.message': 'Message when broken',
  'c.messageEn': 'Message in English',
  'c.actions': 'Actions',
  'c.add': 'Add rule',
  'c.addTitle': 'Add consistency rule',
  'c.editTitle': 'Edit consistency rule {code}',
  'c.edit': 'Edit',
  'c.remove': 'Remove',
  'c.removeTitle': 'Remove consistency rule',
  'c.removeConfirm': 'Remove rule {code} ({expression}) from the framework?',
  'c.saved': 'Consistency rule saved',
  'c.removed': 'Consistency rule removed',
  'c.broken': 'The data breaks consistency rules',
  'c.brokenNote': 'Fix this before submitting: a submission that breaks a rule is refused.',
  'c.involves': 'Involves: {codes}',
  'c.xlsxRow': 'Consistency rules sheet, row {row}',
};

/** The texts in one language, for the light pages that load no React (web/measure-entry) and for tests. */
export function consistencyText(locale: string, key: ConsistencyKey, params?: MessageParams): string {
  return fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale);
}

/** A rule's own message in the reader's language (the English one is optional). */
export function ruleMessage(rule: { message: string; messageEn?: string }, locale: string): string {
  return locale === 'en' && rule.messageEn ? rule.messageEn : rule.message;
}
