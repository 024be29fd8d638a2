import { registerMessages } from '../../../../core/i18n/errors.js';

// Field messages of history across the reorganisation (Vietnamese first).
registerMessages({
  'measure.lineage_sum_not_count': {
    vi: 'Không cộng dồn được giá trị thang 0–1 (chỉ cộng dồn được chỉ tiêu dạng số lượng); hãy chọn bình quân hoặc gộp điểm',
    en: 'Values on a 0–1 scale cannot be summed (only counts can); choose a mean or pooled points',
  },
  'measure.sources_other_family': {
    vi: 'Các kỳ nguồn phải cùng một bộ chỉ số',
    en: 'The source periods must use the same framework',
  },
  'measure.sources_overlap': {
    vi: 'Các kỳ nguồn có chung đơn vị; hãy chọn các kỳ của những địa bàn khác nhau',
    en: 'The source periods share units; choose periods of different areas',
  },
});
