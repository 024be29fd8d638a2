import type { ContestRound } from '../contracts/contest.js';

// Round windows are written as wall-clock times in Vietnam (UTC+7 all year, no daylight saving) and compared
// as UTC instants. An attempt belongs to the attempt round whose window contains its start, and to every
// board-only round whose window contains it too (a monthly board over weekly rounds).

const OFFSET_MS = 7 * 3600 * 1000;

/** 'YYYY-MM-DDTHH:mm' in Vietnam → the UTC instant (ISO). */
export function vietnamLocalToUtc(local: string): string {
  const [d, t] = local.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, min] = t.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, day, h, min) - OFFSET_MS).toISOString();
}

/** The instant → 'HH:mm ngày DD/MM/YYYY' in Vietnam. */
export function vietnamTimeText(iso: string): string {
  const v = new Date(new Date(iso).getTime() + OFFSET_MS).toISOString();
  return `${v.slice(11, 16)} ngày ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

export function isWithin(round: Pick<ContestRound, 'startsAt' | 'endsAt'>, instant: string): boolean {
  return instant >= vietnamLocalToUtc(round.startsAt) && instant < vietnamLocalToUtc(round.endsAt);
}

/** The attempt round open at `instant`, if any. */
export function attemptRoundAt(rounds: readonly ContestRound[], instant: string): ContestRound | undefined {
  return rounds.find((r) => !r.boardOnly && isWithin(r, instant));
}

/** Every round (attempt or board) whose window contains an attempt started at `instant`. */
export function roundsOfAttempt(rounds: readonly ContestRound[], startedAt: string): ContestRound[] {
  return rounds.filter((r) => isWithin(r, startedAt));
}

export function hasEnded(round: Pick<ContestRound, 'endsAt'>, instant: string): boolean {
  return instant >= vietnamLocalToUtc(round.endsAt);
}
