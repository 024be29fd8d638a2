import { registerMessages } from '../../../../core/i18n/errors.js';
import { deadlineErrorMessage } from '../../../../core/steer/labels.js';
import { DEADLINE_ERROR_CODES } from '../../../../core/steer/types.js';

// Field and detail messages of Steer's plans, tasks and progress, Vietnamese first.

// The deadline resolver's own texts, with the written text as the {text} parameter.
registerMessages(
  Object.fromEntries(
    DEADLINE_ERROR_CODES.map((code) => [
      `steer.deadline.${code}`,
      {
        vi: deadlineErrorMessage({ code, text: '{text}' }, 'vi'),
        en: deadlineErrorMessage({ code, text: '{text}' }, 'en'),
      },
    ]),
  ),
);

registerMessages({
  'steer.one_lead_unit': {
    vi: 'Mỗi nhiệm vụ phải có đúng một đơn vị chủ trì (đang chọn {count})',
    en: 'A task needs exactly one lead unit ({count} given)',
  },
  'steer.lead_also_coordinator': {
    vi: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
    en: 'The lead unit cannot also be a coordinating unit',
  },
  'steer.unknown_unit': { vi: 'Không có đơn vị mã số {id}', en: 'No unit with id {id}' },
  'steer.unknown_kpi': {
    vi: 'Không có chỉ tiêu mã "{code}" trong danh mục chỉ tiêu',
    en: 'No KPI with code "{code}" in the KPI catalogue',
  },
  'steer.unknown_plan': { vi: 'Không tìm thấy kế hoạch', en: 'Plan not found' },
  'steer.unknown_group': {
    vi: 'Nhóm nhiệm vụ không thuộc kế hoạch này',
    en: 'The task group is not part of this plan',
  },
  'steer.unknown_parent': {
    vi: 'Nhiệm vụ cha không thuộc kế hoạch này',
    en: 'The parent task is not part of this plan',
  },
  'steer.subtask_depth': {
    vi: 'Chỉ có một cấp nhiệm vụ con (nhiệm vụ cha không được là nhiệm vụ con)',
    en: 'Sub-tasks go one level deep (the parent cannot be a sub-task)',
  },
  'steer.owner_required': {
    vi: 'Nhiệm vụ ngoài kế hoạch cần đơn vị giao nhiệm vụ',
    en: 'A task outside a plan needs the unit that assigned it',
  },
  'steer.plan_superseded': {
    vi: 'Kế hoạch đã được thay thế, không thêm hoặc sửa nhiệm vụ',
    en: 'The plan has been superseded: its tasks cannot be added or changed',
  },
  'steer.task_not_found': { vi: 'Không tìm thấy nhiệm vụ', en: 'Task not found' },
  'steer.plan_not_found': { vi: 'Không tìm thấy kế hoạch', en: 'Plan not found' },
  'steer.invalid_transition': {
    vi: 'Không thể "{action}" khi nhiệm vụ đang ở trạng thái "{state}"',
    en: 'Cannot "{action}" a task that is "{state}"',
  },
  'steer.transition_not_allowed': {
    vi: 'Chỉ {who} được "{action}" nhiệm vụ này',
    en: 'Only {who} may "{action}" this task',
  },
  'steer.reason_required': {
    vi: 'Cần ghi rõ lý do để "{action}"',
    en: 'A reason is needed to "{action}"',
  },
  'steer.evidence_required': {
    vi: 'Báo cáo hoàn thành cần nêu kết quả, sản phẩm hoặc minh chứng',
    en: 'A report of completion needs the result, product or evidence',
  },
  'steer.not_lead_or_coordinator': {
    vi: 'Chỉ đơn vị chủ trì hoặc đơn vị phối hợp của nhiệm vụ được báo cáo tiến độ; tài khoản của bạn không thuộc các đơn vị này',
    en: 'Only the lead or a coordinating unit of the task may report progress; your account belongs to neither',
  },
  'steer.not_lead': {
    vi: 'Chỉ đơn vị chủ trì nhiệm vụ ({unit}) được đề nghị gia hạn',
    en: 'Only the task’s lead unit ({unit}) may request an extension',
  },
  'steer.unit_not_on_task': {
    vi: 'Đơn vị được chọn không phải đơn vị chủ trì hoặc phối hợp mà bạn thuộc về',
    en: 'The chosen unit is not a lead or coordinating unit you belong to',
  },
  'steer.task_closed': {
    vi: 'Nhiệm vụ đang ở trạng thái "{state}", không nhận báo cáo hoặc đề nghị mới',
    en: 'The task is "{state}": it takes no new reports or requests',
  },
  'steer.extension_in_past': {
    vi: 'Hạn mới {date} đã qua (hôm nay là {today}); chọn một ngày từ hôm nay trở đi',
    en: 'The new deadline {date} is in the past (today is {today}); pick today or later',
  },
  'steer.extension_not_later': {
    vi: 'Hạn mới {date} phải sau hạn hiện tại {due}',
    en: 'The new deadline {date} must be after the current one {due}',
  },
  'steer.extension_ongoing': {
    vi: 'Nhiệm vụ thường xuyên không có hạn hoàn thành để gia hạn',
    en: 'An ongoing task has no deadline to extend',
  },
  'steer.extension_pending': {
    vi: 'Nhiệm vụ đã có một đề nghị gia hạn đang chờ quyết định',
    en: 'The task already has an extension request awaiting a decision',
  },
  'steer.extension_decided': {
    vi: 'Đề nghị gia hạn này đã được quyết định',
    en: 'This extension request has already been decided',
  },
  'steer.extension_not_found': { vi: 'Không tìm thấy đề nghị gia hạn', en: 'Extension request not found' },
  'steer.progress_not_found': { vi: 'Không tìm thấy báo cáo tiến độ', en: 'Progress report not found' },
  'steer.no_proposals': {
    vi: 'Báo cáo này không có kiến nghị, đề xuất để trả lời',
    en: 'This report has no proposals to answer',
  },
  'steer.unknown_file': {
    vi: 'Tệp minh chứng không tồn tại hoặc bạn không được đính kèm',
    en: 'The evidence file does not exist or you may not attach it',
  },
  'steer.period_order': {
    vi: 'Thời gian kế hoạch phải kết thúc sau khi bắt đầu',
    en: 'The plan’s period must end after it starts',
  },
  'steer.plan_not_draft': {
    vi: 'Chỉ sửa nội dung hoặc xóa kế hoạch khi còn là dự thảo',
    en: 'Only a draft plan can be edited in full or deleted',
  },
  'steer.plan_has_tasks': {
    vi: 'Kế hoạch còn nhiệm vụ; xóa các nhiệm vụ trước',
    en: 'The plan still has tasks; delete them first',
  },
  'steer.plan_not_issued': {
    vi: 'Chỉ kế hoạch đã ban hành mới được thay thế, bởi một kế hoạch đã ban hành khác',
    en: 'Only an issued plan can be superseded, by another issued plan',
  },
  'steer.group_has_tasks': {
    vi: 'Nhóm còn nhiệm vụ; chuyển hoặc xóa các nhiệm vụ trước',
    en: 'The group still has tasks; move or delete them first',
  },
  'steer.task_has_reports': {
    vi: 'Nhiệm vụ đã có báo cáo tiến độ; hủy nhiệm vụ thay vì xóa',
    en: 'The task has progress reports; cancel it instead of deleting it',
  },
  'steer.percent_done': {
    vi: 'Tiến độ 100% là hoàn thành: dùng "Báo cáo hoàn thành"',
    en: '100 % means done: use "Report done"',
  },
});
