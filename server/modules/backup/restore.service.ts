import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import type { DialectName } from '../../db/database.js';
import { firstForbiddenControl } from '../../lib/text-safety.js';
import { removeStoredFile, writeStoredFile } from '../../lib/uploads.js';
import type { BackupDeps, Progress, RestoreSummary } from './backup.types.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTrailer,
  decodeValue,
  readLines,
} from './backup-format.js';
import {
  appliedMigrations,
  type DynamicDb,
  discoverTables,
  rawDatabase,
  type TableInfo,
} from './backup-schema.js';

// Restore runs in ONE transaction: the file is checked (gzip CRC, per-line JSON, final checksum and
// counts) while its rows are inserted, and any problem rolls everything back, files included.

/**
 * Tables a migration fills with reference rows: Vietnam's holidays and swapped working days (feedback deadlines)
 * and the revision counters of cached read models. A fresh install holds rows there; restore replaces them with
 * the backup's (same migrations, so the same tables). Every other table must be empty.
 */
export const MIGRATION_SEEDED_TABLES = new Set<string>(['feedback_calendar_days', 'data_revisions']);

export class BackupFileError extends Error {}

type Row = Record<string, unknown>;
type Batch = { table: TableInfo; rows: Row[] };
type TextProblem = { table: string; row: string; column: string; codePoint: string };

const PROBLEMS_LISTED = 50;

/**
 * Control characters in a row's text. Older installs accepted them (SQLite stores U+0000; PostgreSQL
 * refuses it in text and as a \u0000 escape in JSON), and today's API refuses them. `fatal` marks the
 * ones the target database cannot hold.
 */
function textProblemsOf(table: TableInfo, row: Row, dialect: DialectName) {
  const found: (TextProblem & { fatal: boolean })[] = [];
  const key = table.orderBy.map((c) => `${c}=${String(row[c])}`).join(', ');
  const jsonColumns = new Set(table.columns.filter((c) => /json/i.test(c.type)).map((c) => c.name));
  for (const [column, raw] of Object.entries(row)) {
    const value = decodeValue(raw);
    if (typeof value === 'string') {
      const codePoint = firstForbiddenControl(value);
      if (codePoint)
        found.push({
          table: table.name,
          row: key,
          column,
          codePoint,
          fatal: dialect === 'postgres' && value.includes('\u0000'),
        });
    } else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      const json = JSON.stringify(value);
      if (/\\u00(0[0-8]|0[bcef]|1[0-9a-f])/i.test(json))
        found.push({
          table: table.name,
          row: key,
          column,
          codePoint: 'JSON',
          fatal: dialect === 'postgres' && jsonColumns.has(column) && json.includes('\\u0000'),
        });
    }
  }
  return found;
}

function describeProblems(problems: TextProblem[], total: number): string {
  const lines = problems.map((p) => `  table ${p.table}, row ${p.row}, column ${p.column}: ${p.codePoint}`);
  const more = total > problems.length ? [`  … and ${total - problems.length} more`] : [];
  return [...lines, ...more].join('\n');
}

