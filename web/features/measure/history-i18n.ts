import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// Texts of history across the reorganisation (results carried onto today's units, a unit's history).
// Vietnamese first; a dictionary of its own so the shared measure dictionary stays untouched.
const vi = {
  'hx.rule.label': 'Cách quy đổi',
  'hx.rule.mean': 'Trung bình cộng',
  'hx.rule.weighted': 'Bình quân theo dân số',
  'hx.rule.pooled': 'Gộp điểm',
  'hx.rule.note':
    'Giá trị là tỷ lệ điểm đạt trên điểm tối đa (0–1) nên không cộng dồn; "Gộp điểm" tính tổng điểm trên tổng điểm tối đa của các đơn vị tiền thân.',
  'hx.missing.label': 'Đơn vị tiền thân thiếu số dân',
  'hx.missing.flag': 'Tính trên phần có số dân, đánh dấu',
  'hx.missing.mean': 'Dùng trung bình cộng',
  'hx.missing.exclude': 'Không xếp hạng đơn vị',
  'hx.sources.label': 'Cộng thêm kỳ của địa bàn khác (cùng bộ chỉ số)',
  'hx.sources.placeholder': 'Chọn kỳ đã công bố',
  'hx.sources.none': 'Không có kỳ nào khác cùng bộ chỉ số đã công bố',
  'hx.sources.summary': 'Xếp hạng chung {n} đơn vị hiện nay từ: {periods}',
  'hx.coverage': 'Dữ liệu',
  'hx.coverage.all': 'Đủ {total}/{total} đơn vị tiền thân',
  'hx.coverage.part': '{used}/{total} đơn vị tiền thân có số dân',
  'hx.treatment.flagged': 'Thiếu số dân: chỉ tính phần có số dân',
  'hx.treatment.fallback_mean': 'Thiếu số dân: dùng trung bình cộng',
  'hx.treatment.excluded': 'Thiếu số dân: không xếp hạng',
  'hx.shareAssumed': 'tỷ lệ {share} là giả định (chưa có tỷ lệ chia tách)',
  'hx.share': 'tỷ lệ {share}',
  'hx.family': 'Bộ chỉ số',
  'hx.axis': 'Giá trị (0–1)',
  'hx.gap.not_published': 'Chưa công bố',
  'hx.gap.not_approved': 'Hồ sơ chưa được duyệt',
  'hx.gap.no_submission': 'Đơn vị chưa nhập',
  'hx.gap.no_predecessor_data': 'Đơn vị tiền thân không có kết quả',
  'hx.gap.no_weight': 'Đơn vị tiền thân chưa có số dân',
  'hx.status.draft': 'đang nhập',
  'hx.status.submitted': 'chờ thẩm định',
  'hx.status.returned': 'bị trả lại',
  'hx.status.approved': 'đã duyệt',
} as const;

export type HistoryKey = keyof typeof vi;

const en: { readonly [K in HistoryKey]: string } = {
  'hx.rule.label': 'Carrying rule',
  'hx.rule.mean': 'Simple mean',
  'hx.rule.weighted': 'Population-weighted',
  'hx.rule.pooled': 'Pooled points',
  'hx.rule.note':
    'Values are points earned over the maximum (0–1), so they are not summed; "Pooled points" divides the predecessors’ total points by their total maximum.',
  'hx.missing.label': 'Predecessors without a population',
  'hx.missing.flag': 'Use those with one, flagged',
  'hx.missing.mean': 'Use the simple mean',
  'hx.missing.exclude': 'Leave the unit unranked',
  'hx.sources.label': 'Add periods of other areas (same framework)',
  'hx.sources.placeholder': 'Choose published periods',
  'hx.sources.none': 'No other published period uses this framework',
  'hx.sources.summary': 'One ranking of {n} of today’s units from: {periods}',
  'hx.coverage': 'Data',
  'hx.coverage.all': 'All {total}/{total} predecessors',
  'hx.coverage.part': '{used}/{total} predecessors have a population',
  'hx.treatment.flagged': 'Population missing: weighted over those with one',
  'hx.treatment.fallback_mean': 'Population missing: simple mean used',
  'hx.treatment.excluded': 'Population missing: not ranked',
  'hx.shareAssumed': 'share {share} assumed (no split share recorded)',
  'hx.share': 'share {share}',
  'hx.family': 'Framework',
  'hx.axis': 'Value (0–1)',
  'hx.gap.not_published': 'Not published yet',
  'hx.gap.not_approved': 'Entry not approved',
  'hx.gap.no_submission': 'Nothing entered',
  'hx.gap.no_predecessor_data': 'No results of the predecessor units',
  'hx.gap.no_weight': 'Predecessors have no population figure',
  'hx.status.draft': 'being entered',
  'hx.status.submitted': 'awaiting appraisal',
  'hx.status.returned': 'returned',
  'hx.status.approved': 'approved',
};

export type HistoryT = (key: HistoryKey, params?: MessageParams) => string;

export function useHT(): HistoryT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}
