import { addDays } from '../../../../core/steer/calendar.js';
import {
  checkReminderSettings,
  DEFAULT_REMINDER_SETTINGS,
  type DueReminder,
  type ReminderSettings,
  remindersDue,
} from '../../../../core/steer/reminders.js';
import type { TaskStatusInput } from '../../../../core/steer/task-status.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { NotificationEvent, Notifier } from '../../notifications/notifications.types.js';
import type { OpenTaskRow, UrgingRepository } from './urging.repository.js';
import type { ReminderRunResult, SteerReminderJob } from './urging.types.js';

// The daily reminder job: every open task is judged as of today (Vietnam date) by core/steer/reminders.ts, and
// each reminder due is logged and notified in the same transaction (a batch of them) under its idempotency key. The log's unique key
// and the notification's make a reminder happen once, whichever process or repeated run gets there first; a
// run that dies half-way is finished by the next (keys already logged are skipped). A finished run is recorded
// per date, so the hourly tick does the day's work once.

export const REMINDER_JOB = 'steer.urging.reminders';
const PAGE = 500;
const BATCH = 100;

export type ReminderJobDeps = Pick<Deps, 'db' | 'clock'> & {
  repo: UrgingRepository;
  /** The tasks feature's bulk status inputs (history, approved extensions, progress dates). */
  loadInputs: (rows: OpenTaskRow[]) => Promise<Map<number, TaskStatusInput>>;
  notifier: Pick<Notifier, 'notifyMany'>;
};

/** The settings in force: the secretariat's row, else the defaults. */
export async function reminderSettingsOf(repo: UrgingRepository): Promise<ReminderSettings> {
  const row = await repo.settings();
  if (!row) return DEFAULT_REMINDER_SETTINGS;
  try {
    return checkReminderSettings({
      beforeDays: row.beforeDays ? row.beforeDays.split(',').map(Number) : [],
      overdueEveryDays: row.overdueEveryDays,
      cycleBeforeDays: row.cycleBeforeDays,
    });
  } catch {
    return DEFAULT_REMINDER_SETTINGS;
  }
}

const KINDS: Record<DueReminder['kind'], string> = {
  before: 'steer.task_due_soon',
  due_today: 'steer.task_due_today',
  overdue: 'steer.task_overdue',
  cycle_cutoff: 'steer.task_report_due',
};

const WRITTEN_AS_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** The reminder's texts (vi, en): what, which task, the deadline as written and as a date. */
export function reminderTexts(task: { title: string; deadlineWritten: string }, r: DueReminder) {
  const date = vietnameseDateText(r.due);
  // "Quý III/2026 (30/09/2026)"; a deadline written as a date is not repeated ("30/9/2026 (30/09/2026)").
  const deadline = WRITTEN_AS_DATE.test(task.deadlineWritten.trim())
    ? date
    : `${task.deadlineWritten} (${date})`;
  const days = r.daysUntilDue ?? 0;
  const late = r.daysOverdue ?? 0;
  switch (r.kind) {
    case 'before':
      return {
        title: { vi: `Nhiệm vụ sắp đến hạn (còn ${days} ngày)`, en: `Task due in ${days} day(s)` },
        body: {
          vi: `Nhiệm vụ “${task.title}” có thời hạn ${deadline}, còn ${days} ngày. Đề nghị đơn vị khẩn trương hoàn thành và cập nhật tiến độ trên DXBoard.`,
          en: `The task “${task.title}” is due ${deadline}, in ${days} day(s). Please complete it and update its progress in DXBoard.`,
        },
      };
    case 'due_today':
      return {
        title: { vi: 'Nhiệm vụ đến hạn hôm nay', en: 'Task due today' },
        body: {
          vi: `Hôm nay (${date}) là hạn hoàn thành nhiệm vụ “${task.title}” (thời hạn: ${task.deadlineWritten}). Đề nghị đơn vị báo cáo kết quả trên DXBoard.`,
          en: `Today (${date}) is the deadline of the task “${task.title}” (${task.deadlineWritten}). Please report its result in DXBoard.`,
        },
      };
    case 'overdue':
      return {
        title: { vi: `Nhiệm vụ quá hạn ${late} ngày`, en: `Task ${late} day(s) overdue` },
        body: {
          vi: `Nhiệm vụ “${task.title}” đã quá hạn ${late} ngày (thời hạn: ${deadline}). Đề nghị đơn vị khẩn trương hoàn thành, báo cáo kết quả hoặc đề xuất gia hạn trên DXBoard.`,
          en: `The task “${task.title}” is ${late} day(s) overdue (due ${deadline}). Please complete it, report, or ask for an extension in DXBoard.`,
        },
      };
    case 'cycle_cutoff':
      return {
        title: {
          vi:
            days === 0 ? 'Hôm nay là hạn báo cáo định kỳ' : `Sắp đến hạn báo cáo định kỳ (còn ${days} ngày)`,
          en: days === 0 ? 'Periodic report due today' : `Periodic report due in ${days} day(s)`,
        },
        body: {
          vi: `Nhiệm vụ thường xuyên “${task.title}” cần báo cáo tiến độ của kỳ này chậm nhất ngày ${date}. Đề nghị đơn vị cập nhật trên DXBoard.`,
          en: `The ongoing task “${task.title}” needs this cycle's progress report by ${date}. Please update it in DXBoard.`,
        },
      };
  }
}