function coerce(value: unknown, columnType: string, dialect: DialectName): unknown {
  const v = decodeValue(value);
  if (v === null || v === undefined || v instanceof Uint8Array) return v ?? null;
  if (typeof v === 'object') return JSON.stringify(v);
  if (dialect === 'sqlite') return typeof v === 'boolean' ? Number(v) : v;
  if (columnType === 'boolean' && typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean' && columnType !== 'boolean') return Number(v);
  return v;
}

function batchSize(table: TableInfo): number {
  // Both databases cap bound parameters per statement (SQLite 32766, PostgreSQL 65535).
  return Math.max(1, Math.min(500, Math.floor(30000 / Math.max(1, table.columns.length))));
}

async function insertBatch(trx: Transaction<DynamicDb>, batch: Batch, dialect: DialectName) {
  if (!batch.rows.length) return;
  const types = new Map(batch.table.columns.map((c) => [c.name, c.type]));
  const values = batch.rows.map((row) => {
    const out: Row = {};
    for (const [column, value] of Object.entries(row)) {
      const type = types.get(column);
      if (type === undefined) {
        throw new BackupFileError(`Table ${batch.table.name} has no column ${column} in this install.`);
      }
      out[column] = coerce(value, type, dialect);
    }
    return out;
  });
  await trx.insertInto(batch.table.name).values(values).execute();
  batch.rows = [];
}

async function assertEmpty(trx: Transaction<DynamicDb>, tables: TableInfo[]) {
  for (const table of [...tables].reverse()) {
    const any = await trx.selectFrom(table.name).select(sql`1`.as('x')).limit(1).execute();
    if (!any.length) continue;
    if (!MIGRATION_SEEDED_TABLES.has(table.name)) {
      throw new Error(
        `This install is not empty (table ${table.name} has rows). Restore only into a new, migrated, empty ` +
          'database: a new DATA_DIR (SQLite) or a new PostgreSQL database, then `npx dxboard migrate`.',
      );
    }
    await trx.deleteFrom(table.name).execute();
  }
}

async function resetSequences(trx: Transaction<DynamicDb>, tables: TableInfo[]) {
  for (const t of tables) {
    if (!t.identity) continue;
    // The next generated id follows the restored ones (identity columns do not move on explicit ids).
    await sql`select setval(pg_get_serial_sequence(${`"${t.name}"`}, ${t.identity}),
                coalesce(max(${sql.ref(t.identity)}), 0) + 1, false) from ${sql.table(t.name)}`.execute(trx);
  }
}

function parseLine(text: string, lineNo: number): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    /* reported below */
  }
  throw new BackupFileError(`Line ${lineNo} of the backup is not a JSON object: the file is damaged.`);
}

function checkHeader(header: Record<string, unknown>, migrations: string[]): BackupHeader {
  if (header.format !== BACKUP_FORMAT) throw new BackupFileError('This is not a DXBoard backup file.');
  if (header.version !== BACKUP_VERSION) {
    throw new BackupFileError(
      `Backup format version ${header.version} is not supported (expected ${BACKUP_VERSION}).`,
    );
  }
  const theirs = Array.isArray(header.migrations) ? header.migrations.map(String) : [];
  if (theirs.join('\n') !== migrations.join('\n')) {
    const missing = theirs.filter((m) => !migrations.includes(m));
    throw new Error(
      missing.length
        ? `The backup was made by a newer DXBoard (migrations ${missing.join(', ')}); upgrade this install first.`
        : 'The backup was made by an older DXBoard: restore it with that version, then upgrade (see docs/operations.md).',
    );
  }
  return header as BackupHeader;
}

export async function restoreBackup(
  deps: BackupDeps,
  path: string,
  { onProgress = () => {} }: { onProgress?: Progress } = {},
): Promise<RestoreSummary> {
  if (!existsSync(path)) throw new Error(`Backup file not found: ${path}`);
  const dialect = deps.database.dialect;
  const written: string[] = [];
  try {
    return await rawDatabase(deps.database.db)
      .transaction()
      .execute((trx) => restoreInto(trx, dialect, deps, path, written, onProgress));
  } catch (error) {
    for (const key of written) await removeStoredFile(deps.files.filesDir, key);
    if (error instanceof BackupFileError) throw error;
    // zlib's codes (Z_BUF_ERROR: cut short, Z_DATA_ERROR: bytes changed) mean a damaged file.
    if (String((error as { code?: unknown }).code ?? '').startsWith('Z_')) {
      const message = error instanceof Error ? error.message : String(error);
      throw new BackupFileError(
        `The backup file is damaged or truncated (${message}). Nothing was restored.`,
      );
    }
    throw error;
  }
}

