import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../test/helpers/test-db.js';
import { loadConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { createDeps } from '../deps-factory.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemoOnFirstRun } from '../modules/units/demo/demo-seed.js';
import { runImportLineage } from './import-lineage.js';
import { runImportUnits } from './import-units.js';
import { runSeedDemo } from './seed-demo.js';

// The units commands as a user runs them: exit codes, messages with line numbers, idempotent re-runs.

const dir = mkdtempSync(join(tmpdir(), 'dxboard-cli-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'info').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out, err };
}

describe.each(testDialects())('units CLI on %s', (dialect) => {
  let database: TestDatabase;
  let deps: Deps;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    deps = await createDeps(loadConfig({ DEMO_SEED: 'true' }), {
      database,
      clock: fixedClock('2026-03-02T02:00:00.000Z'),
    });
  });
  afterAll(async () => database.cleanup());
  afterEach(() => vi.restoreAllMocks());

  it('seeds the demo on first start only (later starts list the logins), and seed-demo again changes nothing', async () => {
    const off = { ...deps, config: { ...deps.config, demoSeed: false } };
    const progress: string[] = [];
    const report = (line: string) => progress.push(line);
    expect(await seedDemoOnFirstRun(off, report)).toEqual([]);
    capture();
    const banner = await seedDemoOnFirstRun(deps, report);
    // The long first load reports its progress through the hook's reporter (a terminal or the JSON log).
    expect(progress.some((l) => l.startsWith('Demo units:'))).toBe(true);
    expect(banner[0]).toContain('Thái Nguyên');
    const unitsBefore = await deps.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const again = await seedDemoOnFirstRun(deps, report);
    expect(again[0]).toContain('Demo logins');
    expect(again.join('\n')).toContain('admin@demo.dxboard.vn / Demo@2026  (admin @ Thái Nguyên)');
    const unitsAfter = await deps.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(unitsAfter?.n)).toBe(Number(unitsBefore?.n));
    const { out } = capture();
    expect(await runSeedDemo([], deps)).toBe(0);
    expect(out).toContain('Demo units: already present, nothing changed.');
  }, 60_000);

  it('import-units: usage error, rejected rows with line numbers, then an idempotent import', async () => {
    const { err, out } = capture();
    expect(await runImportUnits(['x.csv'], deps)).toBe(2);
    expect(err.join('\n')).toContain('Usage: npx dxboard import-units');
    const bad = file('bad.csv', [
      'code,name,type,level,parent_code',
      '88,Tỉnh Thử,Tỉnh,1,',
      ',Không mã,Xã,2,88',
      '881,Huyện Lạ,Huyện,2,77',
    ]);
    expect(await runImportUnits([bad, '--structure', 'test', '--valid-from', '2026-01-01'], deps)).toBe(1);
    expect(err).toContain('  line 3: missing code');
    expect(err).toContain('  line 4: unknown parent "77" (code 881)');
    expect(err.at(-1)).toContain('Nothing was written');
    const good = file('good.csv', [
      'code,name,type,level,parent_code',
      '88,Tỉnh Thử,Tỉnh,1,',
      '881,Huyện Thử,Huyện,2,88',
    ]);
    const args = [good, '--structure', 'test', '--valid-from', '2026-01-01'];
    expect(await runImportUnits(args, deps)).toBe(0);
    expect(out.some((l) => /Done in .*: 2 inserted, 0 updated, 0 unchanged\./.test(l))).toBe(true);
    expect(await runImportUnits(args, deps)).toBe(0);
    expect(out.at(-1)).toBe('Nothing changed: all 2 units were already imported.');
  });

  it('import-lineage: rejects unknown codes with line numbers and exits non-zero', async () => {
    const { err } = capture();
    const csv = file('lineage.csv', [
      'level,old_code,old_name,new_code,new_name,kind',
      '1,06,Tỉnh Bắc Kạn,404,Nowhere,full',
    ]);
    expect(
      await runImportLineage([csv, '--old-structure', '2025-03-01', '--new-structure', '2025-07-01'], deps),
    ).toBe(1);
    expect(err).toContain('  line 2: unknown new unit "404" (code 06)');
  });
});
