import { registerMessages } from '../../../../core/i18n/errors.js';
import { deadlineErrorMessage } from '../../../../core/steer/labels.js';
import { DEADLINE_ERROR_CODES } from '../../../../core/steer/types.js';

// vi/en texts of the meetings feature's problems. The deadline ones quote what was written ({text}).
registerMessages({
  'steer.meeting.not_found': { vi: 'Không tìm thấy cuộc họp', en: 'Meeting not found' },
  'steer.meeting.conclusion_not_found': {
    vi: 'Không tìm thấy kết luận của cuộc họp này',
    en: 'No such conclusion in this meeting',
  },
  'steer.meeting.document_not_found': {
    vi: 'Không tìm thấy tài liệu của cuộc họp này',
    en: 'No such document in this meeting',
  },
  'steer.meeting.conclusion_converted': {
    vi: 'Kết luận này đã được giao thành nhiệm vụ; không giao lại, không sửa hay xoá được nữa',
    en: 'This conclusion has already been turned into a task; it cannot be assigned again, edited or deleted',
  },
  'steer.meeting.notice_missing': {
    vi: 'Cuộc họp chưa có thông báo kết luận: nhập số, ký hiệu và ngày của thông báo trước khi giao nhiệm vụ',
    en: 'The meeting has no conclusion notice yet: enter its number and date before assigning tasks',
  },
  'steer.meeting.notice_locked': {
    vi: 'Đã có kết luận được giao thành nhiệm vụ theo thông báo này: không đổi được số, ký hiệu hay ngày ban hành',
    en: 'Tasks already cite this notice: its number and date can no longer change',
  },
  'steer.meeting.unknown_unit': { vi: 'Không có đơn vị này', en: 'No such unit' },
  'steer.meeting.duplicate_unit': {
    vi: 'Đơn vị đã có trong danh sách',
    en: 'The unit is already in the list',
  },
  'steer.meeting.lead_outside': {
    vi: 'Đơn vị chủ trì phải thuộc địa bàn do Ban Chỉ đạo tổ chức cuộc họp chỉ đạo',
    en: 'The lead unit must be within the area the committee that met steers',
  },
  'steer.meeting.lead_also_coordinating': {
    vi: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
    en: 'The lead unit cannot also be a coordinating unit',
  },
  'steer.meeting.unknown_file': {
    vi: 'Không có tệp này, hoặc bạn không được dùng tệp này',
    en: 'No such file, or you may not use it',
  },
  ...Object.fromEntries(
    DEADLINE_ERROR_CODES.map((code) => [
      `steer.meeting.deadline_${code}`,
      {
        vi: deadlineErrorMessage({ code, text: '{text}' }, 'vi'),
        en: deadlineErrorMessage({ code, text: '{text}' }, 'en'),
      },
    ]),
  ),
});
