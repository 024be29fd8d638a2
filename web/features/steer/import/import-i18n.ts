import { useCallback } from 'react';
import { labelEntries } from '../../../../core/measure/labels.js';
import { DEADLINE_CYCLE_LABELS } from '../../../../core/steer/labels.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../../i18n/interpolate.js';

// The appendix import page's texts, Vietnamese first; `en` has exactly the same keys (checked by the type).
const vi = {
  'im.title': 'Nhập nhiệm vụ từ phụ lục kế hoạch',
  'im.plan': 'Kế hoạch số {number}: {title}',
  'im.back': 'Về kế hoạch',
  'im.intro':
    'Tải lên phụ lục nhiệm vụ (.xlsx) như văn bản ban hành: các cột STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành, Sản phẩm. Nhóm nhiệm vụ đánh số La Mã (I, II…), nhiệm vụ đánh số 1, 2…, nhiệm vụ con 1.1 hoặc a, b. Chưa có gì được lưu vào kế hoạch cho đến khi bạn xác nhận.',
  'im.choose': 'Chọn tệp phụ lục',
  'im.chooseAgain': 'Chọn tệp khác',
  'im.template': 'Tải mẫu phụ lục',
  'im.status.parsing': 'Đang đọc tệp',
  'im.status.ready': 'Sẵn sàng nhập',
  'im.status.invalid': 'Có lỗi cần sửa',
  'im.status.failed': 'Không đọc được tệp',
  'im.status.confirmed': 'Đã nhập vào kế hoạch',
  'im.progress': 'Tiến độ đọc tệp',
  'im.reading': 'Đang đọc tệp lớn, vui lòng chờ…',
  'im.summary': '{groups} nhóm · {tasks} nhiệm vụ · {names} tên đơn vị cần chọn · {errors} dòng lỗi',
  'im.errors': 'Dòng lỗi',
  'im.errorsNote': 'Hãy sửa các dòng này trong tệp rồi tải lên lại.',
  'im.row': 'Dòng',
  'im.column': 'Cột',
  'im.error': 'Lỗi',
  'im.col.stt': 'STT',
  'im.col.title': 'Nội dung nhiệm vụ',
  'im.col.lead': 'Đơn vị chủ trì',
  'im.col.coordinators': 'Đơn vị phối hợp',
  'im.col.deadline': 'Thời gian hoàn thành',
  'im.col.product': 'Sản phẩm',
  'im.col.note': 'Ghi chú',
  'im.names': 'Tên đơn vị cần chọn',
  'im.namesNote':
    'Các tên dưới đây không khớp với đúng một đơn vị của tỉnh. Chọn đơn vị tương ứng; tên chỉ dùng ở cột phối hợp có thể bỏ qua.',
  'im.reason.unknown': 'Không tìm thấy đơn vị',
  'im.reason.ambiguous': 'Trùng tên nhiều đơn vị',
  'im.reason.collective': 'Tên chung cho nhiều đơn vị',
  'im.asLead': 'Chủ trì',
  'im.rows': 'Dòng {rows}',
  'im.pick': 'Chọn đơn vị',
  'im.suggested': 'Gợi ý',
  'im.allUnits': 'Tất cả đơn vị',
  'im.skip': 'Bỏ qua (không ghi đơn vị phối hợp)',
  'im.toPick': 'cần chọn',
  'im.skipped': 'bỏ qua',
  'im.preview': 'Xem trước',
  'im.noDeadline': 'Chưa có thời hạn',
  'im.due': 'hạn {date}',
  'im.ongoing': 'Thường xuyên, {cycle}',
  ...labelEntries('im.cycle.', DEADLINE_CYCLE_LABELS, 'vi'),
  'im.confirm': 'Nhập vào kế hoạch',
  'im.confirmTitle': 'Nhập nhiệm vụ vào kế hoạch?',
  'im.confirmText':
    'Sẽ tạo {groups} nhóm và {tasks} nhiệm vụ trong kế hoạch số {number}, giao cho các đơn vị chủ trì như bảng xem trước. Việc này được ghi nhật ký; các nhiệm vụ có thể sửa hoặc xóa sau khi nhập.',
  'im.cancel': 'Hủy',
  'im.missingPicks': 'Còn {n} tên đơn vị chưa chọn.',
  'im.hasErrors': 'Phụ lục còn dòng lỗi: hãy sửa tệp và tải lên lại.',
  'im.done': 'Đã nhập {tasks} nhiệm vụ ({groups} nhóm mới) vào kế hoạch.',
  'im.openPlan': 'Mở kế hoạch',
  'im.more': 'Bảng xem trước chỉ hiện {shown}/{total} nhiệm vụ đầu tiên.',
};
export type ImportKey = keyof typeof vi;

