import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhoneDigits, normalisePhone } from './community.js';
import {
  activityDateProblem,
  expectedByMonth,
  fillMonths,
  findLaggards,
  pageOfRollup,
  sumAreas,
  trainedRate,
} from './rollup.js';

describe('normalisePhone', () => {
  it('accepts Vietnamese numbers written the usual ways', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('0208-3855-123')).toBe('02083855123');
  });
  it('refuses what is not a phone number', () => {
    for (const bad of ['12345', '0112345678', '09123456789', 'abc0912345678', '', '091234567x', '0012345678'])
      expect(normalisePhone(bad)).toBeNull();
  });
  it('keeps only 10 digits starting with 0 (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const n = normalisePhone(s);
        return n === null || /^0[35789]\d{8}$/.test(n) || /^02\d{9}$/.test(n);
      }),
    );
  });
  it('masks all but the first and last three digits', () => {
    expect(maskPhoneDigits('0912345678')).toBe('091****678');
    fc.assert(
      fc.property(fc.stringMatching(/^0[35789]\d{8}$/), (p) => {
        const m = maskPhoneDigits(p);
        return m === `${p.slice(0, 3)}****${p.slice(-3)}`;
      }),
    );
  });
});

describe('roll-ups and laggards', () => {
  it('fills the twelve months with running totals', () => {
    const months = fillMonths([
      { month: 2, sessions: 3, people: 40, households: 10 },
      { month: 5, sessions: 1, people: 5, households: 2 },
    ]);
    expect(months).toHaveLength(12);
    expect(months[0]).toMatchObject({ sessions: 0, cumSessions: 0 });
    expect(months[4]).toMatchObject({ month: 5, sessions: 1, cumSessions: 4, cumPeople: 45 });
    expect(months[11].cumPeople).toBe(45);
  });
  it('running totals equal the sum (property)', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer({ min: 1, max: 12 }))
          .chain((ms) =>
            fc.tuple(fc.constant(ms), fc.array(fc.nat(1000), { minLength: ms.length, maxLength: ms.length })),
          ),
        ([ms, ns]) => {
          const rows = ms.map((m, i) => ({ month: m, sessions: ns[i], people: ns[i] * 2, households: 0 }));
          const filled = fillMonths(rows);
          return filled[11].cumSessions === ns.reduce((a, b) => a + b, 0);
        },
      ),
    );
  });
  it('prorates a yearly target by month', () => {
    expect(expectedByMonth(12, 6)).toBe(6);
    expect(expectedByMonth(10, 1)).toBe(1);
    expect(expectedByMonth(10, 12)).toBe(10);
    expect(expectedByMonth(10, 0)).toBe(0);
  });
  it('names laggards, worst first, with their reasons', () => {
    const commune = (id: number, name: string, teams: number, sessions: number, people: number) => ({
      communeId: id,
      communeName: name,
      teams,
      months: [{ month: 3, sessions, people, households: 0 }],
    });
    const targets = new Map([
      [1, { teams: 5, sessions: 24, people: 600 }],
      [2, { teams: 3, sessions: 24, people: 600 }],
      [3, { teams: null, sessions: null, people: null }],
    ]);
    const lag = findLaggards(
      [
        commune(1, 'Xã An', 5, 6, 150), // exactly on track through June? expected 12/300 → lags
        commune(2, 'Xã Bình', 3, 12, 300), // on track
        commune(3, 'Xã Cao', 2, 0, 0), // no target, nothing logged
        commune(4, 'Xã Đông', 0, 0, 0), // no team, no target: not judged
      ],
      targets,
      6,
    );
    expect(lag.map((l) => l.communeId)).toEqual([3, 1]);
    expect(lag[1]).toMatchObject({ reasons: ['sessions', 'people'], expectedSessions: 12, attainment: 0.5 });
    expect(lag[0].reasons).toEqual(['no_activity']);
  });
  it('a commune meeting every pro-rata target never lags (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(500), fc.nat(5000), (m, s, p) => {
        const c = {
          communeId: 1,
          communeName: 'X',
          teams: 3,
          months: [
            { month: 1, sessions: expectedByMonth(s, m), people: expectedByMonth(p, m), households: 0 },
          ],
        };
        return findLaggards([c], new Map([[1, { teams: 3, sessions: s, people: p }]]), m).length === 0;
      }),
    );
  });
  it('checks activity dates against the team and today', () => {
    expect(activityDateProblem('2026-12-07', '2025-01-01', '2026-12-06')).toBe('future');
    expect(activityDateProblem('2024-12-31', '2025-01-01', '2026-12-06')).toBe('before_team');
    expect(activityDateProblem('2026-12-06', '2025-01-01', '2026-12-06')).toBeNull();
  });
  it('rates officials trained against headcount', () => {
    expect(trainedRate(5, 20)).toBe(0.25);
    expect(trainedRate(30, 20)).toBe(1);
    expect(trainedRate(3, null)).toBeNull();
  });
});

describe('sumAreas and pageOfRollup', () => {
  it('sums communes into the areas that hold them, counting laggards and communes with teams', () => {
    const membership = [
      { areaId: 1, areaName: 'Tỉnh A', communeId: 10 },
      { areaId: 1, areaName: 'Tỉnh A', communeId: 11 },
      { areaId: 2, areaName: 'Tỉnh B', communeId: 20 },
      { areaId: 3, areaName: 'Tỉnh C', communeId: 99 }, // no figures for it: an empty area
    ];
    const communes = [
      { communeId: 10, teams: 2, sessions: 5, people: 40 },
      { communeId: 11, teams: 0, sessions: 0, people: 0 },
      { communeId: 20, teams: 1, sessions: 3, people: 7 },
      { communeId: 30, teams: 9, sessions: 9, people: 9 }, // in no area
    ];
    expect(sumAreas(membership, communes, new Set([11, 20]))).toEqual([
      {
        unitId: 1,
        unitName: 'Tỉnh A',
        communes: 2,
        communesWithTeams: 1,
        teams: 2,
        sessions: 5,
        people: 40,
        laggards: 1,
      },
      {
        unitId: 2,
        unitName: 'Tỉnh B',
        communes: 1,
        communesWithTeams: 1,
        teams: 1,
        sessions: 3,
        people: 7,
        laggards: 1,
      },
      {
        unitId: 3,
        unitName: 'Tỉnh C',
        communes: 0,
        communesWithTeams: 0,
        teams: 0,
        sessions: 0,
        people: 0,
        laggards: 0,
      },
    ]);
  });

  it('pages both lists with the same offset and limit; the pages put together are the whole lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 40 }),
        fc.array(fc.integer(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 15 }),
        (communes, laggards, limit) => {
          const view = { communes, laggards, totals: 'kept' };
          const pages = [];
          for (let offset = 0; offset < Math.max(communes.length, laggards.length, 1); offset += limit)
            pages.push(pageOfRollup(view, offset, limit));
          expect(pages.flatMap((p) => p.communes)).toEqual(communes);
          expect(pages.flatMap((p) => p.laggards)).toEqual(laggards);
          for (const p of pages) {
            expect(p.totals).toBe('kept');
            expect(p.communes.length).toBeLessThanOrEqual(limit);
            expect(p.page).toMatchObject({ limit, communes: communes.length, laggards: laggards.length });
          }
        },
      ),
    );
  });
});
