import { addDays, fromDay, toDay } from '../steer/calendar.js';

// Answer deadlines of citizen reports, computed once when a report is assigned to a handling unit: N working
// days (Monday–Friday, minus the public holidays below, plus the Saturdays swapped into working days) or N
// calendar days after the day of assignment (Vietnam date). Pure; the server stores the result and derives
// "overdue" from it and today's Vietnam date.

export const DEADLINE_KINDS = ['working_days', 'days'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type WorkCalendar = {
  /** Days off that would otherwise be working days (public holidays, compensatory days). */
  holidays: ReadonlySet<string>;
  /** Saturdays or Sundays worked in exchange for a bridge day off. */
  workingWeekends: ReadonlySet<string>;
};

// Vietnam's public holidays (Labour Code 2019, art. 112) as the Government announced them for 2025–2027:
// New Year, Tết (Lunar New Year), Hùng Kings' day, 30/4 and 1/5, National Day 2/9 (two days), with the days
// given in compensation when a holiday falls on a weekend and the bridge days swapped for a Saturday.
const HOLIDAYS_2025_2027 = [
  // 2025
  '2025-01-01',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-04-07',
  '2025-04-30',
  '2025-05-01',
  '2025-05-02',
  '2025-09-01',
  '2025-09-02',
  // 2026
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-09-01',
  '2026-09-02',
  // 2027
  '2027-01-01',
  '2027-02-04',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];
// Saturdays worked to make a bridge day off (e.g. Friday 2/5/2025 swapped for Saturday 26/4/2025).
const WORKING_WEEKENDS_2025_2027 = ['2025-04-26', '2026-01-10'];

export const VIETNAM_CALENDAR: WorkCalendar = {
  holidays: new Set(HOLIDAYS_2025_2027),
  workingWeekends: new Set(WORKING_WEEKENDS_2025_2027),
};

/** 0 Sunday … 6 Saturday, for a day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

export function isWorkingDay(iso: string, calendar: WorkCalendar = VIETNAM_CALENDAR): boolean {
  if (calendar.workingWeekends.has(iso)) return true;
  const wd = weekdayOf(toDay(iso));
  if (wd === 0 || wd === 6) return false;
  return !calendar.holidays.has(iso);
}

/**
 * The deadline of a report assigned on `startDate` (Vietnam date): `amount` working days or calendar days
 * later. The assignment day itself does not count; a deadline of N working days is the N-th working day after.
 */
export function computeDeadline(
  startDate: string,
  amount: number,
  kind: DeadlineKind,
  calendar: WorkCalendar = VIETNAM_CALENDAR,
): string {
  if (!Number.isInteger(amount) || amount < 0 || amount > 365) throw new RangeError('deadline amount 0–365');
  if (kind === 'days') return addDays(startDate, amount);
  let day = toDay(startDate);
  let left = amount;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromDay(day), calendar)) left -= 1;
  }
  return fromDay(day);
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkCalendar = VIETNAM_CALENDAR,
): number {
  const a = toDay(from);
  const b = toDay(to);
  const sign = b >= a ? 1 : -1;
  let n = 0;
  for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) if (isWorkingDay(fromDay(d), calendar)) n++;
  return sign * n;
}

export type DeadlineState = 'none' | 'on_track' | 'due_soon' | 'overdue';

/**
 * Where a report stands against its deadline on `today`: overdue after the deadline while an answer is owed,
 * due soon on the deadline and the working day before it.
 */
export function deadlineState(
  deadline: string | null,
  today: string,
  awaitingAnswer: boolean,
  calendar: WorkCalendar = VIETNAM_CALENDAR,
): DeadlineState {
  if (!deadline || !awaitingAnswer) return 'none';
  if (today > deadline) return 'overdue';
  return workingDaysBetween(today, deadline, calendar) <= 1 ? 'due_soon' : 'on_track';
}

/** An answer given on `answeredDate` met the deadline (no deadline: on time). */
export const isOnTime = (answeredDate: string, deadline: string | null) =>
  deadline === null || answeredDate <= deadline;

/** Office hours of a working day, Vietnam time, as [start, end) minutes after midnight: 8:00–12:00, 13:00–17:00. */
export type OfficeHours = readonly (readonly [number, number])[];
export const VIETNAM_OFFICE_HOURS: OfficeHours = [
  [8 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];
const VN_OFFSET_MS = 7 * 3600_000;

/**
 * The instant `hours` working hours after `start` (an instant): only office hours of working days count. A report
 * that arrives at 16:00 on a Friday with 8 hours to be received is due at 16:00 on Monday (or later across a
 * holiday); one that arrives at night counts from the next morning's opening. Returned as ISO UTC.
 */
export function addWorkingHours(
  start: Date,
  hours: number,
  calendar: WorkCalendar = VIETNAM_CALENDAR,
  office: OfficeHours = VIETNAM_OFFICE_HOURS,
): string {
  if (!Number.isFinite(hours) || hours < 0 || hours > 2000) throw new RangeError('working hours 0–2000');
  let left = Math.round(hours * 3600_000); // milliseconds still to count
  if (left === 0) return start.toISOString();
  let t = start.getTime() + VN_OFFSET_MS; // Vietnam wall-clock, as if UTC
  let day = Math.floor(t / 86_400_000);
  for (let guard = 0; guard < 5000; guard++, day++) {
    if (!isWorkingDay(fromDay(day), calendar)) continue;
    for (const [from, to] of office) {
      const begin = Math.max(t, day * 86_400_000 + from * 60_000);
      const end = day * 86_400_000 + to * 60_000;
      if (begin >= end) continue;
      const take = Math.min(left, end - begin);
      left -= take;
      t = begin + take;
      if (left === 0) return new Date(t - VN_OFFSET_MS).toISOString();
    }
  }
  throw new RangeError('working hours beyond the calendar');
}

/** The calendar kept as data (feedback_calendar_days): days off and weekend days worked. */
export function calendarFromDays(
  days: readonly { day: string; kind: 'holiday' | 'working_day' }[],
): WorkCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workingWeekends: new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.day)),
  };
}
