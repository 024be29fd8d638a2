import { describe, expect, it } from 'vitest';
import { type Framework, FrameworkSchema } from '../../../../core/contracts/measure-framework.js';
import type { ScoresDeps } from '../measure.types.js';
import { FULL_VALUES, testFramework } from '../measure-test-fixtures.js';
import type { ContributionColumns } from './scores.repository.js';
import { createScoresService, frameworkStamp } from './scores.service.js';

// The scoring orchestration without a database: fake repositories record what the service asks for, so the
// tests show when a period is rescored, when cached sums are reused and what one edit makes it read again.

const PERIOD = { id: 5, frameworkId: 7, rootUnitId: 1 } as never;
const A = { submissionId: 101, unitId: 11, code: 'A', name: 'Xã A', type: 'Xã', kind: 'commune', level: 3 };
const B = {
  submissionId: 102,
  unitId: 12,
  code: 'B',
  name: 'Phường B',
  type: 'Phường',
  kind: 'commune',
  level: 3,
};
const B_VALUES = {
  C1: { number: 4 },
  C2: { numerator: 50, denominator: 50 },
  C3: { choice: 'none' },
  C4: { notApplicable: true },
};

function fakeDeps(framework: Framework) {
  const row = {
    id: 7,
    version: 1,
    updatedAt: '2026-03-01T00:00:00.000Z',
    definitionJson: JSON.stringify(framework),
  };
  // Stored contributions by submission: [mainIdx, pillarIdx, points, applicableMax] per component.
  const stored = new Map<number, [number, number, number, number][]>();
  const revisions = new Map<number, number>([
    [A.submissionId, 0],
    [B.submissionId, 0],
  ]);
  const state = { scoresStamp: null as string | null, scoresRevision: 0 };
  const calls = { replaceForPeriod: 0, sums: [] as (number[] | 'all')[], frameworkDefinitions: 0 };
  const values = new Map<number, object>([
    [A.submissionId, FULL_VALUES],
    [B.submissionId, B_VALUES],
  ]);
  const store = (c: ContributionColumns) => {
    for (const id of new Set(c.submissionIds)) stored.set(id, []);
    c.submissionIds.forEach((id, i) => {
      stored.get(id)?.push([c.mainIdx[i], c.pillarIdx[i], c.points[i], c.applicableMax[i]]);
    });
  };
  const bump = (ids: number[]) => {
    state.scoresRevision += 1;
    for (const id of ids) revisions.set(id, state.scoresRevision);
  };
  const deps = {
    db: { transaction: () => ({ execute: (work: (trx: unknown) => unknown) => work({}) }) },
    frameworks: {
      findStamp: async () => ({ id: row.id, version: row.version, updatedAt: row.updatedAt }),
      find: async () => {
        calls.frameworkDefinitions += 1;
        return row;
      },
    },
    periods: { groupsByUnit: async () => new Map<number, string[]>() },
    units: { findUnits: async (ids: number[]) => [A, B].filter((u) => ids.includes(u.unitId)).map(unitOf) },
    submissions: {
      listForPeriod: async () => [A, B].map((u) => ({ id: u.submissionId, unitId: u.unitId })),
      values: async () => [],
    },
    scores: {
      rawValuesForPeriod: async () =>
        [...values].map(([id, v]) => [id, JSON.stringify(v), null] as [number, string, null]),
      replaceForPeriod: async (_periodId: number, c: ContributionColumns, stamp: string) => {
        calls.replaceForPeriod += 1;
        // Another reader may arrive while this write is under way.
        await new Promise((resolve) => setTimeout(resolve, 5));
        stored.clear();
        store(c);
        bump([...revisions.keys()]);
        state.scoresStamp = stamp;
      },
      replaceForSubmission: async (ids: { submissionId: number }, c: ContributionColumns) => {
        store(c);
        bump([ids.submissionId]);
      },
      bumpRevision: async (_periodId: number, ids: number[]) => bump(ids),
      state: async () => ({ ...state }),
      changedSince: async (_periodId: number, revision: number) =>
        [...revisions]
          .filter(([, r]) => r > revision)
          .map(([id, scoresRevision]) => ({ id, scoresRevision })),
      sums: async (_periodId: number, only?: number[]) => {
        calls.sums.push(only ?? 'all');
        const out: [number, number, number, number, number][] = [];
        for (const [id, rows] of stored) {
          if (only && !only.includes(id)) continue;
          for (const [main, pillar, points, max] of rows) out.push([id, main, pillar, points, max]);
        }
        return out;
      },
      rankingUnits: async () => [A, B],
    },
  };
  return { deps: deps as unknown as ScoresDeps, calls, values, row };
}