const en: { readonly [K in ImportKey]: string } = {
  'im.title': "Import tasks from the plan's appendix",
  'im.plan': 'Plan no. {number}: {title}',
  'im.back': 'Back to the plan',
  'im.intro':
    'Upload the task appendix (.xlsx) as issued: the columns STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian hoàn thành, Sản phẩm. Task groups are numbered in Roman numerals (I, II…), tasks 1, 2…, sub-tasks 1.1 or a, b. Nothing is saved into the plan until you confirm.',
  'im.choose': 'Choose the appendix file',
  'im.chooseAgain': 'Choose another file',
  'im.template': 'Download a sample appendix',
  'im.status.parsing': 'Reading the file',
  'im.status.ready': 'Ready to import',
  'im.status.invalid': 'Has errors to fix',
  'im.status.failed': 'The file could not be read',
  'im.status.confirmed': 'Imported into the plan',
  'im.progress': 'Reading progress',
  'im.reading': 'Reading a large file, please wait…',
  'im.summary': '{groups} groups · {tasks} tasks · {names} unit names to choose · {errors} rows in error',
  'im.errors': 'Rows in error',
  'im.errorsNote': 'Correct these rows in the file and upload it again.',
  'im.row': 'Row',
  'im.column': 'Column',
  'im.error': 'Error',
  'im.col.stt': 'No.',
  'im.col.title': 'Task',
  'im.col.lead': 'Lead unit',
  'im.col.coordinators': 'Coordinating units',
  'im.col.deadline': 'Deadline',
  'im.col.product': 'Product',
  'im.col.note': 'Note',
  'im.names': 'Unit names to choose',
  'im.namesNote':
    'These names do not match exactly one unit of the province. Choose the unit each means; a name used only as a coordinating unit may be left out.',
  'im.reason.unknown': 'No such unit',
  'im.reason.ambiguous': 'Several units have this name',
  'im.reason.collective': 'A name for several units',
  'im.asLead': 'Lead',
  'im.rows': 'Rows {rows}',
  'im.pick': 'Choose a unit',
  'im.suggested': 'Suggested',
  'im.allUnits': 'All units',
  'im.skip': 'Leave out (no coordinating unit)',
  'im.toPick': 'to choose',
  'im.skipped': 'left out',
  'im.preview': 'Preview',
  'im.noDeadline': 'No deadline',
  'im.due': 'due {date}',
  'im.ongoing': 'Ongoing, {cycle}',
  ...labelEntries('im.cycle.', DEADLINE_CYCLE_LABELS, 'en'),
  'im.confirm': 'Import into the plan',
  'im.confirmTitle': 'Import the tasks into the plan?',
  'im.confirmText':
    'This creates {groups} groups and {tasks} tasks in plan no. {number}, assigned to the lead units as the preview shows. It is recorded in the audit log; the tasks can be edited or deleted afterwards.',
  'im.cancel': 'Cancel',
  'im.missingPicks': '{n} unit names are still to choose.',
  'im.hasErrors': 'The appendix has rows in error: correct the file and upload it again.',
  'im.done': 'Imported {tasks} tasks ({groups} new groups) into the plan.',
  'im.openPlan': 'Open the plan',
  'im.more': 'The preview shows the first {shown} of {total} tasks.',
};

export type ImportT = (key: ImportKey, params?: MessageParams) => string;

export function useImT(): ImportT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}
