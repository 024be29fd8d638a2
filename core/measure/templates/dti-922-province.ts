import type { Framework } from '../../contracts/measure-framework.js';
import { group, THREE_BANDS } from './builders.js';
import {
  DTI922_DIGITAL_ECONOMY,
  DTI922_DIGITAL_GOVERNMENT,
  DTI922_DIGITAL_SOCIETY,
} from './dti-922-activities.js';
import {
  DTI922_AWARENESS,
  DTI922_CYBER_SECURITY,
  DTI922_HUMAN_RESOURCES,
  DTI922_INFRASTRUCTURE,
  DTI922_INSTITUTIONS,
  DTI922_SMART_CITY,
} from './dti-922-foundation.js';

// Provincial DTI, 922/QĐ-BTTTT (20 May 2022): 9 main indices, 98 components, 1,000 points.
export const DTI_922_PROVINCE: Framework = {
  code: 'DTI922_TINH',
  name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (922/QĐ-BTTTT)',
  nameEn: 'Provincial Digital Transformation Index (922/QĐ-BTTTT)',
  version: '2022',
  legalBasis: 'Quyết định 922/QĐ-BTTTT ngày 20/5/2022 của Bộ Thông tin và Truyền thông',
  description:
    'Cấu trúc 9 chỉ số chính, 98 chỉ số thành phần, 1.000 điểm theo Quyết định 922/QĐ-BTTTT; ' +
    'nội dung từng chỉ số thành phần là ví dụ (ví dụ, có thể chỉnh sửa) vì chưa có phụ lục gốc.',
  maxPoints: 1000,
  groups: [
    group('NEN_TANG', 'Nền tảng chung', 'Common foundation', [
      DTI922_AWARENESS,
      DTI922_INSTITUTIONS,
      DTI922_INFRASTRUCTURE,
      DTI922_HUMAN_RESOURCES,
      DTI922_CYBER_SECURITY,
      DTI922_SMART_CITY,
    ]),
    group('HOAT_DONG', 'Hoạt động chuyển đổi số', 'Digital transformation activities', [
      DTI922_DIGITAL_GOVERNMENT,
      DTI922_DIGITAL_ECONOMY,
      DTI922_DIGITAL_SOCIETY,
    ]),
  ],
  bands: THREE_BANDS,
};
