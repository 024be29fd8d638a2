import { registerMessages } from '../../../core/i18n/errors.js';

// Field and detail messages of the Measure module (Vietnamese first).
registerMessages({
  'measure.due_before_open': {
    vi: 'Hạn nộp phải sau ngày mở',
    en: 'Due date must not be before the opening date',
  },
  'measure.no_units_assigned': { vi: 'Chưa chọn đơn vị nào', en: 'No units assigned' },
  'measure.unit_outside_root': {
    vi: 'Đơn vị không thuộc phạm vi đã chọn',
    en: 'Unit is outside the chosen root unit',
  },
  'measure.unknown_unit': { vi: 'Không tìm thấy đơn vị', en: 'Unknown unit' },
  'measure.unknown_framework': { vi: 'Không tìm thấy bộ chỉ số', en: 'Unknown framework' },
  'measure.unknown_template': { vi: 'Không có mẫu bộ chỉ số này', en: 'Unknown framework template' },
  'measure.framework_code_changed': {
    vi: 'Không được đổi mã bộ chỉ số; hãy nhập thành bộ chỉ số mới',
    en: 'The framework code cannot change; import it as a new framework',
  },
  'measure.period_wrong_status': {
    vi: 'Kỳ đánh giá đang ở trạng thái {status}',
    en: 'The period is {status}',
  },
  'measure.submission_not_editable': {
    vi: 'Không thể sửa: hồ sơ {status}, kỳ đánh giá {periodStatus}',
    en: 'Cannot edit: submission is {status}, period is {periodStatus}',
  },
  'measure.submission_not_submitted': {
    vi: 'Hồ sơ chưa được gửi thẩm định (trạng thái {status})',
    en: 'The submission is not awaiting appraisal ({status})',
  },
  'measure.unit_not_in_period': {
    vi: 'Đơn vị không thuộc kỳ đánh giá này',
    en: 'The unit does not take part in this period',
  },
  'measure.not_published': { vi: 'Kết quả chưa được công bố', en: 'Results not published yet' },
  'measure.unknown_component': { vi: 'Không có chỉ số thành phần này', en: 'Unknown component' },
  'measure.component_not_applicable': {
    vi: 'Chỉ số này không áp dụng cho đơn vị',
    en: 'This component does not apply to the unit',
  },
  'measure.value_is_computed': { vi: 'Chỉ số này được tính tự động', en: 'This component is computed' },
  'measure.wrong_value_kind': {
    vi: 'Sai loại giá trị (cần {expected})',
    en: 'Wrong kind of value (expected {expected})',
  },
  'measure.unknown_choice': { vi: 'Lựa chọn không hợp lệ ({options})', en: 'Unknown choice ({options})' },
  'measure.numerator_above_denominator': {
    vi: 'Tử số không được lớn hơn mẫu số ({denominator})',
    en: 'Numerator must not exceed the denominator ({denominator})',
  },
  'measure.not_evaluable': { vi: 'Không tính được điểm ({reason})', en: 'Cannot be scored ({reason})' },
  'measure.evidence_required': {
    vi: 'Cần tài liệu kiểm chứng: {evidence}',
    en: 'Evidence required: {evidence}',
  },
  'measure.evidence_file_or_document': {
    vi: 'Chọn một tệp hoặc trích dẫn một văn bản',
    en: 'Give either a file or a document reference',
  },
  'measure.group_unit_not_assigned': {
    vi: 'Đơn vị trong nhóm phải thuộc kỳ đánh giá',
    en: 'Group members must be units of the period',
  },
  'measure.unknown_file': { vi: 'Không tìm thấy tệp', en: 'Unknown file' },
});
