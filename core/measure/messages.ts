import type { Explanation } from '../contracts/measure-framework.js';
import { registerMessages } from '../i18n/errors.js';
import type { Locale } from '../i18n/locale.js';
import { vietnameseDateText } from '../time/vietnam-date.js';

// Human-readable texts (Vietnamese first) for the engine's explanation codes and framework issue codes.
// Explanations are rendered with describeExplanation; issue codes become field-error messages once
// registerMeasureEngineMessages() has run (the server calls it when registering the Measure module).

type Catalogue = Record<string, Record<Locale, string>>;

export const EXPLANATION_MESSAGES: Catalogue = {
  missing_value: { vi: 'Chưa nhập số liệu: 0 điểm', en: 'No value entered: 0 points' },
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
  marked_not_applicable: { vi: 'Đơn vị xác định không áp dụng', en: 'Marked not applicable by the unit' },
  not_applicable_to_unit: {
    vi: 'Chỉ số không áp dụng cho đơn vị này',
    en: 'This component does not apply to the unit',
  },
  informational: { vi: 'Chỉ số theo dõi, không tính điểm', en: 'Tracked only, not scored' },
  step_matched: {
    vi: 'Giá trị {value} đạt mức từ {min}: {points} điểm',
    en: 'Value {value} reaches {min}: {points} points',
  },
  below_all_steps: {
    vi: 'Giá trị {value} chưa đạt mức thấp nhất ({lowest}): 0 điểm',
    en: 'Value {value} is below the lowest step ({lowest}): 0 points',
  },
  ratio: {
    vi: 'Tỷ lệ đạt {ratio} (đạt {fullAt} được tối đa)',
    en: 'Ratio {ratio} (full points at {fullAt})',
  },
  ratio_capped: { vi: 'Tỷ lệ {ratio} vượt 100%, tính tối đa', en: 'Ratio {ratio} above 100%, capped' },
  ratio_exceeds_one: { vi: 'Tử số lớn hơn mẫu số', en: 'Numerator exceeds the denominator' },
  division_by_zero: {
    vi: 'Mẫu số bằng 0, không tính được điểm',
    en: 'Denominator is zero; cannot be scored',
  },
  zero_cases_full: {
    vi: 'Không có trường hợp nào: tính đủ điểm',
    en: 'No cases: full points',
  },
  zero_cases_zero: { vi: 'Không có trường hợp nào: 0 điểm', en: 'No cases: 0 points' },
  zero_cases_not_applicable: {
    vi: 'Không có trường hợp nào: không áp dụng, không tính vào tổng điểm',
    en: 'No cases: not applicable, left out of the total',
  },
  choice: { vi: 'Lựa chọn "{label}": {points} điểm', en: 'Choice "{label}": {points} points' },
  unknown_choice: {
    vi: 'Lựa chọn "{choice}" không có trong danh sách',
    en: 'Choice "{choice}" is not an option',
  },
  boolean_yes: { vi: 'Có: đạt điểm tối đa', en: 'Yes: full points' },
  boolean_no: { vi: 'Không: 0 điểm', en: 'No: 0 points' },
  document_cited: { vi: 'Đã trích dẫn văn bản {documentRef}', en: 'Document {documentRef} cited' },
  date_given: { vi: 'Đã có ngày {date}', en: 'Date {date} given' },
  minmax: {
    vi: 'Giá trị {value} trong thang [{lower}; {upper}]',
    en: 'Value {value} on the scale [{lower}, {upper}]',
  },
  target: { vi: 'Giá trị {value} so với mục tiêu {target}', en: 'Value {value} against the target {target}' },
  deadline_met: { vi: 'Ngày {date} đúng hạn ({due})', en: 'Date {date} on time (due {due})' },
  deadline_missed: {
    vi: 'Ngày {date} quá hạn ({due}): {points} điểm',
    en: 'Date {date} late (due {due}): {points} points',
  },
  degenerate_bounds: { vi: 'Cận trên và cận dưới trùng nhau', en: 'Lower and upper bounds are equal' },
  wrong_value_type: {
    vi: 'Sai loại giá trị (cần {expected})',
    en: 'Wrong kind of value (expected {expected})',
  },
  formula: { vi: 'Giá trị tính theo công thức: {value}', en: 'Computed value: {value}' },
  formula_input_missing: { vi: 'Thiếu số liệu của chỉ số {input}', en: 'No value for the input {input}' },
  formula_input_not_applicable: {
    vi: 'Chỉ số đầu vào {input} không áp dụng',
    en: 'Input {input} is not applicable',
  },
  formula_input_not_evaluable: {
    vi: 'Chỉ số đầu vào {input} không tính được',
    en: 'Input {input} cannot be evaluated',
  },
  formula_syntax: { vi: 'Công thức sai cú pháp ({reason})', en: 'Formula syntax error ({reason})' },
  formula_needs_context: {
    vi: 'Công thức cần số liệu của các chỉ số khác',
    en: 'Formula needs other values',
  },
};

