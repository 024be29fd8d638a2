import { useCallback } from 'react';
import { labelEntries } from '../../../core/measure/labels.js';
import {
  CATEGORY_LABELS,
  EMAIL_MODE_LABELS,
  WEBHOOK_MODE_LABELS,
} from '../../../core/notifications/categories.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { fillPlaceholders, type MessageParams } from '../../i18n/interpolate.js';

// The notification centre's texts (Vietnamese first), kept beside the feature like measure's; `en` must have
// exactly the same keys (checked by its type).
const vi = {
  'n.title': 'Thông báo',
  'n.bell': 'Thông báo',
  'n.bellUnread': 'Thông báo: {count} chưa đọc',
  'n.latest': 'Thông báo mới',
  'n.seeAll': 'Xem tất cả thông báo',
  'n.empty': 'Bạn chưa có thông báo nào.',
  'n.emptyUnread': 'Không còn thông báo chưa đọc.',
  'n.unreadCount': '{count} chưa đọc',
  'n.sort': 'Sắp xếp',
  'n.sort.unread': 'Chưa đọc trước',
  'n.sort.newest': 'Mới nhất',
  'n.unreadOnly': 'Chỉ hiện chưa đọc',
  'n.markRead': 'Đánh dấu đã đọc',
  'n.markAllRead': 'Đánh dấu tất cả đã đọc',
  'n.markedAll': 'Đã đánh dấu tất cả là đã đọc',
  'n.unread': 'Chưa đọc',
  'n.urgent': 'Khẩn',
  'n.demo': 'Dữ liệu mẫu',
  'n.open': 'Mở',
  'n.page': 'Trang {page}/{pages}',
  'n.previous': 'Trang trước',
  'n.next': 'Trang sau',
  'n.prefs.title': 'Cách nhận thông báo',
  'n.prefs.intro':
    'Mọi thông báo luôn hiện trong trung tâm thông báo. Chọn thêm cách nhận qua email cho từng nhóm; thư tổng hợp gửi mỗi ngày lúc {hour} giờ. Việc khẩn (đến hạn hôm nay, mã xác thực) luôn được gửi ngay.',
  'n.prefs.category': 'Nhóm thông báo',
  'n.prefs.email': 'Email',
  'n.prefs.webhook': 'Tin nhắn (Zalo OA)',
  'n.prefs.webhookOff': 'Hệ thống chưa cấu hình kênh tin nhắn.',
  'n.prefs.save': 'Lưu cách nhận thông báo',
  'n.prefs.saved': 'Đã lưu cách nhận thông báo',
  ...labelEntries('n.category.', CATEGORY_LABELS, 'vi'),
  ...labelEntries('n.email.', EMAIL_MODE_LABELS, 'vi'),
  ...labelEntries('n.webhook.', WEBHOOK_MODE_LABELS, 'vi'),
} as const;

export type NotificationsKey = keyof typeof vi;

const en: { readonly [K in NotificationsKey]: string } = {
  'n.title': 'Notifications',
  'n.bell': 'Notifications',
  'n.bellUnread': 'Notifications: {count} unread',
  'n.latest': 'Latest notifications',
  'n.seeAll': 'See all notifications',
  'n.empty': 'You have no notifications yet.',
  'n.emptyUnread': 'No unread notifications left.',
  'n.unreadCount': '{count} unread',
  'n.sort': 'Order',
  'n.sort.unread': 'Unread first',
  'n.sort.newest': 'Newest first',
  'n.unreadOnly': 'Unread only',
  'n.markRead': 'Mark read',
  'n.markAllRead': 'Mark all read',
  'n.markedAll': 'All notifications marked read',
  'n.unread': 'Unread',
  'n.urgent': 'Urgent',
  'n.demo': 'Demo data',
  'n.open': 'Open',
  'n.page': 'Page {page} of {pages}',
  'n.previous': 'Previous page',
  'n.next': 'Next page',
  'n.prefs.title': 'How you are notified',
  'n.prefs.intro':
    'Every notification always appears in the notification centre. Choose how each group also reaches you by email; the digest is sent daily at {hour}:00. Urgent items (due today, one-time codes) are always sent at once.',
  'n.prefs.category': 'Group',
  'n.prefs.email': 'Email',
  'n.prefs.webhook': 'Messages (Zalo OA)',
  'n.prefs.webhookOff': 'No message relay is configured on this system.',
  'n.prefs.save': 'Save notification settings',
  'n.prefs.saved': 'Notification settings saved',
  ...labelEntries('n.category.', CATEGORY_LABELS, 'en'),
  ...labelEntries('n.email.', EMAIL_MODE_LABELS, 'en'),
  ...labelEntries('n.webhook.', WEBHOOK_MODE_LABELS, 'en'),
};

export type NotificationsT = (key: NotificationsKey, params?: MessageParams) => string;

export function useNT(): NotificationsT {
  const { locale } = useI18n();
  return useCallback(
    (key, params) => fillPlaceholders((locale === 'en' ? en : vi)[key] ?? key, params, locale),
    [locale],
  );
}