export function reminderEvent(
  task: Pick<OpenTaskRow, 'id' | 'title' | 'deadlineWritten' | 'leadUnitId' | 'createdBy' | 'isDemo'>,
  r: DueReminder,
): NotificationEvent {
  return {
    kind: KINDS[r.kind],
    recipients: {
      // The lead unit's officers (its successors' too, through lineage) and whoever assigned the task.
      roles: [{ role: 'officer', unitId: task.leadUnitId, reach: 'covering' }],
      userIds: task.createdBy ? [task.createdBy] : [],
    },
    ...reminderTexts(task, r),
    link: `/app/steer/tasks/${task.id}`,
    idempotencyKey: r.key,
    urgent: r.urgent,
    isDemo: task.isDemo === 1,
  };
}

export function createReminderJob({
  db,
  clock,
  repo,
  loadInputs,
  notifier,
}: ReminderJobDeps): SteerReminderJob {
  return {
    async run(options = {}): Promise<ReminderRunResult> {
      const date = vietnamDate(clock.now());
      if (!options.force && (await repo.runOf(date))) return { date, ran: false, tasks: 0, sent: 0 };
      const settings = await reminderSettingsOf(repo);
      let after = 0;
      let tasks = 0;
      let sent = 0;
      for (;;) {
        const rows = await repo.openTasks(after, PAGE);
        if (!rows.length) break;
        after = rows[rows.length - 1].id;
        const inputs = await loadInputs(rows);
        const due: { task: OpenTaskRow; r: DueReminder }[] = [];
        for (const task of rows) {
          const input = inputs.get(task.id);
          if (!input) continue;
          tasks++;
          for (const r of remindersDue({ ...input, id: task.id }, date, settings)) due.push({ task, r });
        }
        const logged = await repo.reminderKeysExist(due.map((d) => d.r.key));
        const todo = due.filter((d) => !logged.has(d.r.key));
        // Up to BATCH reminders per transaction, logged and notified together in it with multi-row statements
        // (notifyMany): one commit and a handful of statements per batch rather than eight per reminder
        // (bench/steer.bench.ts: ~1,800 reminders a day at 34 provinces' scale).
        for (let i = 0; i < todo.length; i += BATCH) {
          const now = clock.now().toISOString();
          const batch = todo.slice(i, i + BATCH);
          sent += await db.transaction().execute(async (trx) => {
            const logged = await repo.insertReminders(
              batch.map(({ task, r }) => ({
                idempotencyKey: r.key,
                taskId: task.id,
                unitId: task.leadUnitId,
                kind: r.kind,
                due: r.due,
                days: r.daysOverdue ?? r.daysUntilDue ?? 0,
                sentOn: date,
                sentAt: now,
                isDemo: task.isDemo,
              })),
              trx,
            );
            // A key another process logged first is its to notify, not ours.
            const ours = new Set(logged.map((l) => l.idempotencyKey));
            const events = batch
              .filter(({ r }) => ours.has(r.key))
              .map(({ task, r }) => reminderEvent(task, r));
            if (!events.length) return 0;
            await notifier.notifyMany(trx, events);
            await repo.linkReminderNotifications(
              logged.map((l) => l.id),
              trx,
            );
            return logged.length;
          });
        }
      }
      await repo.finishRun({ runOn: date, tasks, reminders: sent, finishedAt: clock.now().toISOString() });
      return { date, ran: true, tasks, sent };
    },
  };
}

/** The day a run's reminders are about, for the settings page ("next run"). */
export const nextRunDate = (lastRun: string | null, today: string) =>
  lastRun === today ? addDays(today, 1) : today;
