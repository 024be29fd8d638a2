import { registerMessages } from '../../../../core/i18n/errors.js';

// Messages for framework workbook imports (Vietnamese first).
registerMessages({
  'measure.xlsx_not_xlsx': {
    vi: 'Tệp không phải là bảng tính .xlsx',
    en: 'The file is not an .xlsx workbook',
  },
  'measure.xlsx_unreadable': { vi: 'Không đọc được tệp .xlsx', en: 'The .xlsx file cannot be read' },
  'measure.xlsx_file_required': { vi: 'Chưa chọn tệp', en: 'No file was uploaded' },
  'measure.xlsx_missing_sheet': { vi: 'Thiếu trang tính "{sheet}"', en: 'Sheet "{sheet}" is missing' },
  'measure.xlsx_columns': {
    vi: 'Trang "{sheet}": thiếu cột [{missing}], thừa cột [{extra}]',
    en: 'Sheet "{sheet}": missing columns [{missing}], extra columns [{extra}]',
  },
  'measure.xlsx_required': {
    vi: 'Dòng {row}: cột "{column}" không được để trống',
    en: 'Row {row}: "{column}" is required',
  },
  'measure.xlsx_not_a_number': {
    vi: 'Dòng {row}: cột "{column}" phải là số',
    en: 'Row {row}: "{column}" must be a number',
  },
  'measure.xlsx_bad_json': {
    vi: 'Dòng {row}: cột "{column}" không phải JSON hợp lệ',
    en: 'Row {row}: "{column}" is not valid JSON',
  },
  'measure.xlsx_bad_level': {
    vi: 'Dòng {row}: cấp phải là một trong: {allowed}',
    en: 'Row {row}: level must be one of: {allowed}',
  },
  'measure.xlsx_duplicate_code': {
    vi: 'Dòng {row}: mã {code} bị trùng',
    en: 'Row {row}: code {code} is duplicated',
  },
  'measure.xlsx_bad_parent': {
    vi: 'Dòng {row}: mã cấp trên phải là một {parentLevel} ở dòng phía trên',
    en: 'Row {row}: the parent code must name a {parentLevel} on an earlier row',
  },
  'measure.xlsx_rule_required': {
    vi: 'Trang "{sheet}", dòng {row}: cột "{column}" không được để trống',
    en: 'Sheet "{sheet}", row {row}: "{column}" is required',
  },
  'measure.xlsx_rule_duplicate_code': {
    vi: 'Trang "{sheet}", dòng {row}: mã quy tắc {code} bị trùng',
    en: 'Sheet "{sheet}", row {row}: rule code {code} is duplicated',
  },
  'measure.xlsx_rule_unknown_code': {
    vi: 'Trang "{sheet}", dòng {row}: biểu thức dùng mã {code}, không phải chỉ số thành phần nào trong trang "Chỉ số"',
    en: 'Sheet "{sheet}", row {row}: the expression uses {code}, which is not a component on sheet "Chỉ số"',
  },
  'measure.xlsx_rule_syntax': {
    vi: 'Trang "{sheet}", dòng {row}: biểu thức sai ở ký tự thứ {position} ({reason}); cần đúng một phép so sánh <, <=, >, >=, ==, ví dụ "C2 <= C1"',
    en: 'Sheet "{sheet}", row {row}: the expression is wrong at character {position} ({reason}); it needs exactly one comparison <, <=, >, >=, ==, e.g. "C2 <= C1"',
  },
});
