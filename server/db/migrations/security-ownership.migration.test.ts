import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import { isPostgres } from '../dialect.js';
import type { DB } from '../schema.js';
import { up } from './2026-12-06-0100-security-ownership.js';
import { migrations } from './index.js';

// The ownership migration of issue 8 on an install that already holds data: existing files get a random public
// id and the unit of the evidence they are attached to; existing frameworks go to the top-level unit above the
// periods that use them, else to the first current top-level unit.

const BEFORE = '2026-11-22-0300-measure-period-targets';
const now = '2026-01-01T00:00:00.000Z';

async function migrateTo(db: Kysely<DB>, name: string) {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error;
}

describe.each(testDialects())('the ownership migration over existing data on %s', (dialect) => {
  let database: TestDatabase;
  let tree: UnitTree;
  const ids = { used: 0, unused: 0, attached: 0, loose: 0 };

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { migrate: false });
    await migrateTo(database.db, BEFORE);
    tree = await createUnitTree(database.db);
    // DB describes the latest schema; these rows are written into the schema as it was before the migration.
    // biome-ignore lint/suspicious/noExplicitAny: an older schema than the generated types.
    const db = database.db as unknown as Kysely<any>;
    const framework = (code: string) =>
      db
        .insertInto('measureFrameworks')
        .values({
          code,
          version: 1,
          name: code,
          status: 'draft',
          definitionJson: '{}',
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    ids.used = (await framework('USED')).id;
    ids.unused = (await framework('UNUSED')).id;
    const period = await db
      .insertInto('measurePeriods')
      .values({
        name: 'Kỳ',
        year: 2025,
        frameworkId: ids.used,
        rootUnitId: tree.communeA,
        assignmentJson: '{}',
        opensOn: '2026-01-01',
        dueOn: '2026-02-01',
        status: 'open',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const submission = await db
      .insertInto('measureSubmissions')
      .values({ periodId: period.id, unitId: tree.communeA, status: 'draft', createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = (key: string) =>
      db
        .insertInto('files')
        .values({
          sha256: key,
          mime: 'image/png',
          size: 1,
          originalName: key,
          storageKey: key,
          createdAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    ids.attached = (await file('attached')).id;
    ids.loose = (await file('loose')).id;
    await db
      .insertInto('measureEvidence')
      .values({ submissionId: submission.id, componentCode: 'C1', fileId: ids.attached, createdAt: now })
      .execute();
    await up(db);
  });
  afterAll(async () => database?.cleanup());

  it('gives every existing file a distinct random public id and the unit of its evidence', async () => {
    const rows = await database.db
      .selectFrom('files')
      .select(['id', 'publicId', 'unitId'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.publicId)).toEqual([
      expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      expect.any(String),
    ]);
    expect(new Set(rows.map((r) => r.publicId)).size).toBe(2);
    expect(rows.find((r) => r.id === ids.attached)?.unitId).toBe(tree.communeA);
    expect(rows.find((r) => r.id === ids.loose)?.unitId).toBeNull();
  });

  it('gives every existing framework to a top-level unit', async () => {
    const rows = await database.db.selectFrom('measureFrameworks').select(['id', 'ownerUnitId']).execute();
    expect(rows.find((r) => r.id === ids.used)?.ownerUnitId).toBe(tree.province);
    expect(rows.find((r) => r.id === ids.unused)?.ownerUnitId).toBe(tree.province);
  });
});
