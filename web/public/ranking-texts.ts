import type { Locale } from '../../core/i18n/locale.js';
import { pillarLabel, unitKindLabel } from '../../core/measure/labels.js';
import { fillPlaceholders, type MessageParams } from '../i18n/interpolate.js';

// Texts of the public ranking page (Vietnamese first); `en` must carry the same keys.
const vi = {
  title: 'Xếp hạng chuyển đổi số',
  loading: 'Đang tải…',
  notFound: 'Chưa có kết quả công bố cho kỳ này.',
  error: 'Không tải được kết quả. Vui lòng thử lại.',
  rank: 'Hạng',
  unit: 'Đơn vị',
  value: 'Chỉ số (0–1)',
  points: 'Điểm',
  band: 'Mức độ',
  change: 'Thay đổi',
  all: 'Tất cả',
  group: 'Nhóm đơn vị',
  published: 'Công bố lúc {at}',
  up: 'tăng {n} bậc',
  down: 'giảm {n} bậc',
  same: 'không đổi',
  new: 'mới',
  back: '← Bảng xếp hạng',
  more: 'Xem thêm ({shown}/{total})',
  profile: 'Hồ sơ chỉ số',
  mainIndices: 'Chỉ số chính',
  pillars: 'Trụ cột',
  rankOf: 'Hạng {rank} / {count}',
  peerRankOf: 'Hạng {rank} trong nhóm {group}',
  period: 'Kỳ đánh giá',
  search: 'Tìm đơn vị',
  searchHint: 'Gõ tên xã, phường, sở…',
  searchGo: 'Tìm',
  searchClear: 'Xoá tìm kiếm',
  noMatch: 'Không tìm thấy đơn vị nào có tên “{q}” trong bảng xếp hạng.',
  noMatchUnpublished: '{name} tham gia kỳ này nhưng chưa có kết quả công bố.',
  noMatchExcluded: '{name} không được xếp hạng kỳ này: {reason}',
  matches: '{n} đơn vị khớp “{q}”',
  unpublishedTitle: 'Chưa công bố ({n})',
  unpublishedText: 'Các đơn vị tham gia kỳ đánh giá nhưng chưa được duyệt khi công bố kết quả.',
  excludedTitle: 'Không xếp hạng ({n})',
  unitMissing: 'Đơn vị này không có trong kết quả đã công bố của kỳ.',
} as const;

export type RankingKey = keyof typeof vi;

const en: { readonly [K in RankingKey]: string } = {
  title: 'Digital transformation ranking',
  loading: 'Loading…',
  notFound: 'No published results for this period yet.',
  error: 'Could not load the results. Please try again.',
  rank: 'Rank',
  unit: 'Unit',
  value: 'Index (0–1)',
  points: 'Points',
  band: 'Band',
  change: 'Change',
  all: 'All',
  group: 'Unit group',
  published: 'Published {at}',
  up: 'up {n}',
  down: 'down {n}',
  same: 'no change',
  new: 'new',
  back: '← Ranking',
  more: 'Show more ({shown}/{total})',
  profile: 'Index profile',
  mainIndices: 'Main indices',
  pillars: 'Pillars',
  rankOf: 'Rank {rank} of {count}',
  peerRankOf: 'Rank {rank} among {group}',
  period: 'Assessment period',
  search: 'Find a unit',
  searchHint: 'Type a commune, ward or department…',
  searchGo: 'Find',
  searchClear: 'Clear the search',
  noMatch: 'No unit named “{q}” in the ranking.',
  noMatchUnpublished: '{name} takes part in this period but has no published result yet.',
  noMatchExcluded: '{name} is not ranked in this period: {reason}',
  matches: '{n} units match “{q}”',
  unpublishedTitle: 'Not published yet ({n})',
  unpublishedText: 'Units taking part in the period that were not approved when the results were published.',
  excludedTitle: 'Not ranked ({n})',
  unitMissing: "This unit is not in the period's published results.",
};

export function rankingText(locale: Locale, key: RankingKey, params: MessageParams = {}): string {
  return fillPlaceholders((locale === 'en' ? en : vi)[key], params, locale);
}

/** A peer-group code in words when we know it, else the code itself. */
export const groupLabel = (locale: Locale, group: string): string => unitKindLabel(group, locale);

/** A pillar's name (the one table in core/measure/labels.ts). */
export const pillarName = (locale: Locale, pillar: string): string => pillarLabel(pillar, locale);
