import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the KPI module, Vietnamese first.
registerMessages({
  kpi_unknown: { vi: 'Không có chỉ tiêu mã {code}', en: 'No KPI with code {code}' },
  kpi_unit_unknown: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  kpi_unit_forbidden: {
    vi: 'Không có quyền nhập số liệu cho đơn vị này',
    en: 'Not allowed to enter values for this unit',
  },
  kpi_bad_period: {
    vi: 'Kỳ "{period}" không hợp lệ (dạng 2025-07, 2025-Q3 hoặc 2025)',
    en: 'Invalid period "{period}" (use 2025-07, 2025-Q3 or 2025)',
  },
  kpi_period_mismatch: {
    vi: 'Sai loại kỳ: chỉ tiêu này nhập theo {expected} (monthly = tháng, vd 2025-07; quarterly = quý, vd 2025-Q3; yearly = năm, vd 2025)',
    en: 'Wrong kind of period: this KPI is reported {expected} (e.g. 2025-07 monthly, 2025-Q3 quarterly, 2025 yearly)',
  },
  kpi_not_applicable: {
    vi: 'Chỉ tiêu không áp dụng cho loại đơn vị này',
    en: 'KPI does not apply to this kind of unit',
  },
  kpi_not_a_number: { vi: 'Không phải là số', en: 'Not a number' },
  kpi_negative: { vi: 'Không được âm', en: 'Must not be negative' },
  kpi_too_big: { vi: 'Số quá lớn', en: 'Number too big' },
  kpi_ratio_takes_parts: {
    vi: 'Chỉ tiêu tỷ lệ nhập tử số và mẫu số, không nhập giá trị',
    en: 'A ratio KPI takes numerator and denominator, not a value',
  },
  kpi_zero_denominator: { vi: 'Mẫu số phải lớn hơn 0', en: 'Denominator must be greater than 0' },
  kpi_numerator_gt_denominator: { vi: 'Tử số lớn hơn mẫu số', en: 'Numerator is greater than denominator' },
  kpi_parts_only_for_ratio: {
    vi: 'Chỉ chỉ tiêu tỷ lệ mới có tử số/mẫu số',
    en: 'Only ratio KPIs take numerator/denominator',
  },
  kpi_percent_over_100: { vi: 'Tỷ lệ phần trăm không quá 100', en: 'A percentage cannot exceed 100' },
  kpi_count_not_integer: { vi: 'Số đếm phải là số nguyên', en: 'A count must be a whole number' },
  kpi_duplicate_row: {
    vi: 'Trùng chỉ tiêu, đơn vị và kỳ với dòng {first}',
    en: 'Same KPI, unit and period as row {first}',
  },
  kpi_code_taken: { vi: 'Mã chỉ tiêu đã tồn tại', en: 'KPI code already exists' },
  kpi_dhis2_taken: { vi: 'Mã phần tử dữ liệu DHIS2 đã được dùng', en: 'DHIS2 data element already mapped' },
  kpi_file_required: { vi: 'Chưa chọn tệp', en: 'No file uploaded' },
  kpi_not_xlsx: { vi: 'Tệp không phải là Excel (.xlsx)', en: 'The file is not an Excel workbook (.xlsx)' },
  kpi_xlsx_unreadable: { vi: 'Không đọc được tệp Excel', en: 'The workbook could not be read' },
  kpi_xlsx_no_sheet: { vi: 'Tệp không có trang tính nào', en: 'The workbook has no sheet' },
  kpi_xlsx_empty: { vi: 'Tệp không có dòng số liệu nào', en: 'The sheet has no data rows' },
  kpi_xlsx_missing_columns: { vi: 'Thiếu cột: {columns}', en: 'Missing columns: {columns}' },
  kpi_xlsx_extra_columns: { vi: 'Cột không được phép: {columns}', en: 'Unexpected columns: {columns}' },
  kpi_xlsx_too_many_rows: { vi: 'Tệp có quá {max} dòng', en: 'The sheet has more than {max} rows' },
  kpi_import_has_errors: {
    vi: 'Tệp còn lỗi, chưa thể ghi',
    en: 'The import has errors and cannot be committed',
  },
  kpi_import_not_ready: {
    vi: 'Tệp đang được xử lý hoặc đã ghi',
    en: 'The import is still being read or was already committed',
  },
  kpi_target_year: { vi: 'Năm mục tiêu không hợp lệ', en: 'Invalid target year' },
});

registerMessages({
  kpi_dhis2_delete_unsupported: {
    vi: 'Thiếu giá trị (không hỗ trợ xoá qua dataValueSets)',
    en: 'Missing value (deleting through dataValueSets is not supported)',
  },
  kpi_dhis2_ratio_needs_parts: {
    vi: 'Chỉ tiêu tỷ lệ cần categoryOptionCombo "numerator" hoặc "denominator"',
    en: 'A ratio KPI needs categoryOptionCombo "numerator" or "denominator"',
  },
  kpi_dhis2_unpaired: {
    vi: 'Thiếu tử số hoặc mẫu số đi kèm',
    en: 'Numerator or denominator missing its pair',
  },
});
