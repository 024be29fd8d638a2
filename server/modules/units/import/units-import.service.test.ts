import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../../test/helpers/test-db.js';
import { loadConfig } from '../../../config.js';
import type { Deps } from '../../../deps.js';
import { createDeps } from '../../../deps-factory.js';
import { fixedClock } from '../../../lib/clock.js';
import { createUnitsImportService } from '../units.module.js';

const DATA = join(import.meta.dirname, '../../../../resources/vn-admin-units');
const read = (name: string) => readFileSync(join(DATA, name), 'utf8');

async function count(deps: Deps, table: 'units' | 'unitLineage' | 'unitClosure' | 'structures') {
  const row = await deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDialects())('importing the real GSO files on %s', (dialect) => {
  let database: TestDatabase;
  let deps: Deps;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    deps = await createDeps(loadConfig({}), { database, clock: fixedClock('2026-03-02T02:00:00.000Z') });
  });
  afterAll(async () => database.cleanup());

  it('imports 10,806 old units, 3,355 new units and 10,667 lineage rows, then changes nothing again', async () => {
    const service = createUnitsImportService(deps);
    const progress: string[] = [];
    const old = await service.importUnits(read('units-2025-03-01.csv'), {
      structure: '2025-03-01',
      validFrom: '2025-03-01',
      onProgress: (m) => progress.push(m),
    });
    expect(old).toMatchObject({
      rows: 10806,
      inserted: 10806,
      updated: 0,
      rejected: [],
      structureCreated: true,
    });
    const fresh = await service.importUnits(read('units-2025-07-01.csv'), {
      structure: '2025-07-01',
      validFrom: '2025-07-01',
    });
    expect(fresh).toMatchObject({ inserted: 3355, rejected: [], closedStructures: ['2025-03-01'] });
    const lineage = await service.importLineage(read('lineage-2025-07-01.csv'), {});
    expect(lineage).toMatchObject({
      rows: 10667,
      inserted: 10667,
      rejected: [],
      effectiveDate: '2025-07-01',
    });
    expect(lineage.closureChanges).toBeGreaterThan(10000);
    expect(await count(deps, 'units')).toBe(10806 + 3355);
    expect(await count(deps, 'unitLineage')).toBe(10667);
    const unitLines = progress.filter((p) => p.startsWith('  units:'));
    expect(unitLines.length).toBeGreaterThanOrEqual(11);
    expect(unitLines.at(-1)).toBe('  units: 10806 inserted');

    const closureBefore = await count(deps, 'unitClosure');
    const again = await service.importUnits(read('units-2025-03-01.csv'), {
      structure: '2025-03-01',
      validFrom: '2025-03-01',
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 10806, structureCreated: false });
    const lineageAgain = await service.importLineage(read('lineage-2025-07-01.csv'), {});
    expect(lineageAgain).toMatchObject({ inserted: 0, updated: 0, unchanged: 10667 });
    expect(await count(deps, 'unitClosure')).toBe(closureBefore);
    expect(await count(deps, 'structures')).toBe(2);

    const old19 = await deps.db
      .selectFrom('units as u')
      .innerJoin('structures as s', 's.id', 'u.structureId')
      .select(['u.validTo', 'u.path', 'u.id'])
      .where('s.name', '=', '2025-03-01')
      .where('u.code', '=', '19')
      .executeTakeFirstOrThrow();
    expect(old19.validTo).toBe('2025-06-30');
    expect(old19.path).toBe(`/${old19.id}/`);
  }, 120_000);

  it('rejects bad rows with their line numbers and writes nothing', async () => {
    const service = createUnitsImportService(deps);
    const csv = [
      'code,name,type,level,parent_code',
      '91,Tỉnh Thử,Tỉnh,1,',
      ',Không mã,Xã,2,91',
      '911,,Huyện,2,91',
      '912,Huyện Lạ,Huyện,2,99',
      '913,Cấp sai,Huyện,x,91',
      '91,Trùng mã,Tỉnh,1,',
      '91101,Xã Con,Xã,3,912',
      '91102,Xã Nhảy Cấp,Xã,3,91',
    ].join('\n');
    const before = await count(deps, 'units');
    const report = await service.importUnits(csv, { structure: 'bad', validFrom: '2026-01-01' });
    expect(report.rejected.map((r) => [r.line, r.reason.split(' (')[0].split(' "')[0]])).toEqual([
      [3, 'missing code'],
      [4, 'missing name'],
      [5, 'unknown parent'],
      [6, 'bad level'],
      [7, 'duplicate code'],
      [8, 'unknown parent'],
      [9, 'bad level'],
    ]);
    expect(report.inserted).toBe(0);
    expect(await count(deps, 'units')).toBe(before);
    expect(await count(deps, 'structures')).toBe(2);
  });

  it('rejects lineage rows that point at unknown units, with line numbers', async () => {
    const service = createUnitsImportService(deps);
    const csv = [
      'level,old_code,old_name,new_code,new_name,kind',
      '1,06,Tỉnh Bắc Kạn,19,Tỉnh Thái Nguyên,full',
      '1,77777,Nowhere,19,Tỉnh Thái Nguyên,full',
      '1,06,Tỉnh Bắc Kạn,19,Tỉnh Thái Nguyên,merged',
    ].join('\n');
    const report = await service.importLineage(csv, {
      oldStructure: '2025-03-01',
      newStructure: '2025-07-01',
    });
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(report.inserted + report.updated).toBe(0);
  });

  it('warns when a split has no shares (a partial link without a share)', async () => {
    const service = createUnitsImportService(deps);
    const csv = [
      'level,old_code,old_name,new_code,new_name,kind,share,share_basis',
      '2,01843,,01843,,partial,,',
      '2,01846,,01843,,partial,0.4,population',
    ].join('\n');
    const report = await service.importLineage(csv, {
      oldStructure: '2025-03-01',
      newStructure: '2025-07-01',
    });
    expect(report.rejected).toEqual([]);
    expect(report.warnings.filter((w) => w.reason.startsWith('partial link without a share'))).toEqual([
      expect.objectContaining({ line: 2, code: '01843' }),
    ]);
  });
});