const unitOf = (u: typeof A) => ({
  id: u.unitId,
  code: u.code,
  name: u.name,
  type: u.type,
  kind: u.kind,
  level: u.level,
});

/** Total points and applicable maximum from a row's node sums (main indices M1, M2 come first). */
const totals = (sums: Float64Array) => [sums[0] + sums[2], sums[1] + sums[3]];

describe('scores service orchestration (fake repositories)', () => {
  const framework = FrameworkSchema.parse(testFramework());

  it('rescores a period whose contributions follow another framework state, once for concurrent readers', async () => {
    const { deps, calls, row } = fakeDeps(framework);
    const service = createScoresService(deps);
    const [first, second] = await Promise.all([
      service.rankingRows(PERIOD, { cached: true }),
      service.rankingRows(PERIOD, { cached: true }),
    ]);
    expect(calls.replaceForPeriod).toBe(1);
    expect(first.frameworkRow.id).toBe(row.id);
    // A: 15 + 36 + 10 + 20 = 81 of 100. B: 20 + 40 + 0 of 80 (C4 not applicable).
    for (const result of [first, second]) {
      expect(result.rows.map((r) => [r.unitId, ...totals(r.sums)])).toEqual([
        [A.unitId, 81, 100],
        [B.unitId, 60, 80],
      ]);
    }
    expect(frameworkStamp(row)).toBe('7:2026-03-01T00:00:00.000Z');
  });

  it('reuses its cached sums and reads again only the submission an edit stamped', async () => {
    const { deps, calls } = fakeDeps(framework);
    const service = createScoresService(deps);
    await service.rankingRows(PERIOD, { cached: true });
    calls.sums.length = 0;
    await service.rankingRows(PERIOD, { cached: true });
    expect(calls.sums).toEqual([]);

    const ctx = { frameworkRow: {} as never, framework, scoringUnit: { kind: 'ward' as const, groups: [] } };
    const rows = [
      {
        componentCode: 'C1',
        rawJson: '{"number":1}',
        isNa: 0,
        appraisedRawJson: null,
        appraisedIsNa: 0,
        appraisedPoints: null,
      },
    ];
    const ids = { submissionId: B.submissionId, periodId: 5, unitId: B.unitId };
    await service.rescoreSubmission({} as never, ids, ctx, rows as never);
    const after = await service.rankingRows(PERIOD, { cached: true });
    expect(calls.sums).toEqual([[B.submissionId]]);
    // B now holds only C1 = 1 meeting: 5 points, every component applicable (100).
    expect(after.rows.map((r) => [r.unitId, ...totals(r.sums)])).toEqual([
      [A.unitId, 81, 100],
      [B.unitId, 5, 100],
    ]);
  });

  it('parses a framework state once per process, and inside a transaction reads every sum afresh', async () => {
    const { deps, calls } = fakeDeps(framework);
    const service = createScoresService(deps);
    await service.rankingRows(PERIOD, { cached: true });
    await service.rankingRows(PERIOD, { cached: true });
    expect(calls.frameworkDefinitions).toBe(1);
    calls.sums.length = 0;
    await service.rankingRows(PERIOD, { exec: {} as never });
    expect(calls.sums).toEqual(['all']);
  });
});
