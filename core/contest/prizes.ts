import type { CollectiveFormula, PrizeTier } from '../contracts/contest.js';
import { PRIZE_TIERS } from '../contracts/contest.js';

// Prize allocation. Individual prizes: per board (round × group) down the ranking, tier by tier as the group's
// prize table says, skipping the ineligible (organisers, people flagged by a human) and — with one prize per
// person — anyone who already won in an earlier round (rounds are allocated in the order given). Collective
// prizes: units ranked by a formula of the thể lệ (participation rate; rate plus prize points; total).

export type PrizeLine = { tier: PrizeTier; count: number };
export type Board = { roundKey: string; groupKey: string; ranked: readonly { participantId: number }[] };
export type Award = { roundKey: string; groupKey: string; participantId: number; tier: PrizeTier };

export function allocatePrizes(
  boards: readonly Board[],
  tables: Readonly<Record<string, readonly PrizeLine[]>>,
  opts: { onePrizePerPerson: boolean; ineligible?: ReadonlySet<number> },
): Award[] {
  const awards: Award[] = [];
  const won = new Set<number>();
  for (const board of boards) {
    const table = [...(tables[board.groupKey] ?? [])].sort(
      (a, b) => PRIZE_TIERS.indexOf(a.tier) - PRIZE_TIERS.indexOf(b.tier),
    );
    const slots: PrizeTier[] = table.flatMap((line) => Array<PrizeTier>(line.count).fill(line.tier));
    const seenHere = new Set<number>();
    let next = 0;
    for (const entry of board.ranked) {
      if (next >= slots.length) break;
      const id = entry.participantId;
      if (seenHere.has(id) || opts.ineligible?.has(id) || (opts.onePrizePerPerson && won.has(id))) continue;
      seenHere.add(id);
      won.add(id);
      awards.push({
        roundKey: board.roundKey,
        groupKey: board.groupKey,
        participantId: id,
        tier: slots[next++],
      });
    }
  }
  return awards;
}

export type UnitParticipation = { unitId: number; headcount: number | null; participants: number };
export type CollectiveEntry = {
  unitId: number;
  participants: number;
  headcount: number | null;
  rate: number | null;
  prizePoints: number;
  /** null: not ranked (a rate formula and no headcount). */
  score: number | null;
  rank: number | null;
  prize: string | null;
};

/**
 * Collective scores: 'rate' = participants ÷ headcount × 100 (70% = 70 points, capped at 100); 'rate_plus_points'
 * adds the points of the unit's individual prizes; 'total' = participants. Ties go to the larger unit's
 * participants, then the lower unit id. Prize labels are handed out in order with their counts.
 */
export function collectivePrizes(
  units: readonly UnitParticipation[],
  awards: readonly { tier: PrizeTier; unitId: number | null }[],
  opts: {
    formula: CollectiveFormula;
    points: Readonly<Record<PrizeTier, number>>;
    prizes: readonly { label: string; count: number }[];
  },
): CollectiveEntry[] {
  const pointsOf = new Map<number, number>();
  for (const a of awards) {
    if (a.unitId !== null) pointsOf.set(a.unitId, (pointsOf.get(a.unitId) ?? 0) + opts.points[a.tier]);
  }
  const rows: CollectiveEntry[] = units.map((u) => {
    const rate = u.headcount && u.headcount > 0 ? Math.min(1, u.participants / u.headcount) : null;
    const prizePoints = pointsOf.get(u.unitId) ?? 0;
    const ratePoints = rate === null ? null : Math.round(rate * 10000) / 100;
    const score =
      opts.formula === 'total'
        ? u.participants
        : ratePoints === null
          ? null
          : opts.formula === 'rate'
            ? ratePoints
            : ratePoints + prizePoints;
    return {
      unitId: u.unitId,
      participants: u.participants,
      headcount: u.headcount,
      rate,
      prizePoints,
      score,
      rank: null,
      prize: null,
    };
  });
  const ranked = rows
    .filter((r) => r.score !== null)
    .sort(
      (a, b) =>
        (b.score as number) - (a.score as number) || b.participants - a.participants || a.unitId - b.unitId,
    );
  const slots = opts.prizes.flatMap((p) => Array<string>(p.count).fill(p.label));
  ranked.forEach((r, i) => {
    r.rank = i + 1;
    r.prize = slots[i] ?? null;
  });
  return [...ranked, ...rows.filter((r) => r.score === null).sort((a, b) => a.unitId - b.unitId)];
}
