import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import { storagePath } from '../../lib/uploads.js';
import type { BackupDeps, BackupSummary, Progress } from './backup.types.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  BackupWriter,
  encodeRow,
} from './backup-format.js';
import {
  appliedMigrations,
  type DynamicDb,
  discoverTables,
  rawDatabase,
  type TableInfo,
} from './backup-schema.js';

// Backup and restore of a whole install: every table plus the uploaded files, in one file, read from
// one consistent snapshot. A backup taken on SQLite restores on PostgreSQL and the other way round,
// which is also how an install moves from one machine to a larger deployment. See docs/operations.md.

type RawDb = Kysely<DynamicDb> | Transaction<DynamicDb>;
const PAGE = 5000;

/** Rows of a self-referencing table (units.parent_id) ordered so that a referenced row comes first. */
export function orderSelfReferences(
  rows: Record<string, unknown>[],
  selfRefs: TableInfo['selfRefs'],
): Record<string, unknown>[] {
  if (!selfRefs.length) return rows;
  const depth = new Map<Record<string, unknown>, number>();
  const index = selfRefs.map((ref) => new Map(rows.map((r) => [String(r[ref.refColumn]), r])));
  const depthOf = (row: Record<string, unknown>, seen: Set<unknown>): number => {
    const known = depth.get(row);
    if (known !== undefined) return known;
    if (seen.has(row)) return 0; // a cycle: nothing to order by
    seen.add(row);
    let d = 0;
    selfRefs.forEach((ref, i) => {
      const value = row[ref.column];
      const parent = value === null || value === undefined ? undefined : index[i].get(String(value));
      if (parent && parent !== row) d = Math.max(d, depthOf(parent, seen) + 1);
    });
    depth.set(row, d);
    return d;
  };
  return rows
    .map((row, i) => ({ row, i, d: depthOf(row, new Set()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.row);
}

async function readTable(
  trx: RawDb,
  table: TableInfo,
  emit: (row: Record<string, unknown>) => Promise<void>,
) {
  let count = 0;
  const page = (offset: number) => {
    let q = trx.selectFrom(table.name).selectAll();
    for (const column of table.orderBy) q = q.orderBy(column);
    return q.limit(PAGE).offset(offset).execute();
  };
  if (table.selfRefs.length) {
    const all: Record<string, unknown>[] = [];
    for (let rows = await page(0); rows.length; rows = await page(all.length)) {
      all.push(...rows);
      if (rows.length < PAGE) break;
    }
    for (const row of orderSelfReferences(all, table.selfRefs)) await emit(row);
    return all.length;
  }
  for (let rows = await page(0); rows.length; rows = await page(count)) {
    for (const row of rows) await emit(row);
    count += rows.length;
    if (rows.length < PAGE) break;
  }
  return count;
}

function inSnapshot<T>(deps: BackupDeps, fn: (trx: Transaction<DynamicDb>) => Promise<T>): Promise<T> {
  const raw = rawDatabase(deps.database.db);
  // PostgreSQL: one REPEATABLE READ snapshot for every table. SQLite (WAL): a read transaction sees one
  // snapshot too, while writers in other processes carry on.
  if (deps.database.dialect === 'postgres') {
    return raw.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
  }
  return raw.transaction().execute(fn);
}

/** Write a consistent snapshot of the database and the uploaded files to `path` (which must not exist). */
export async function createBackup(
  deps: BackupDeps,
  path: string,
  { onProgress = () => {} }: { onProgress?: Progress } = {},
): Promise<BackupSummary> {
  if (existsSync(path)) throw new Error(`${path} already exists; choose a new file name.`);
  // Written beside the target and renamed at the end: a backup that did not finish never looks complete.
  const partial = `${path}.partial-${randomBytes(4).toString('hex')}`;
  const writer = new BackupWriter(partial);
  try {
    const tables: Record<string, number> = {};
    let files = 0;
    await inSnapshot(deps, async (trx) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: deps.clock.now().toISOString(),
        dialect: deps.database.dialect,
        migrations: await appliedMigrations(trx),
      };
      await writer.line(header);
      const stored: { key: string; sha256: string }[] = [];
      for (const table of await discoverTables(trx, deps.database.dialect)) {
        tables[table.name] = await readTable(trx, table, async (row) => {
          if (table.name === 'files')
            stored.push({ key: String(row.storage_key), sha256: String(row.sha256) });
          await writer.line({ table: table.name, row: encodeRow(row) });
        });
        onProgress(`${table.name}: ${tables[table.name]} rows`);
      }
      for (const file of stored) {
        await writer.line(await fileLine(deps, file));
        files++;
        if (files % 100 === 0 || files === stored.length) onProgress(`files: ${files}/${stored.length}`);
      }
    });
    await writer.close({ end: true, tables, files, sha256: writer.digest() });
    await rename(partial, path);
    return { path, tables, files, bytes: (await stat(path)).size };
  } catch (error) {
    writer.abort();
    await rm(partial, { force: true });
    throw error;
  }
}

async function fileLine(deps: BackupDeps, file: { key: string; sha256: string }) {
  let data: Buffer;
  try {
    data = await readFile(storagePath(deps.files.filesDir, file.key));
  } catch (error) {
    throw new Error(
      `Uploaded file ${file.key} is missing from ${deps.files.filesDir}: ${(error as Error).message}`,
    );
  }
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (sha256 !== file.sha256)
    throw new Error(`Uploaded file ${file.key} does not match its recorded checksum.`);
  return { file: file.key, sha256, size: data.length, data: data.toString('base64') };
}
