import { registerMessages } from '../../../../core/i18n/errors.js';

// Messages of the plan appendix import (field and detail keys), Vietnamese first.
registerMessages({
  'steer_import.file_required': {
    vi: 'Hãy chọn tệp phụ lục nhiệm vụ (.xlsx)',
    en: 'Choose the task appendix file (.xlsx)',
  },
  'steer_import.not_xlsx': {
    vi: 'Tệp không phải bảng tính Excel (.xlsx); hãy lưu phụ lục dưới dạng .xlsx',
    en: 'The file is not an Excel workbook (.xlsx); save the appendix as .xlsx',
  },
  'steer_import.unreadable': {
    vi: 'Không đọc được tệp phụ lục; hãy mở và lưu lại bằng Excel hoặc LibreOffice',
    en: 'The appendix cannot be read; open and save it again with Excel or LibreOffice',
  },
  'steer_import.no_sheet': { vi: 'Tệp không có trang tính nào', en: 'The workbook has no sheet' },
  'steer_import.too_many_rows': {
    vi: 'Trang tính có quá {max} dòng; hãy tách phụ lục thành nhiều tệp',
    en: 'The sheet has more than {max} rows; split the appendix into several files',
  },
  'steer_import.missing_columns': {
    vi: 'Tệp thiếu cột bắt buộc: {columns}. Dòng tiêu đề của bảng cần có các cột STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Thời gian hoàn thành',
    en: 'The file lacks the required columns: {columns}. The table header needs the columns STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Thời gian hoàn thành',
  },
  'steer_import.empty': {
    vi: 'Phụ lục không có nhiệm vụ nào dưới dòng tiêu đề',
    en: 'The appendix has no task below its header',
  },
  'steer_import.plan_closed': {
    vi: 'Kế hoạch đã được thay thế, không nhập thêm nhiệm vụ được',
    en: 'The plan has been superseded; no tasks can be added to it',
  },
  'steer_import.not_ready': {
    vi: 'Tệp đang được đọc, chưa xác nhận được',
    en: 'The file is still being read and cannot be confirmed yet',
  },
  'steer_import.has_errors': {
    vi: 'Phụ lục còn dòng lỗi; hãy sửa tệp và tải lên lại',
    en: 'The appendix has rows in error; correct the file and upload it again',
  },
  'steer_import.already_confirmed': {
    vi: 'Phụ lục này đã được nhập vào kế hoạch',
    en: 'This appendix has already been imported into the plan',
  },
  'steer_import.unresolved': {
    vi: 'Chưa chọn đơn vị cho: {names}',
    en: 'No unit chosen for: {names}',
  },
  'steer_import.pick_required': {
    vi: 'Hãy chọn đơn vị chủ trì cho "{name}"',
    en: 'Choose the lead unit for "{name}"',
  },
  'steer_import.unknown_unit': {
    vi: 'Đơn vị đã chọn không thuộc tỉnh của kế hoạch',
    en: "The chosen unit is not in the plan's province",
  },
  'steer_import.row_refused': {
    vi: 'Dòng {row}: {message}',
    en: 'Row {row}: {message}',
  },
});
