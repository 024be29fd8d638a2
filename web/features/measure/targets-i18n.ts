import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// UI texts for plan targets (period page) and the distance to them (unit profile), Vietnamese first. A
// dictionary of its own, like consistency-i18n.ts, so the shared measure dictionary stays untouched.
const vi = {
  'tg.title': 'Mục tiêu',
  'tg.note':
    'Mục tiêu kế hoạch trên thang giá trị 0–1 (ví dụ: đến năm 2026 mọi xã đạt 0,65), cho chỉ số tổng và từng chỉ số chính. Trang hồ sơ đơn vị hiển thị khoảng cách tới mục tiêu.',
  'tg.none': 'Kỳ này chưa đặt mục tiêu.',
  'tg.total': 'Chỉ số tổng',
  'tg.node': 'Chỉ số',
  'tg.target': 'Mục tiêu',
  'tg.edit': 'Sửa mục tiêu',
  'tg.editTitle': 'Mục tiêu của kỳ đánh giá',
  'tg.valueHint': 'Nhập giá trị từ 0 đến 1 (ví dụ 0,65); để trống nếu không đặt mục tiêu.',
  'tg.totalLabel': 'Mục tiêu chỉ số tổng (giá trị 0–1)',
  'tg.mainLabel': '{code}. {name} (giá trị 0–1)',
  'tg.save': 'Lưu mục tiêu',
  'tg.cancel': 'Huỷ',
  'tg.saved': 'Đã lưu mục tiêu',
  'tg.gapTitle': 'Khoảng cách tới mục tiêu',
  'tg.value': 'Giá trị',
  'tg.gap': 'Còn thiếu',
  'tg.met': 'Đạt',
  'tg.notMet': 'Chưa đạt',
  'tg.notEvaluable': 'Chưa đánh giá được',
  'tg.barLabel': '{name}: giá trị {value}, mục tiêu {target}',
} as const;

export type TargetsKey = keyof typeof vi;

const en: { readonly [K in TargetsKey]: string } = {
  'tg.title': 'Targets',
  'tg.note':
    'Plan targets on the 0–1 value scale (e.g. every commune reaches 0.65 by 2026), for the total index and each main index. The unit profile shows the distance to them.',
  'tg.none': 'No targets set for this period.',
  'tg.total': 'Total index',
  'tg.node': 'Index',
  'tg.target': 'Target',
  'tg.edit': 'Edit targets',
  'tg.editTitle': 'Targets of the assessment period',
  'tg.valueHint': 'Enter a value from 0 to 1 (e.g. 0.65); leave empty for no target.',
  'tg.totalLabel': 'Total index target (value 0–1)',
  'tg.mainLabel': '{code}. {name} (value 0–1)',
  'tg.save': 'Save targets',
  'tg.cancel': 'Cancel',
  'tg.saved': 'Targets saved',
  'tg.gapTitle': 'Distance to targets',
  'tg.value': 'Value',
  'tg.gap': 'Gap',
  'tg.met': 'Met',
  'tg.notMet': 'Not met',
  'tg.notEvaluable': 'Not evaluable',
  'tg.barLabel': '{name}: value {value}, target {target}',
};

export type TargetsT = (key: TargetsKey, params?: MessageParams) => string;

export function useTT(): TargetsT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}
