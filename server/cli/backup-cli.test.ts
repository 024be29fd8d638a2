import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitTree } from '../../test/helpers/unit-fixtures.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

// The backup and restore commands as an operator runs them: `npx dxboard …` in a real process.

const root = mkdtempSync(join(tmpdir(), 'dxboard-backup-cli-'));
const bin = join(process.cwd(), 'bin', 'dxboard.mjs');

function dxboard(dataDir: string, ...args: string[]) {
  const { DATABASE_URL: _d, REDIS_URL: _r, ...env } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { ...env, DATA_DIR: dataDir, DEMO_SEED: 'false' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npx dxboard backup / restore (SQLite)', { timeout: 120_000 }, () => {
  const source = join(root, 'source');
  const target = join(root, 'target');
  const file = join(root, 'install.dxb.gz');
  beforeAll(async () => {
    const database = openDatabase({ kind: 'sqlite', path: join(source, 'dxboard.sqlite') });
    await migrateToLatest(database.db);
    await createUnitTree(database.db);
    await database.destroy();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints usage and exits 2 without a file', () => {
    const r = dxboard(source, 'backup');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: npx dxboard backup <file.dxb.gz>');
  });

  it('backs up with progress per table, then restores into a new install', () => {
    const backup = dxboard(source, 'backup', file);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('  units: 4 rows');
    expect(backup.out).toMatch(/Backup written to .*install\.dxb\.gz: \d+ rows in \d+ tables, 0 files/);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const restore = dxboard(target, 'restore', file);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('  units: 4 rows');
    expect(restore.out).toMatch(/Restored \d+ rows and 0 files from a sqlite backup/);
  });

  it('refuses a second restore into the now non-empty install, exit 1 with the reason', () => {
    const again = dxboard(target, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain('This install is not empty');
  });

  it('refuses to overwrite an existing backup file', () => {
    const r = dxboard(source, 'backup', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('already exists');
  });
});