export const FRAMEWORK_ISSUE_MESSAGES: Catalogue = {
  points_mismatch: {
    vi: 'Tổng điểm các mục con ({childrenSum}) khác điểm tối đa ({declared})',
    en: "Children's points ({childrenSum}) differ from the maximum ({declared})",
  },
  duplicate_code: { vi: 'Mã {code} bị trùng', en: 'Duplicate code {code}' },
  reserved_code: { vi: 'Mã {code} là từ dành riêng', en: 'Code {code} is reserved' },
  rule_value_type_mismatch: {
    vi: 'Quy tắc {rule} không dùng được với kiểu giá trị {valueType}',
    en: 'Rule {rule} does not fit the value type {valueType}',
  },
  unscored_component_has_points: {
    vi: 'Chỉ số không chấm điểm nhưng có điểm tối đa',
    en: 'Unscored component has points',
  },
  informational_has_points: {
    vi: 'Chỉ số theo dõi không được có điểm',
    en: 'Tracked-only component has points',
  },
  zero_max_points: { vi: 'Điểm tối đa bằng 0', en: 'Maximum points is zero' },
  duplicate_option: { vi: 'Lựa chọn {value} bị trùng', en: 'Duplicate option {value}' },
  points_exceed_max: {
    vi: 'Điểm {points} vượt điểm tối đa {max}',
    en: 'Points {points} exceed the maximum {max}',
  },
  max_unreachable: {
    vi: 'Mức cao nhất chỉ đạt {best}/{max} điểm',
    en: 'The best level only reaches {best} of {max} points',
  },
  steps_not_monotonic: {
    vi: 'Các mức phải tăng dần (mức {min} sau mức {previousMin})',
    en: 'Steps must increase ({min} after {previousMin})',
  },
  degenerate_bounds: {
    vi: 'Cận trên và cận dưới (hoặc mốc và mục tiêu) trùng nhau',
    en: 'Bounds (or baseline and target) are equal',
  },
  target_not_positive: { vi: 'Mục tiêu phải lớn hơn 0', en: 'The target must be positive' },
  duplicate_band_threshold: { vi: 'Ngưỡng xếp loại bị trùng', en: 'Duplicate band threshold' },
  bands_not_ascending: { vi: 'Các ngưỡng xếp loại phải tăng dần', en: 'Band thresholds must ascend' },
  lowest_band_above_zero: {
    vi: 'Ngưỡng thấp nhất lớn hơn 0: đơn vị điểm thấp không được xếp loại',
    en: 'Lowest band starts above 0: low scores get no band',
  },
  no_components: { vi: 'Chỉ số chính chưa có chỉ số thành phần', en: 'Main index has no components' },
  formula_unknown_code: {
    vi: 'Công thức của {in} dùng mã không tồn tại: {code}',
    en: 'Formula of {in} uses unknown code {code}',
  },
  formula_cycle: { vi: 'Công thức vòng lặp: {cycle}', en: 'Circular formulas: {cycle}' },
  formula_syntax: {
    vi: 'Công thức sai cú pháp ({reason}, vị trí {position})',
    en: 'Formula syntax error ({reason} at {position})',
  },
  consistency_unknown_code: {
    vi: 'Quy tắc kiểm tra {in} dùng mã không tồn tại: {code}',
    en: 'Consistency rule {in} uses unknown code {code}',
  },
  consistency_syntax: {
    vi: 'Quy tắc kiểm tra sai cú pháp ({reason}, vị trí {position}); cần một phép so sánh <, <=, >, >=, ==',
    en: 'Consistency rule syntax error ({reason} at {position}); it needs one comparison <, <=, >, >=, ==',
  },
};

const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }),
};

// Numbers in explanations follow the reader's conventions: 0,8 in Vietnamese, 0.8 in English.
function formatNumber(value: number, locale: Locale): string {
  return Number.isFinite(value) ? NUMBER_FORMATS[locale].format(value) : String(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function describeExplanation(explanation: Explanation, locale: Locale): string {
  const template = EXPLANATION_MESSAGES[explanation.code]?.[locale] ?? explanation.code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = explanation.params[key];
    if (typeof v === 'number') return formatNumber(v, locale);
    // Dates (a deadline, an entered date) read as documents write them: 31/03/2026.
    if (typeof v === 'string' && ISO_DATE.test(v)) return vietnameseDateText(v);
    return v === undefined || v === null ? '' : String(v);
  });
}

let registered = false;
export function registerMeasureEngineMessages(): void {
  if (registered) return;
  registered = true;
  registerMessages(FRAMEWORK_ISSUE_MESSAGES);
}
