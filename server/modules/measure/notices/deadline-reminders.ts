import type { Kysely } from 'kysely';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { DB } from '../../../db/schema.js';
import type { Clock } from '../../../lib/clock.js';
import type { MeasureNotices } from '../measure.types.js';
import type { RemindersRepository } from './reminders.repository.js';

// The daily deadline reminder: the officers of every unit of an open period that has not sent its
// self-assessment (none, draft or returned) are told `days` days before the period's due date (or on the first
// run inside that window). One reminder per unit and due date: the idempotency key makes a second run, in any
// process, a no-op; a deadline moved later gives a new reminder.

export const MEASURE_DEADLINE_JOB = 'measure_deadline_reminders';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type DeadlineRemindersDeps = {
  db: Kysely<DB>;
  reminders: RemindersRepository;
  clock: Clock;
  notices: MeasureNotices;
  /** How many days before the due date (MEASURE_REMIND_DAYS). */
  days: number;
};

export function createDeadlineReminders(deps: DeadlineRemindersDeps) {
  const { db, reminders, clock, notices, days } = deps;
  return {
    /** Records the reminders due today; returns how many were new. */
    async run(): Promise<{ date: string; reminded: number }> {
      const today = vietnamDate(clock.now());
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
      const rows = await reminders.unsent(today, until);
      let reminded = 0;
      for (const r of rows) {
        const daysLeft = daysBetween(today, r.dueOn);
        // One transaction per unit: a failure part-way leaves the others recorded, and the next run finds the rest.
        const result = await db
          .transaction()
          .execute((trx) =>
            notices.deadlineSoon(
              trx,
              { periodId: r.periodId, periodName: r.periodName, unitId: r.unitId, unitName: r.unitName },
              { dueOn: r.dueOn, daysLeft },
            ),
          );
        if (result.created) reminded++;
      }
      return { date: today, reminded };
    },
  };
}
export type DeadlineReminders = ReturnType<typeof createDeadlineReminders>;
