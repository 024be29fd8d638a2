// Participation by block of units (khối: departments, communes/wards, districts — the peer groups the
// province already ranks by, core/units/kind.ts) and the laggard list of the daily bulletin.
//
// A laggard is a unit with a headcount whose participation rate is under half its block's rate (or that has
// nobody taking part while its block has someone): the bulletin names the units far behind their peers rather
// than simply the last ten, which would always name the small communes.

export type UnitParticipationRow = {
  unitId: number;
  unitName: string;
  block: string;
  participants: number;
  attempts: number;
  headcount: number | null;
};

export type BlockParticipation = {
  block: string;
  units: number;
  participants: number;
  attempts: number;
  /** Headcount of the units that have one; the rate counts only their participants. */
  headcount: number | null;
  rate: number | null;
};

export const LAGGARD_SHARE = 0.5;

export const rateOf = (participants: number, headcount: number | null) =>
  headcount ? Math.min(1, participants / headcount) : null;

export function participationByBlock(rows: readonly UnitParticipationRow[]): BlockParticipation[] {
  const blocks = new Map<string, BlockParticipation & { counted: number }>();
  for (const r of rows) {
    const b = blocks.get(r.block) ?? {
      block: r.block,
      units: 0,
      participants: 0,
      attempts: 0,
      headcount: null,
      rate: null,
      counted: 0,
    };
    b.units++;
    b.participants += r.participants;
    b.attempts += r.attempts;
    if (r.headcount) {
      b.headcount = (b.headcount ?? 0) + r.headcount;
      b.counted += Math.min(r.participants, r.headcount);
    }
    blocks.set(r.block, b);
  }
  return [...blocks.values()]
    .map(({ counted, ...b }) => ({ ...b, rate: b.headcount ? counted / b.headcount : null }))
    .sort((a, b) => a.block.localeCompare(b.block));
}

export function laggards(rows: readonly UnitParticipationRow[]) {
  const blockRate = new Map(participationByBlock(rows).map((b) => [b.block, b.rate]));
  return rows
    .filter((r) => r.headcount)
    .map((r) => ({ ...r, rate: rateOf(r.participants, r.headcount) as number }))
    .filter((r) => {
      const peer = blockRate.get(r.block) ?? null;
      return peer !== null && peer > 0 && r.rate < LAGGARD_SHARE * peer;
    })
    .sort((a, b) => a.rate - b.rate || a.unitName.localeCompare(b.unitName, 'vi'));
}