async function restoreInto(
  trx: Transaction<DynamicDb>,
  dialect: DialectName,
  deps: BackupDeps,
  path: string,
  written: string[],
  onProgress: Progress,
): Promise<RestoreSummary> {
  if (dialect === 'sqlite') await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const tables = await discoverTables(trx, dialect);
  const byName = new Map(tables.map((t) => [t.name, t]));
  await assertEmpty(trx, tables);
  const migrations = await appliedMigrations(trx);

  const gunzip = createGunzip();
  createReadStream(path)
    .on('error', (e) => gunzip.destroy(e))
    .pipe(gunzip);
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  const expectedKeys = new Set<string>();
  const restoredKeys = new Set<string>();
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let batch: Batch | undefined;
  let lineNo = 0;
  const fatal: TextProblem[] = [];
  const warnings: TextProblem[] = [];
  let fatalCount = 0;
  const flush = async () => {
    if (!batch) return;
    await insertBatch(trx, batch, dialect);
    onProgress(`${batch.table.name}: ${counts[batch.table.name]} rows`);
    batch = undefined;
  };

  for await (const text of readLines(gunzip)) {
    lineNo++;
    if (trailer) throw new BackupFileError(`Unexpected data after the end of the backup (line ${lineNo}).`);
    const item = parseLine(text, lineNo);
    if (!header) {
      header = checkHeader(item, migrations);
    } else if (typeof item.table === 'string') {
      const table = byName.get(item.table);
      if (!table) throw new BackupFileError(`The backup has a table this install lacks: ${item.table}.`);
      if (batch && batch.table !== table) await flush();
      batch ??= { table, rows: [] };
      const row = item.row as Row;
      for (const problem of textProblemsOf(table, row, dialect)) {
        if (problem.fatal) fatalCount++;
        const list = problem.fatal ? fatal : warnings;
        if (list.length < PROBLEMS_LISTED) list.push(problem);
      }
      // Once a row cannot be stored, keep reading only to list every such row; nothing will be committed.
      if (!fatalCount) batch.rows.push(row);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      if (table.name === 'files') expectedKeys.add(String(row.storage_key));
      if (batch.rows.length >= batchSize(table)) await insertBatch(trx, batch, dialect);
    } else if (typeof item.file === 'string') {
      await flush();
      await restoreFile(deps, item, written, restoredKeys);
      if (restoredKeys.size % 100 === 0) onProgress(`files: ${restoredKeys.size}`);
    } else if (item.end === true) {
      await flush();
      trailer = item as unknown as BackupTrailer;
      continue;
    } else {
      throw new BackupFileError(`Line ${lineNo} of the backup is not a row, a file or the end marker.`);
    }
    hash.update(`${text}\n`);
  }
  verifyComplete({ header, trailer, hashHex: hash.digest('hex'), counts, expectedKeys, restoredKeys });
  if (fatalCount) {
    throw new BackupFileError(
      `The backup holds ${fatalCount} value(s) with U+0000, which PostgreSQL cannot store. Nothing was restored.\n` +
        `${describeProblems(fatal, fatalCount)}\n` +
        'Restore it into SQLite, correct these values in the application, then back up again.',
    );
  }
  if (warnings.length)
    onProgress(
      `warning: text with control characters (accepted here, refused by the API today):\n${describeProblems(warnings, warnings.length)}`,
    );
  if (dialect === 'postgres') await resetSequences(trx, tables);
  onProgress(`files: ${restoredKeys.size}`);
  return { tables: counts, files: restoredKeys.size, header: header as BackupHeader };
}

async function restoreFile(
  deps: BackupDeps,
  item: Record<string, unknown>,
  written: string[],
  restored: Set<string>,
) {
  const key = String(item.file);
  const data = Buffer.from(String(item.data ?? ''), 'base64');
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (sha256 !== item.sha256) throw new BackupFileError(`Uploaded file ${key} in the backup is damaged.`);
  written.push(key);
  await writeStoredFile(deps.files.filesDir, key, data);
  restored.add(key);
}

function verifyComplete(s: {
  header?: BackupHeader;
  trailer?: BackupTrailer;
  hashHex: string;
  counts: Record<string, number>;
  expectedKeys: Set<string>;
  restoredKeys: Set<string>;
}) {
  if (!s.header) throw new BackupFileError('The backup file is empty.');
  if (!s.trailer)
    throw new BackupFileError('The backup file is incomplete (no end marker): it was truncated.');
  if (s.trailer.sha256 !== s.hashHex)
    throw new BackupFileError('The backup file is damaged (checksum mismatch).');
  const expected = Object.entries(s.trailer.tables ?? {}).filter(([, n]) => n > 0);
  const got = Object.entries(s.counts);
  const same = expected.length === got.length && expected.every(([t, n]) => s.counts[t] === n);
  if (!same || s.trailer.files !== s.restoredKeys.size) {
    throw new BackupFileError('The backup file is damaged (row or file counts differ from its end marker).');
  }
  const missing = [...s.expectedKeys].filter((k) => !s.restoredKeys.has(k));
  if (missing.length)
    throw new BackupFileError(`The backup lacks the bytes of ${missing.length} uploaded file(s).`);
}
