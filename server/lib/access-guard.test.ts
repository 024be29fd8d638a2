import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../test/helpers/unit-fixtures.js';
import { createAccessGuard } from './access-guard.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

const officerOf = (unitId: number): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'o@example.vn',
  fullName: 'O',
  sessionId: 's',
  grants: [{ role: 'officer', unitId }],
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
}

describe.each(testDialects())('access guard on %s', (dialect) => {
  let database: TestDatabase;
  let tree: UnitTree;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    tree = await createUnitTree(database.db);
  });
  afterAll(() => database.cleanup());

  it('forUnit answers 401, then 403 outside the scope, and returns the ancestors inside it', async () => {
    const guard = createAccessGuard(database.db);
    expect(await codeOf(guard.forUnit(null, 'measure.enter', tree.communeA))).toBe('UNAUTHENTICATED');
    expect(await codeOf(guard.forUnit(officerOf(tree.communeB), 'measure.enter', tree.communeA))).toBe(
      'FORBIDDEN',
    );
    const ok = await guard.forUnit(officerOf(tree.communeA), 'measure.enter', tree.communeA);
    expect(new Set(ok.ancestors)).toEqual(new Set([tree.communeA, tree.province]));
    // A unit unknown to the database has no ancestors: nobody's scope covers it.
    expect(await codeOf(guard.forUnit(officerOf(tree.province), 'measure.read', 987_654))).toBe('FORBIDDEN');
  });

  it('forEntity answers 401 before loading, 404 for an unknown entity, 403 outside the scope', async () => {
    const guard = createAccessGuard(database.db);
    let loads = 0;
    const load = (unitId: number | undefined) => async () => {
      loads++;
      return unitId === undefined ? undefined : { unitId, status: 'open' };
    };
    expect(await codeOf(guard.forEntity(null, 'measure.read', load(tree.communeA), (e) => e.unitId))).toBe(
      'UNAUTHENTICATED',
    );
    expect(loads).toBe(0);
    const actor = officerOf(tree.communeA);
    expect(await codeOf(guard.forEntity(actor, 'measure.read', load(undefined), (e) => e.unitId))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(guard.forEntity(actor, 'measure.read', load(tree.communeB), (e) => e.unitId))).toBe(
      'FORBIDDEN',
    );
    const ok = await guard.forEntity(actor, 'measure.read', load(tree.communeA), (e) => e.unitId);
    expect(ok.entity.unitId).toBe(tree.communeA);
  });

  it('applies a policy function that also looks at the entity', async () => {
    const guard = createAccessGuard(database.db);
    const closedOnly = (_a: Actor, ancestors: number[], e: { status: string }) =>
      ancestors.length > 0 && e.status === 'closed';
    const actor = officerOf(tree.communeA);
    const load = async () => ({ unitId: tree.communeA, status: 'open' });
    expect(await codeOf(guard.forEntity(actor, closedOnly, load, (e) => e.unitId))).toBe('FORBIDDEN');
  });
});
