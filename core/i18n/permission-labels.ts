import type { Permission } from '../accounts/permissions.js';
import type { Locale } from './locale.js';

// Permissions in words for the admin screens (API keys, roles); the codes stay in the API and the database.
export const PERMISSION_LABELS: Record<Permission, { vi: string; en: string }> = {
  'units.read': { vi: 'Xem đơn vị', en: 'View units' },
  'units.manage': { vi: 'Quản lý đơn vị', en: 'Manage units' },
  'users.manage': { vi: 'Quản lý người dùng', en: 'Manage users' },
  'tokens.manage': { vi: 'Quản lý khoá truy cập API', en: 'Manage API keys' },
  'audit.read': { vi: 'Xem nhật ký hệ thống', en: 'Read the audit log' },
  'measure.read': { vi: 'Xem kết quả đánh giá', en: 'View assessments' },
  'measure.enter': { vi: 'Nhập bản tự đánh giá', en: 'Enter self-assessments' },
  'measure.appraise': { vi: 'Thẩm định', en: 'Appraise' },
  'measure.manage': { vi: 'Quản lý bộ tiêu chí, kỳ đánh giá', en: 'Manage frameworks and periods' },
  'measure.push': { vi: 'Đẩy số liệu từ hệ thống khác', en: 'Push data from other systems' },
  'steer.read': { vi: 'Xem kế hoạch, nhiệm vụ', en: 'View plans and tasks' },
  'steer.report': { vi: 'Báo cáo tiến độ nhiệm vụ', en: 'Report task progress' },
  'steer.approve': { vi: 'Quyết định gia hạn nhiệm vụ', en: 'Decide task extensions' },
  'steer.manage': {
    vi: 'Quản lý kế hoạch, nhiệm vụ, cuộc họp Ban Chỉ đạo',
    en: 'Manage plans, tasks and committee meetings',
  },
  'feedback.read': { vi: 'Xem phản ánh, kiến nghị', en: 'View citizen reports' },
  'feedback.handle': { vi: 'Xử lý, trả lời phản ánh', en: 'Handle and answer citizen reports' },
  'feedback.manage': {
    vi: 'Điều phối phản ánh, quản lý lĩnh vực',
    en: 'Route citizen reports and manage categories',
  },
  'contest.read': { vi: 'Xem cuộc thi', en: 'View contests' },
  'contest.manage': { vi: 'Tổ chức cuộc thi', en: 'Organise contests' },
  'community.read': { vi: 'Xem tổ công nghệ số cộng đồng', en: 'View community technology teams' },
  'community.manage': {
    vi: 'Quản lý tổ công nghệ số cộng đồng',
    en: 'Manage community technology teams',
  },
  'training.manage': { vi: 'Quản lý lớp bồi dưỡng', en: 'Manage training courses' },
  'dashboard.read': { vi: 'Xem bảng điều hành chuyển đổi số', en: 'View the DX dashboard' },
  'news.write': { vi: 'Viết tin bài', en: 'Write news' },
  'news.approve': { vi: 'Duyệt, gỡ tin bài', en: 'Approve and withdraw news' },
};

export const permissionLabel = (permission: Permission, locale: Locale) =>
  PERMISSION_LABELS[permission][locale];
