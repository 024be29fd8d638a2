import { describe, expect, it } from 'vitest';
import type { DueReminder } from '../../../../core/steer/reminders.js';
import { reminderTexts } from './reminders.service.js';

// The deadline in a reminder reads as the plan wrote it, with the date it resolves to; a deadline written as a
// date is said once (the demo's mails read "thời hạn: 30/9/2026 (30/09/2026)").

const overdue = (due: string): DueReminder => ({
  kind: 'overdue',
  key: 'k',
  taskId: 1,
  due,
  daysOverdue: 69,
  urgent: true,
});

describe('reminderTexts', () => {
  it('gives a quarter, month or "Thường xuyên" with the date it resolves to', () => {
    const t = reminderTexts(
      { title: 'Số hóa hồ sơ', deadlineWritten: 'Quý III/2026' },
      overdue('2026-09-30'),
    );
    expect(t.body.vi).toContain('(thời hạn: Quý III/2026 (30/09/2026))');
    expect(t.body.en).toContain('due Quý III/2026 (30/09/2026)');
  });

  it('says a deadline written as a date once', () => {
    const t = reminderTexts({ title: 'Nâng cấp mạng', deadlineWritten: '30/9/2026' }, overdue('2026-09-30'));
    expect(t.body.vi).toContain('(thời hạn: 30/09/2026)');
    expect(t.body.vi).not.toContain('30/9/2026');
    expect(t.title.vi).toBe('Nhiệm vụ quá hạn 69 ngày');
  });
});
