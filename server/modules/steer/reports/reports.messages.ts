import { registerMessages } from '../../../../core/i18n/errors.js';

// Field and detail messages of Steer's reports and dashboard, Vietnamese first.

registerMessages({
  'steer.report.bad_period': {
    vi: 'Kỳ báo cáo "{period}" không hợp lệ (ví dụ: 2026-05 cho tháng, 2026-Q2 cho quý, 2026-H1 cho 6 tháng, 2026 cho năm)',
    en: 'The report period "{period}" is not valid (e.g. 2026-05 for a month, 2026-Q2 for a quarter, 2026-H1 for a half-year, 2026 for a year)',
  },
  'steer.report.future_period': {
    vi: 'Kỳ báo cáo {period} chưa bắt đầu',
    en: 'The report period {period} has not started yet',
  },
});
