import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/helpers/test-db.js';
import type { DB } from '../db/schema.js';
import { type BatchWriter, createGroupCommit } from './group-commit.js';

// The group commit on a real database: writes queued in one turn share a transaction, a batch writer runs once
// for all of its items and answers each caller its own result, and a batch that fails is retried item by item
// so only the bad write fails (the others are committed). data_revisions (name primary key) is the table.

describe.each(testDialects())('group commit on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.cleanup());

  const names = (prefix: string) =>
    database.db
      .selectFrom('dataRevisions')
      .select(['name', 'revision'])
      .where('name', 'like', `${prefix}%`)
      .orderBy('name')
      .execute();

  it('runs a batch writer once for its items, in order, with the plain writes in the same transaction', async () => {
    const calls: string[][] = [];
    const writer: BatchWriter<{ name: string; revision: number }, string> = async (trx, items) => {
      calls.push(items.map((i) => i.name));
      await trx.insertInto('dataRevisions').values(items).execute();
      return items.map((i) => `${i.name}=${i.revision}`);
    };
    const commit = createGroupCommit(database.db, { lanes: 1 });
    const plain = (trx: Transaction<DB>) =>
      trx
        .insertInto('dataRevisions')
        .values({ name: 'gc1-plain', revision: 9 })
        .execute()
        .then(() => 'plain');
    const out = await Promise.all([
      commit.each(writer, { name: 'gc1-a', revision: 1 }),
      commit(plain),
      commit.each(writer, { name: 'gc1-b', revision: 2 }),
      commit.each(writer, { name: 'gc1-c', revision: 3 }),
    ]);
    expect(out).toEqual(['gc1-a=1', 'plain', 'gc1-b=2', 'gc1-c=3']);
    expect(calls).toEqual([['gc1-a', 'gc1-b', 'gc1-c']]);
    expect(await names('gc1-')).toEqual([
      { name: 'gc1-a', revision: 1 },
      { name: 'gc1-b', revision: 2 },
      { name: 'gc1-c', revision: 3 },
      { name: 'gc1-plain', revision: 9 },
    ]);
  });

  it('retries a failed batch item by item: only the write that breaks the key fails', async () => {
    await database.db.insertInto('dataRevisions').values({ name: 'gc2-taken', revision: 0 }).execute();
    const calls: number[] = [];
    const writer: BatchWriter<string, string> = async (trx, items) => {
      calls.push(items.length);
      await trx
        .insertInto('dataRevisions')
        .values(items.map((name) => ({ name, revision: 5 })))
        .execute();
      return items;
    };
    const commit = createGroupCommit(database.db, { lanes: 1 });
    const out = await Promise.allSettled(
      ['gc2-a', 'gc2-taken', 'gc2-b'].map((name) => commit.each(writer, name)),
    );
    expect(out.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([3, 1, 1, 1]);
    expect(await names('gc2-')).toEqual([
      { name: 'gc2-a', revision: 5 },
      { name: 'gc2-b', revision: 5 },
      { name: 'gc2-taken', revision: 0 },
    ]);
  });
});
