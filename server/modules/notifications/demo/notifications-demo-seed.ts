import type { Deps } from '../../../deps.js';
import type { NotificationEvent } from '../notifications.types.js';
import { createNotifyRepository } from '../notify/notify.repository.js';
import { createNotifier } from '../notify/notify.service.js';

// Demo data: a few notifications for every demo user so the bell has something to show after `npm start`.
// In-app only (demo addresses receive no mail), flagged is_demo, and idempotent by key: a second start, or a
// second process starting at the same time, adds nothing.

const DEMO_DOMAIN = '@demo.dxboard.vn';

type DemoEvent = Omit<NotificationEvent, 'recipients' | 'idempotencyKey' | 'channels' | 'isDemo'> & {
  key: string;
};

const DEMO_EVENTS: DemoEvent[] = [
  {
    key: 'measure-period-open',
    kind: 'measure.period_opened',
    title: { vi: 'Kỳ đánh giá chuyển đổi số đã mở', en: 'The digital transformation assessment is open' },
    body: {
      vi: 'Các đơn vị nhập số liệu và minh chứng trước hạn nộp. Xem tiến độ nộp của đơn vị mình.',
      en: 'Units enter their figures and evidence before the due date. Check your unit’s progress.',
    },
    link: '/app/measure',
  },
  {
    key: 'steer-due-soon',
    kind: 'steer.task_due_soon',
    urgent: true,
    title: {
      vi: 'Nhiệm vụ sắp đến hạn: Số hoá hồ sơ một cửa',
      en: 'Task due soon: digitise one-stop-shop records',
    },
    body: {
      vi: 'Còn 3 ngày đến hạn hoàn thành. Đề nghị đơn vị chủ trì cập nhật tiến độ.',
      en: '3 days left before the deadline. The lead unit is asked to report progress.',
    },
    link: '/app/steer',
  },
  {
    key: 'feedback-assigned',
    kind: 'feedback.report_assigned',
    title: {
      vi: 'Phản ánh mới được chuyển đến đơn vị',
      en: 'A new citizen report was assigned to your unit',
    },
    body: {
      vi: 'Phản ánh về đèn chiếu sáng hỏng đang chờ tiếp nhận trong 8 giờ làm việc.',
      en: 'A report about a broken street light awaits acceptance within 8 working hours.',
    },
    link: '/app/feedback',
  },
  {
    key: 'system-welcome',
    kind: 'system.welcome',
    title: { vi: 'Chào mừng đến với DXBoard', en: 'Welcome to DXBoard' },
    body: {
      vi: 'Thông báo về nhiệm vụ, phản ánh và cuộc thi hiện ở đây. Bạn có thể chọn nhận email ngay hoặc tổng hợp hằng ngày.',
      en: 'Notifications about tasks, reports and contests appear here. You can choose email at once or a daily digest.',
    },
    link: '/app/notifications',
  },
];

export async function seedDemoNotifications(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs'>) {
  const users = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', `%${DEMO_DOMAIN}`)
    .orderBy('id')
    .execute();
  if (!users.length) return 0;
  const notifier = createNotifier({ ...deps, repo: createNotifyRepository(deps.db) });
  let created = 0;
  for (const { key, ...event } of DEMO_EVENTS) {
    const result = await deps.db.transaction().execute((trx) =>
      notifier.notify(trx, {
        ...event,
        recipients: { userIds: users.map((u) => u.id) },
        idempotencyKey: `demo:${key}`,
        channels: ['in_app'],
        isDemo: true,
      }),
    );
    if (result.created) created++;
  }
  return created;
}

export async function seedDemoNotificationsOnStartup(deps: Deps): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  const created = await seedDemoNotifications(deps);
  return created ? [`Notifications: ${created} demo notifications for the demo users`] : [];
}
