import { registerMessages } from '../../../../core/i18n/errors.js';

// Field and detail messages of Steer's registers (products, systems, review campaigns), Vietnamese first.
registerMessages({
  'steer.product_reason_required': {
    vi: 'Cần ghi lý do trả lại để đơn vị biết cần bổ sung gì',
    en: 'Give the reason for returning it, so the unit knows what to add',
  },
  'steer.product_unknown_file': {
    vi: 'Tệp minh chứng không tồn tại hoặc bạn không được dùng tệp này',
    en: 'The evidence file does not exist or you may not use it',
  },
  'steer.product_unknown_task': {
    vi: 'Nhiệm vụ không tồn tại hoặc bạn không xem được nhiệm vụ này',
    en: 'The task does not exist or you cannot see it',
  },
  'steer.product_duplicate': { vi: 'Mục bị trùng', en: 'Listed twice' },
  'steer.product_accepted': {
    vi: 'Sản phẩm đã được công nhận, không sửa hoặc xoá được nữa',
    en: 'The product has been accepted and can no longer be changed or removed',
  },
  'steer.product_not_submitted': {
    vi: 'Chỉ xem xét được sản phẩm đang chờ xem xét',
    en: 'Only a product awaiting review can be decided',
  },
  'steer.system_golive_before_start': {
    vi: 'Ngày đưa vào vận hành không được trước ngày bắt đầu triển khai',
    en: 'The go-live date cannot be before the start date',
  },
  'steer.system_retired_before_live': {
    vi: 'Ngày dừng sử dụng không được trước ngày đưa vào vận hành (hoặc ngày bắt đầu)',
    en: 'The retirement date cannot be before the go-live (or start) date',
  },
  'steer.system_golive_required': {
    vi: 'Hệ thống đang vận hành cần có ngày đưa vào vận hành',
    en: 'A system in operation needs its go-live date',
  },
  'steer.system_level_required': {
    vi: 'Hồ sơ đã phê duyệt phải ghi cấp độ an toàn (1–5)',
    en: 'An approved plan must state the security level (1–5)',
  },
  'steer.system_decision_required': {
    vi: 'Hồ sơ đã phê duyệt phải ghi số và ngày quyết định phê duyệt',
    en: 'An approved plan must state the decision number and date',
  },
  'steer.system_duplicate_db': {
    vi: 'Một CSDL quốc gia được chọn hai lần',
    en: 'A national database is listed twice',
  },
  'steer.campaign_due_past': {
    vi: 'Hạn xác nhận không được trước ngày hôm nay',
    en: 'The confirmation deadline cannot be in the past',
  },
  'steer.campaign_closed': {
    vi: 'Đợt rà soát đã kết thúc',
    en: 'The review campaign is closed',
  },
  'steer.campaign_empty': {
    vi: 'Không có hệ thống nào thuộc các đơn vị này để rà soát',
    en: 'The units have no systems to review',
  },
  'steer.item_confirmed': {
    vi: 'Hệ thống này đã được xác nhận trong đợt rà soát',
    en: 'This system has already been confirmed in the campaign',
  },
});
