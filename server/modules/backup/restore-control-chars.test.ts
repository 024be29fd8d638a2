import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import { loadConfig } from '../../config.js';
import type { DialectName } from '../../db/database.js';
import { createDeps } from '../../deps-factory.js';
import { fixedClock } from '../../lib/clock.js';
import { createBackup, restoreBackup } from './backup.module.js';
import { BackupFileError } from './restore.service.js';

// Issue 8, finding 6: SQLite accepted U+0000 in free text, and a backup holding one failed to restore into
// PostgreSQL with an encoding error. Restore now names every table, row and column that holds one.

async function newInstall(dialect: DialectName) {
  const database = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-restore-nul-'));
  const deps = await createDeps(loadConfig({ DATA_DIR: dataDir }), {
    database,
    clock: fixedClock('2026-03-02T02:00:00.000Z'),
  });
  return {
    deps,
    async close() {
      for (const close of deps.closers) await close();
      await database.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(testDialects())('a SQLite backup with U+0000 in text, restored on %s', (dialect) => {
  let source: Awaited<ReturnType<typeof newInstall>>;
  let target: Awaited<ReturnType<typeof newInstall>>;
  let file: string;
  let unitId: number;
  beforeAll(async () => {
    source = await newInstall('sqlite');
    const tree = await createUnitTree(source.deps.db);
    unitId = tree.communeA;
    // Written straight to the database, as older versions let the API do.
    await source.deps.db
      .updateTable('units')
      .set({ name: 'Xã An\u0000 Khánh' })
      .where('id', '=', unitId)
      .execute();
    await source.deps.db
      .updateTable('units')
      .set({ name: 'Phường\u0007 B' })
      .where('id', '=', tree.communeB)
      .execute();
    file = join(mkdtempSync(join(tmpdir(), 'dxboard-bk-')), 'backup.jsonl.gz');
    await createBackup(source.deps, file);
    target = await newInstall(dialect);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    rmSync(join(file, '..'), { recursive: true, force: true });
  });

  it(
    dialect === 'postgres'
      ? 'refuses with a list of the table, row and column of each U+0000, restoring nothing'
      : 'restores, and warns about the rows holding control characters',
    async () => {
      const progress: string[] = [];
      const result = await restoreBackup(target.deps, file, { onProgress: (l) => progress.push(l) }).catch(
        (e: unknown) => e,
      );
      if (dialect === 'postgres') {
        expect(result).toBeInstanceOf(BackupFileError);
        const message = (result as Error).message;
        expect(message).toContain(`table units, row id=${unitId}, column name: U+0000`);
        expect(message).not.toMatch(/invalid byte sequence|22021/);
        const units = await target.deps.db.selectFrom('units').select('id').execute();
        expect(units).toEqual([]);
      } else {
        expect(result).not.toBeInstanceOf(Error);
        const name = await target.deps.db
          .selectFrom('units')
          .select('name')
          .where('id', '=', unitId)
          .executeTakeFirst();
        expect(name?.name).toBe('Xã An\u0000 Khánh');
        const warning = progress.find((l) => l.startsWith('warning:'));
        expect(warning).toContain(`table units, row id=${unitId}, column name: U+0000`);
        expect(warning).toMatch(/column name: U\+0007/);
      }
    },
  );
});
