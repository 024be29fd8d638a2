import { registerMessages } from '../../../../core/i18n/errors.js';

// Detail and field messages of Steer's urging, Vietnamese first.
registerMessages({
  'steer.urging.nothing_to_urge': {
    vi: '{unit} không có nhiệm vụ quá hạn hoặc sắp đến hạn: không có gì để đôn đốc',
    en: '{unit} has no overdue or due-soon task: nothing to urge',
  },
  'steer.urging.reply_in_past': {
    vi: 'Hạn báo cáo không được trước ngày hôm nay ({date})',
    en: 'The reply date cannot be before today ({date})',
  },
  'steer.urging.no_unit': {
    vi: 'Tài khoản chưa được gán cho đơn vị nào theo dõi nhiệm vụ',
    en: 'Your account is not assigned to a unit that follows tasks',
  },
});
