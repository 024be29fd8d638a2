import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the units module (Vietnamese first).
registerMessages({
  'units.not_found': { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  'units.structure_not_found': { vi: 'Không tìm thấy cơ cấu đơn vị', en: 'Structure not found' },
  'units.duplicate_code': {
    vi: 'Mã đơn vị đã tồn tại trong cơ cấu này',
    en: 'This code already exists in the structure',
  },
  'units.other_structure': {
    vi: 'Đơn vị cha thuộc cơ cấu khác',
    en: 'The parent belongs to another structure',
  },
  'units.cycle': {
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới',
    en: 'A unit cannot move under itself or its descendants',
  },
  'lineage.exists': { vi: 'Quan hệ kế thừa này đã có', en: 'This lineage link already exists' },
  'lineage.cycle': {
    vi: 'Quan hệ kế thừa tạo thành vòng lặp',
    en: 'This lineage link would create a cycle',
  },
  'lineage.not_found': { vi: 'Không tìm thấy quan hệ kế thừa', en: 'Lineage link not found' },
  'headcounts.duplicate': {
    vi: 'Trùng chỉ tiêu và ngày',
    en: 'Duplicate metric and date',
  },
});
