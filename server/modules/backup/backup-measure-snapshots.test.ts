import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../../../test/helpers/test-db.js';
import { createUnitTree } from '../../../test/helpers/unit-fixtures.js';
import { publishedPeriod } from '../measure/exports/exports.test-helpers.js';
import { createBackup, restoreBackup } from './backup.module.js';
import { rawDatabase } from './backup-schema.js';

// Published snapshots and their component values (both append-only) travel in a backup and come back intact.

const work = mkdtempSync(join(tmpdir(), 'dxboard-backup-measure-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const snapshotRows = (t: TestApp) =>
  rawDatabase(t.deps.db)
    .selectFrom('measure_snapshot_values')
    .selectAll()
    .orderBy('snapshot_id')
    .orderBy('component_code')
    .orderBy('unit_id')
    .execute();

describe.each(testDialects())('backup of published snapshots on %s', (dialect) => {
  let source: TestApp;
  let target: TestApp;
  const file = join(work, `${dialect}.dxb.gz`);

  beforeAll(async () => {
    source = await createTestApp(dialect, { env: { DATA_DIR: join(work, `${dialect}-source`) } });
    target = await createTestApp(dialect, { env: { DATA_DIR: join(work, `${dialect}-target`) } });
    const units = await createUnitTree(source.deps.db);
    await publishedPeriod(source, units, {
      secretariat: await loginAs(source, { role: 'secretariat', unitId: units.province }),
      officerA: await loginAs(source, { role: 'officer', unitId: units.communeA }),
      officerB: await loginAs(source, { role: 'officer', unitId: units.communeB }),
    });
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('backs up measure_snapshot_values and restores the same rows', async () => {
    const summary = await createBackup(source.deps, file);
    // Two units × four components.
    expect(summary.tables.measure_snapshot_values).toBe(8);
    expect(summary.tables.measure_snapshots).toBe(1);
    const restored = await restoreBackup(target.deps, file);
    expect(restored.tables.measure_snapshot_values).toBe(8);
    expect(await snapshotRows(target)).toEqual(await snapshotRows(source));
  });
});
