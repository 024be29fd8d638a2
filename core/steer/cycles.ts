import { CYCLE_MONTHS, dayOf, fromDay, lastDayOfMonth, toDay } from './calendar.js';
import type { DeadlineCycle } from './types.js';

// Judges an ongoing task ("Thường xuyên", "Hằng quý") cycle by cycle. Cycles are the calendar months,
// quarters, half-years or years from the one containing the task's start; each needs one progress report
// dated within it. A report is attributed to the earliest cycle that has started and is still unreported, so
// a missed cycle stays overdue until a report comes in, and that report then counts as late for it (the
// product rule: "missing a cycle's report counts as late for that cycle").

export type CycleOutcome = {
  start: string;
  end: string;
  /** The report attributed to this cycle, or null when none came in by the as-of date. */
  reportedOn: string | null;
  /** Days after the cycle's end that the report came (or, unreported, the days until the as-of date). */
  daysLate: number;
};

export type CycleJudgement = {
  /** Cycles that ended before the cut-off and were reported late or not at all, oldest first. */
  missed: CycleOutcome[];
  /** The oldest ended cycle still unreported as of the date. */
  firstUnreported: CycleOutcome | null;
  /** The cycle the as-of date falls in (null once the obligation or the task has ended). */
  current: { start: string; end: string; reported: boolean } | null;
  /** The first cycle, when the obligation has not started yet as of the date. */
  upcoming: { start: string; end: string } | null;
};

/**
 * `start`/`end` bound the obligation (end null = open-ended); `reports` are day numbers, ascending, none after
 * `asOf`; `closedOn` (a day number ≤ asOf) is when the task was reported done: cycles ending on or after it
 * are covered by that report.
 */
export function judgeCycles(
  cycle: DeadlineCycle,
  start: string,
  end: string | null,
  reports: readonly number[],
  asOf: number,
  closedOn: number | null = null,
): CycleJudgement {
  const startDay = toDay(start);
  const endDay = end === null ? Number.POSITIVE_INFINITY : toDay(end);
  const limit = closedOn ?? asOf;
  const missed: CycleOutcome[] = [];
  let firstUnreported: CycleOutcome | null = null;
  const size = CYCLE_MONTHS[cycle];
  // Walk the calendar periods by (year, first month) in day numbers: strings only for what is returned.
  let year = Number(start.slice(0, 4));
  let month = Math.floor((Number(start.slice(5, 7)) - 1) / size) * size + 1;
  const periodEnd = () => dayOf(year, month + size - 1, lastDayOfMonth(year, month + size - 1));
  if (startDay > asOf) {
    return {
      missed,
      firstUnreported,
      current: null,
      upcoming: { start, end: fromDay(Math.min(periodEnd(), endDay)) },
    };
  }
  let next = 0;
  for (;;) {
    const cStart = Math.max(dayOf(year, month, 1), startDay);
    const cEnd = Math.min(periodEnd(), endDay);
    if (cStart > limit || cStart > endDay) break;
    while (next < reports.length && reports[next] < cStart) next++;
    const report = next < reports.length ? reports[next] : null;
    if (cEnd >= limit) {
      // The cycle the cut-off falls in: not yet due (or covered by the done report).
      const current =
        closedOn === null ? { start: fromDay(cStart), end: fromDay(cEnd), reported: report !== null } : null;
      return { missed, firstUnreported, current, upcoming: null };
    }
    if (report !== null) next++;
    if (report === null || report > cEnd) {
      const outcome: CycleOutcome = {
        start: fromDay(cStart),
        end: fromDay(cEnd),
        reportedOn: report === null ? null : fromDay(report),
        daysLate: (report ?? limit) - cEnd,
      };
      missed.push(outcome);
      if (report === null && firstUnreported === null) firstUnreported = outcome;
    }
    if (cEnd >= endDay) break;
    month += size;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return { missed, firstUnreported, current: null, upcoming: null };
}
