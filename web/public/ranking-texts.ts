import type { Locale } from '../../core/i18n/locale.js';
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
  commune_level: 'Cấp xã',
  department: 'Sở, ban, ngành',
  province: 'Tỉnh',
  district: 'Huyện',
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
  government: 'Chính quyền số',
  economy: 'Kinh tế số',
  society: 'Xã hội số',
  rankOf: 'Hạng {rank} / {count}',
  peerRankOf: 'Hạng {rank} trong nhóm {group}',
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
  commune_level: 'Commune level',
  department: 'Departments',
  province: 'Province',
  district: 'Districts',
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
  government: 'Digital government',
  economy: 'Digital economy',
  society: 'Digital society',
  rankOf: 'Rank {rank} of {count}',
  peerRankOf: 'Rank {rank} among {group}',
};

export function rankingText(locale: Locale, key: RankingKey, params: MessageParams = {}): string {
  return fillPlaceholders((locale === 'en' ? en : vi)[key], params);
}

/** A peer-group code in words when we know it, else the code itself. */
export function groupLabel(locale: Locale, group: string): string {
  return group in vi ? rankingText(locale, group as RankingKey) : group;
}
