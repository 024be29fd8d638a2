import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF_MINIMAL, PNG_1X1 } from '../../../test/helpers/file-fixtures.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import { loadConfig } from '../../config.js';
import type { DialectName } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { createDeps } from '../../deps-factory.js';
import { fixedClock } from '../../lib/clock.js';
import { storagePath } from '../../lib/uploads.js';
import { createBackup, restoreBackup } from './backup.module.js';
import { discoverTables, rawDatabase } from './backup-schema.js';
import { BackupFileError } from './restore.service.js';

type Install = { deps: Deps; database: TestDatabase; dataDir: string; close(): Promise<void> };

async function newInstall(dialect: DialectName): Promise<Install> {
  const database = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'dxboard-backup-'));
  const deps = await createDeps(loadConfig({ DATA_DIR: dataDir }), {
    database,
    clock: fixedClock('2026-03-02T02:00:00.000Z'),
  });
  return {
    deps,
    database,
    dataDir,
    async close() {
      for (const close of deps.closers) await close();
      await database.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows of every kind the foundation holds, including a parent inserted after its child. */
async function populate(deps: Deps) {
  const db = deps.db;
  const tree = await createUnitTree(db);
  const now = '2026-03-01T00:00:00.000Z';
  const unit = (code: string, parentId: number | null) =>
    db
      .insertInto('units')
      .values({
        structureId: tree.structureId,
        code,
        name: `Xã ${code} – Bắc Kạn`,
        searchName: `xa ${code}`,
        type: 'commune',
        kind: 'admin',
        level: 3,
        parentId,
        path: '',
        validFrom: '2020-01-01',
        validTo: '2025-06-30',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const child = await unit('C1', null);
  const parent = await unit('P1', null);
  await db.updateTable('units').set({ parentId: parent.id }).where('id', '=', child.id).execute();
  await db
    .insertInto('unitLineage')
    .values({
      fromUnitId: child.id,
      toUnitId: tree.communeA,
      kind: 'partial',
      share: 0.25,
      shareBasis: 'population',
      effectiveDate: '2025-07-01',
      note: null,
    })
    .execute();
  const user = await db
    .insertInto('users')
    .values({
      email: 'can.bo@thainguyen.gov.vn',
      fullName: 'Nguyễn Văn Á',
      passwordHash: null,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('roleAssignments')
    .values({ userId: user.id, role: 'officer', unitId: tree.communeA, createdAt: now })
    .execute();
  const ctx = { actor: null, ip: '10.0.0.1', requestId: 'r1' };
  await deps.files.store(PNG_1X1, { originalName: 'ảnh.png', allow: ['png'], uploadedBy: user.id }, ctx);
  await deps.files.store(
    PDF_MINIMAL,
    { originalName: 'biên bản.pdf', allow: ['pdf'], uploadedBy: null },
    ctx,
  );
  await deps.audit.record(db, ctx, { action: 'test', entity: 'unit', entityId: child.id, after: { a: 1 } });
}

async function allRows(deps: Deps) {
  const raw = rawDatabase(deps.db);
  const out: Record<string, unknown[]> = {};
  for (const t of await discoverTables(raw, deps.database.dialect)) {
    let q = raw.selectFrom(t.name).selectAll();
    for (const c of t.orderBy) q = q.orderBy(c);
    out[t.name] = await q.execute();
  }
  return out;
}

async function totalRows(deps: Deps) {
  return Object.values(await allRows(deps)).reduce((n, rows) => n + rows.length, 0);
}

const dialects = testDialects();
const pairs: [DialectName, DialectName][] = dialects.flatMap((from) =>
  dialects.map((to) => [from, to] as [DialectName, DialectName]),
);
const work = mkdtempSync(join(tmpdir(), 'dxboard-backup-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(pairs)('backup on %s, restore on %s', (from, to) => {
  let source: Install;
  let target: Install;
  const file = join(work, `${from}-${to}.dxb.gz`);
  const lines: string[] = [];
  beforeAll(async () => {
    source = await newInstall(from);
    target = await newInstall(to);
    await populate(source.deps);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes every table and file to one file, reporting progress', async () => {
    const summary = await createBackup(source.deps, file, { onProgress: (l) => lines.push(l) });
    expect(summary.tables.units).toBe(6);
    expect(summary.tables.files).toBe(2);
    expect(summary.tables.audit_log).toBeGreaterThanOrEqual(3);
    expect(summary.files).toBe(2);
    expect(lines).toContain('units: 6 rows');
    expect(readdirSync(work).some((f) => f.includes('.partial-'))).toBe(false);
    await expect(createBackup(source.deps, file)).rejects.toThrow(/already exists/);
  });

  it('restores identical rows and file bytes into an empty install', async () => {
    const restored = await restoreBackup(target.deps, file);
    expect(restored.files).toBe(2);
    expect(await allRows(target.deps)).toEqual(await allRows(source.deps));
    const files = await target.deps.db.selectFrom('files').selectAll().execute();
    for (const f of files) {
      const bytes = readFileSync(storagePath(join(target.dataDir, 'files'), f.storageKey));
      expect(bytes).toEqual(readFileSync(storagePath(join(source.dataDir, 'files'), f.storageKey)));
    }
  });

  it('hands out new ids after the restored ones', async () => {
    const maxId = (
      await target.deps.db
        .selectFrom('users')
        .select((e) => e.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m;
    const created = await target.deps.db
      .insertInto('users')
      .values({ email: 'new@x.vn', fullName: 'Mới', passwordHash: null, createdAt: 'x', updatedAt: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(created.id).toBe(Number(maxId) + 1);
  });

  it('refuses to restore into an install that has rows, changing nothing', async () => {
    const before = await allRows(target.deps);
    await expect(restoreBackup(target.deps, file)).rejects.toThrow(/not empty \(table \w+ has rows\)/);
    expect(await allRows(target.deps)).toEqual(before);
  });
});

describe.each(dialects)('damaged backups restored on %s', (dialect) => {
  let source: Install;
  let good: Buffer;
  beforeAll(async () => {
    source = await newInstall('sqlite');
    await populate(source.deps);
    const path = join(work, `damaged-src-${dialect}.dxb.gz`);
    await createBackup(source.deps, path);
    good = readFileSync(path);
  });
  afterAll(async () => source.close());

  async function expectRejected(bytes: Buffer, message: RegExp) {
    const target = await newInstall(dialect);
    try {
      const path = join(work, `bad-${dialect}-${Math.random().toString(16).slice(2)}.dxb.gz`);
      writeFileSync(path, bytes);
      // A new install holds only what migrations seed (the holiday calendar, revision counters).
      const seeded = await totalRows(target.deps);
      const error = await restoreBackup(target.deps, path).catch((e) => e);
      expect(error).toBeInstanceOf(BackupFileError);
      expect(error.message).toMatch(message);
      expect(await totalRows(target.deps)).toBe(seeded);
      const filesDir = join(target.dataDir, 'files');
      const stored = existsSync(filesDir)
        ? readdirSync(filesDir, { recursive: true }).filter((f) =>
            /^\d{4}\/\d{2}\/[0-9a-f]{32}$/.test(String(f)),
          )
        : [];
      expect(stored).toEqual([]);
    } finally {
      await target.close();
    }
  }

  it('rejects a truncated file and restores nothing', async () => {
    await expectRejected(good.subarray(0, Math.floor(good.length * 0.8)), /damaged or truncated/);
  });

  it('rejects a file with changed bytes', async () => {
    const bad = Buffer.from(good);
    for (let i = 200; i < 220; i++) bad[i] ^= 0xff;
    await expectRejected(bad, /damaged/);
  });

  it('rejects a well-formed file whose content was edited (checksum)', async () => {
    const text = gunzipSync(good).toString('utf8').replace('Nguyễn Văn Á', 'Nguyễn Văn B');
    await expectRejected(gzipSync(text), /checksum mismatch/);
  });

  it('rejects a file cut at a line boundary (no end marker)', async () => {
    const text = gunzipSync(good).toString('utf8').split('\n');
    await expectRejected(gzipSync(text.slice(0, -3).join('\n')), /incomplete/);
  });

  it('rejects a file that is not a DXBoard backup', async () => {
    await expectRejected(gzipSync('{"hello":"world"}\n'), /not a DXBoard backup/);
  });
});
