import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePrizes, collectivePrizes, type PrizeLine } from './prizes.js';

// The seed article's tables: group 1 (officials) 1/3/5/10, group 2 (citizens) 1/5/10/15.
const TABLES: Record<string, PrizeLine[]> = {
  officials: [
    { tier: 'first', count: 1 },
    { tier: 'second', count: 3 },
    { tier: 'third', count: 5 },
    { tier: 'consolation', count: 10 },
  ],
  citizens: [
    { tier: 'first', count: 1 },
    { tier: 'second', count: 5 },
    { tier: 'third', count: 10 },
    { tier: 'consolation', count: 15 },
  ],
};
const people = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ participantId: from + i }));

describe('individual prizes', () => {
  it('fills each group’s table down its ranking: 19 + 31 prizes', () => {
    const awards = allocatePrizes(
      [
        { roundKey: 'r1', groupKey: 'officials', ranked: people(1, 100) },
        { roundKey: 'r1', groupKey: 'citizens', ranked: people(1001, 100) },
      ],
      TABLES,
      { onePrizePerPerson: true },
    );
    const count = (g: string, t: string) => awards.filter((a) => a.groupKey === g && a.tier === t).length;
    expect([
      count('officials', 'first'),
      count('officials', 'second'),
      count('officials', 'third'),
      count('officials', 'consolation'),
    ]).toEqual([1, 3, 5, 10]);
    expect([
      count('citizens', 'first'),
      count('citizens', 'second'),
      count('citizens', 'third'),
      count('citizens', 'consolation'),
    ]).toEqual([1, 5, 10, 15]);
    expect(awards.find((a) => a.participantId === 1)?.tier).toBe('first');
    expect(awards.find((a) => a.participantId === 4)?.tier).toBe('second');
    expect(awards.find((a) => a.participantId === 5)?.tier).toBe('third');
    expect(awards.some((a) => a.participantId === 20)).toBe(false);
  });

  it('one prize per person across rounds: a week-1 winner is skipped in week 2; ineligible people are skipped', () => {
    const table = {
      g: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
      ] as PrizeLine[],
    };
    const awards = allocatePrizes(
      [
        { roundKey: 'w1', groupKey: 'g', ranked: people(1, 5) },
        {
          roundKey: 'w2',
          groupKey: 'g',
          ranked: [{ participantId: 1 }, { participantId: 3 }, { participantId: 2 }, { participantId: 4 }],
        },
      ],
      table,
      { onePrizePerPerson: true, ineligible: new Set([3]) },
    );
    expect(awards.map((a) => `${a.roundKey}:${a.participantId}:${a.tier}`)).toEqual([
      'w1:1:first',
      'w1:2:second',
      'w2:4:first',
    ]);
    const again = allocatePrizes([{ roundKey: 'w2', groupKey: 'g', ranked: people(1, 3) }], table, {
      onePrizePerPerson: false,
    });
    expect(again.length).toBe(2);
  });

  it('never exceeds the table, gives each person at most one prize per board and is deterministic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        (ids, counts, once) => {
          const table = {
            g: (['first', 'second', 'third', 'consolation'] as const).map((tier, i) => ({
              tier,
              count: counts[i],
            })),
          };
          const boards = [
            { roundKey: 'a', groupKey: 'g', ranked: ids.map((participantId) => ({ participantId })) },
            {
              roundKey: 'b',
              groupKey: 'g',
              ranked: [...ids].reverse().map((participantId) => ({ participantId })),
            },
          ];
          const awards = allocatePrizes(boards, table, { onePrizePerPerson: once });
          for (const round of ['a', 'b']) {
            const inRound = awards.filter((x) => x.roundKey === round);
            expect(inRound.length).toBeLessThanOrEqual(counts.reduce((s, c) => s + c, 0));
            for (const [i, tier] of (['first', 'second', 'third', 'consolation'] as const).entries())
              expect(inRound.filter((x) => x.tier === tier).length).toBeLessThanOrEqual(counts[i]);
            expect(new Set(inRound.map((x) => x.participantId)).size).toBe(inRound.length);
          }
          if (once) expect(new Set(awards.map((x) => x.participantId)).size).toBe(awards.length);
          expect(allocatePrizes(boards, table, { onePrizePerPerson: once })).toEqual(awards);
        },
      ),
    );
  });
});

describe('collective prizes (research §1.2, source I: rate % + 10/8/6 points)', () => {
  const units = [
    { unitId: 1, headcount: 200, participants: 140 }, // 70
    { unitId: 2, headcount: 100, participants: 90 }, // 90
    { unitId: 3, headcount: 50, participants: 30 }, // 60
    { unitId: 4, headcount: null, participants: 500 },
  ];
  const awards = [
    { tier: 'first' as const, unitId: 3 },
    { tier: 'second' as const, unitId: 3 },
    { tier: 'third' as const, unitId: 1 },
  ];
  const points = { first: 10, second: 8, third: 6, consolation: 4 };
  const prizes = [
    { label: 'Giải Nhất tập thể', count: 1 },
    { label: 'Giải Nhì tập thể', count: 1 },
  ];

  it('rate plus prize points, hand-computed', () => {
    const rows = collectivePrizes(units, awards, { formula: 'rate_plus_points', points, prizes });
    expect(rows.map((r) => [r.unitId, r.score, r.rank, r.prize])).toEqual([
      [2, 90, 1, 'Giải Nhất tập thể'],
      [3, 78, 2, 'Giải Nhì tập thể'],
      [1, 76, 3, null],
      [4, null, null, null],
    ]);
  });

  it('rate alone, and total participants (no headcount needed)', () => {
    expect(collectivePrizes(units, awards, { formula: 'rate', points, prizes }).map((r) => r.unitId)).toEqual(
      [2, 1, 3, 4],
    );
    expect(
      collectivePrizes(units, awards, { formula: 'total', points, prizes }).map((r) => r.unitId),
    ).toEqual([4, 1, 2, 3]);
  });
});
