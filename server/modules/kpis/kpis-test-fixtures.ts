import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { createUnitTree, type UnitTree } from '../../../test/helpers/unit-fixtures.js';
import type { DialectName } from '../../db/database.js';
import { ensureKpiCatalogue } from './definitions/kpi-definitions.service.js';
import { createKpisRepository } from './kpis.repository.js';

// Shared set-up for the KPI route tests: an app on a fresh database, the unit tree of
// test/helpers/unit-fixtures.ts and the built-in catalogue.

export type KpiTestContext = { t: TestApp; tree: UnitTree; codes: { communeA: string; communeB: string } };

export async function createKpiTestApp(dialect: DialectName): Promise<KpiTestContext> {
  const t = await createTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
  const tree = await createUnitTree(t.deps.db);
  await ensureKpiCatalogue({ ...t.deps, repo: createKpisRepository(t.deps.db) });
  const units = await t.deps.db.selectFrom('units').select(['id', 'code']).execute();
  const codeOf = (id: number) => units.find((u) => u.id === id)!.code;
  return { t, tree, codes: { communeA: codeOf(tree.communeA), communeB: codeOf(tree.communeB) } };
}

export async function countValues(t: TestApp, unitId?: number): Promise<number> {
  let q = t.deps.db.selectFrom('kpiValues').select((eb) => eb.fn.countAll<number>().as('n'));
  if (unitId !== undefined) q = q.where('unitId', '=', unitId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function xlsxOf(
  rows: unknown[][],
  header = ['kpi_code', 'unit_code', 'period', 'value', 'numerator', 'denominator', 'note'],
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('values');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file part named "file". */
export function multipartFile(name: string, data: Buffer) {
  const boundary = `----kpitest${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
