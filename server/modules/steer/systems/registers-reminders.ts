import { isSystemReviewDue, systemReviewDueOn } from '../../../../core/steer/registers.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { Notifier } from '../../notifications/notifications.types.js';
import type { SystemsRepository } from './systems.repository.js';
import type { SteerReviewsService } from './systems.types.js';

// The registers' daily reminders, through the one notification service:
// - review campaigns past their due date: each owner unit with systems still unconfirmed is reminded, once per
//   unit, campaign and day (the reviews service's idempotency keys);
// - operating systems whose yearly review is due (core/steer/registers.ts: 12 months after the last review,
//   go-live or registration): each owner unit's officers get ONE notification listing its systems, once per unit
//   and month (`steer:system-review-due:unit:<id>:<YYYY-MM>`), so the hourly tick, a second process or a re-run
//   notifies nobody twice, and a unit that has not reviewed is told again the next month.
// The notification is recorded in the same transaction as nothing else: the key is the whole of the state.

export const REGISTERS_REMINDER_JOB = 'steer.registers.reminders';

export type RegistersReminderJobDeps = Pick<Deps, 'db' | 'clock'> & {
  repo: SystemsRepository;
  reviews: Pick<SteerReviewsService, 'remindOverdue'>;
  notifier: Pick<Notifier, 'notify'>;
};

export type RegistersReminderResult = {
  date: string;
  /** Units reminded of an overdue review campaign (new notifications only). */
  campaignUnits: number;
  /** Units reminded of systems whose yearly review is due (new notifications only). */
  reviewDueUnits: number;
  /** Operating systems whose review is due today. */
  systemsDue: number;
};

export type RegistersReminderJob = { run(): Promise<RegistersReminderResult> };

export function createRegistersReminderJob(deps: RegistersReminderJobDeps): RegistersReminderJob {
  const { db, clock, repo, reviews, notifier } = deps;
  return {
    async run() {
      const date = vietnamDate(clock.now());
      const campaignUnits = await reviews.remindOverdue(date);
      const due = (await repo.operating()).filter((s) =>
        isSystemReviewDue(
          {
            status: s.status,
            lastReviewDate: s.lastReviewDate,
            goLiveDate: s.goLiveDate,
            registeredOn: vietnamDate(new Date(s.createdAt)),
          },
          date,
        ),
      );
      const byUnit = new Map<number, typeof due>();
      for (const s of due) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
      let reviewDueUnits = 0;
      const month = date.slice(0, 7);
      await db.transaction().execute(async (trx) => {
        for (const [unitId, list] of byUnit) {
          const lines = list.map((s) => {
            const dueOn = systemReviewDueOn({
              status: s.status,
              lastReviewDate: s.lastReviewDate,
              goLiveDate: s.goLiveDate,
              registeredOn: vietnamDate(new Date(s.createdAt)),
            }) as string;
            return { name: s.name, last: s.lastReviewDate, dueOn };
          });
          const vi = lines
            .map(
              (l) =>
                `“${l.name}” (${l.last ? `rà soát lần cuối ${vietnameseDateText(l.last)}` : 'chưa rà soát'}, đến hạn ${vietnameseDateText(l.dueOn)})`,
            )
            .join('; ');
          const en = lines
            .map(
              (l) => `“${l.name}” (${l.last ? `last reviewed ${l.last}` : 'never reviewed'}, due ${l.dueOn})`,
            )
            .join('; ');
          const result = await notifier.notify(trx, {
            kind: 'steer.system_review_due',
            recipients: { roles: [{ role: 'officer', unitId, reach: 'unit' }] },
            title: {
              vi: `Đến hạn rà soát ${list.length} hệ thống thông tin`,
              en: `${list.length} information system(s) due for review`,
            },
            body: {
              vi: `Các hệ thống thông tin của ${list[0].unitName} đã đến hạn rà soát, đánh giá định kỳ hằng năm: ${vi}. Đề nghị đơn vị rà soát và cập nhật kết quả trên DXBoard.`,
              en: `These information systems of ${list[0].unitName} are due for their yearly review: ${en}. Please review them and record the findings in DXBoard.`,
            },
            link: `/app/steer/systems?unitId=${unitId}`,
            idempotencyKey: `steer:system-review-due:unit:${unitId}:${month}`,
            urgent: false,
            isDemo: list.every((s) => s.isDemo === 1),
          });
          if (result.created) reviewDueUnits++;
        }
      });
      return { date, campaignUnits, reviewDueUnits, systemsDue: due.length };
    },
  };
}

/** The job's handler (every process runs workers). */
export function registerRegistersReminderJob(deps: Pick<Deps, 'jobs'>, job: RegistersReminderJob) {
  deps.jobs.registerHandler(REGISTERS_REMINDER_JOB, async () => {
    await job.run();
  });
}

/**
 * Start-up hook: a run at once (a restart still reminds today) and hourly; a run that finds nothing new costs two
 * queries and notifies nobody (the keys). With BullMQ the schedule is stored once however many processes declare it.
 */
export async function startRegistersJobsOnStartup(deps: Pick<Deps, 'jobs'>): Promise<string[]> {
  await deps.jobs.enqueue(REGISTERS_REMINDER_JOB, null, { jobId: 'steer_registers_reminders_startup' });
  await deps.jobs.schedule(REGISTERS_REMINDER_JOB, 60 * 60_000);
  return [];
}
