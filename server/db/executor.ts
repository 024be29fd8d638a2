import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * Where a query runs: the database or an open transaction. Every repository function that can join a caller's
 * transaction takes it as its LAST parameter, optional (`exec: Executor = db`), so call sites read the same way.
 */
export type Executor = Kysely<DB> | Transaction<DB>;

/** Only what a read needs; lets pure readers accept either an executor or a narrowed test double. */
export type Reader = Pick<Kysely<DB>, 'selectFrom'>;
