import { describe, expect, it } from 'vitest';
import { FrameworkSchema } from '../../../../core/contracts/measure-framework.js';
import type { Reader } from '../../../db/executor.js';
import { createAccessGuard } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import { canEnterUnit, canPreviewUnit, canReadUnit } from '../measure.policy.js';
import type { ContextDeps } from '../measure.types.js';
import { testFramework } from '../measure-test-fixtures.js';
import { loadSubmissionContext } from './submission-context.js';

// Measure's access through the one guard, without a database: unit_closure and the repositories are fakes.
// The unit is named by the request, so the order is 401 → 403 → 404: nobody learns whether a period or a
// submission exists for a unit they may not see.

const PROVINCE = 1;
const WARD_A = 10;
const COMMUNE_B = 11;
const closure: Record<number, number[]> = {
  [PROVINCE]: [PROVINCE],
  [WARD_A]: [WARD_A, PROVINCE],
  [COMMUNE_B]: [COMMUNE_B, PROVINCE],
};

/** unit_closure as the guard reads it: selectFrom → select → where(descendantId = id) → execute. */
const closureReader = {
  selectFrom: () => ({
    select: () => ({
      where: (_column: string, _op: string, unitId: number) => ({
        execute: async () => (closure[unitId] ?? []).map((ancestorId) => ({ ancestorId })),
      }),
    }),
  }),
} as unknown as Reader;

const user = (role: 'secretariat' | 'officer' | 'leader', unitId: number): Actor => ({
  kind: 'user',
  userId: unitId * 100,
  email: `${role}@test`,
  fullName: role,
  sessionId: 's',
  grants: [{ role, unitId }],
});

const framework = FrameworkSchema.parse(testFramework());
const deps = {
  guard: createAccessGuard(closureReader),
  units: {
    findUnit: async (id: number) =>
      id === WARD_A
        ? { id, code: 'A', name: 'Phường A', type: 'Phường', kind: 'commune', level: 3 }
        : undefined,
  },
  periods: {
    find: async (id: number) => (id === 5 ? { id: 5, frameworkId: 7, status: 'open' } : undefined),
    periodUnitGroups: async () => ['pilot'],
  },
  frameworks: { find: async () => ({ id: 7, definitionJson: JSON.stringify(framework) }) },
  submissions: { find: async () => undefined, values: async () => [] },
} as unknown as ContextDeps;

const load = (actor: Actor | null, unitId: number, rule = canReadUnit, periodId = 5) =>
  loadSubmissionContext(deps, actor, { periodId, unitId }, rule);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('submission context through the access guard', () => {
  it('answers 401, then 403 before anything about the unit, then 404', async () => {
    expect(await codeOf(load(null, WARD_A))).toBe('UNAUTHENTICATED');
    // An officer of another commune learns nothing, not even whether the period exists.
    expect(await codeOf(load(user('officer', COMMUNE_B), WARD_A, canReadUnit, 999))).toBe('FORBIDDEN');
    expect(await codeOf(load(user('officer', WARD_A), WARD_A, canReadUnit, 999))).toBe('NOT_FOUND');
    // A unit nobody's scope covers (no closure rows) is a 403, never a 404.
    expect(await codeOf(load(user('secretariat', PROVINCE), 4242))).toBe('FORBIDDEN');
  });

  it('applies the rule it is given: a leader reads but neither enters nor previews', async () => {
    const leader = user('leader', PROVINCE);
    expect(await codeOf(load(leader, WARD_A, canReadUnit))).toBe('ok');
    expect(await codeOf(load(leader, WARD_A, canEnterUnit))).toBe('FORBIDDEN');
    expect(await codeOf(load(leader, WARD_A, canPreviewUnit))).toBe('FORBIDDEN');
    expect(await codeOf(load(user('secretariat', PROVINCE), WARD_A, canPreviewUnit))).toBe('ok');
  });

  it('returns the signed-in actor, the unit’s ancestors and its measure kind and groups', async () => {
    const officer = user('officer', WARD_A);
    const ctx = await load(officer, WARD_A, canEnterUnit);
    expect(ctx.actor).toBe(officer);
    expect(ctx.ancestors).toEqual([WARD_A, PROVINCE]);
    expect(ctx.scoringUnit).toEqual({ kind: 'ward', groups: ['pilot'] });
    expect(ctx.framework.code).toBe(framework.code);
    expect(ctx.submission).toBeUndefined();
  });
});
