import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/helpers/test-db.js';
import { compiledOnce, prepared } from './prepared.js';

// A query compiled once binds each call's arguments where the build put them (an argument used twice, constant
// parameters kept), and its rows go through the plugins (camelCase) as any query's do.

describe.each(testDialects())('compiledOnce on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.cleanup());

  it('binds each call its own arguments, in every place, with constants kept', async () => {
    const { db } = database;
    const names = ['units', 'unit_lineage'];
    const query = compiledOnce((a: string, b: string) =>
      db
        .selectFrom('dataRevisions')
        .select(['name', 'revision'])
        .where((eb) => eb.or([eb('name', '=', a), eb('name', '=', b), eb('name', 'in', names)]))
        .orderBy('name'),
    );
    const run = async (a: string, b: string) =>
      (await db.executeQuery(prepared(db, query(a, b)))).rows.map((r) => r.name);
    expect(await run('kpi_values', 'kpi_targets')).toEqual([
      'kpi_targets',
      'kpi_values',
      'unit_lineage',
      'units',
    ]);
    expect(await run('steer_tasks', 'steer_tasks')).toEqual(['steer_tasks', 'unit_lineage', 'units']);
    expect(query('x', 'y').sql).toBe(query('z', 'w').sql);
    const row = (await db.executeQuery(query('units', 'units'))).rows[0];
    expect(Object.keys(row).sort()).toEqual(['name', 'revision']);
  });
});
