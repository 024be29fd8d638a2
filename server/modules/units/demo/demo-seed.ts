import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../../../deps.js';
import type { AuditContext } from '../../../lib/audit.js';
import { chunk } from '../../../lib/chunk.js';
import { RESOURCES_DIR } from '../../../lib/paths.js';
import { listDemoLogins, seedDemoUsers } from '../../accounts/accounts.module.js';
import type { DemoLogin } from '../../accounts/accounts.types.js';
import { createUnitsImportService } from '../units.module.js';
import { createUnitsRepository } from '../units.repository.js';
import {
  DEMO_AGENCIES,
  demoAgencyCsv,
  demoAgencyLineageCsv,
  demoHeadcounts,
  demoSpread,
} from './demo-agencies.js';

// Demo data: the real Thái Nguyên after 1 July 2025 (92 communes) and its predecessors Bắc Kạn and
// Thái Nguyên (districts and communes) with the real lineage, plus departments and demo headcounts.

const DATA_DIR = join(RESOURCES_DIR, 'vn-admin-units');
const OLD = {
  name: '2025-03-01',
  validFrom: '2025-03-01',
  validTo: '2025-06-30',
  description: 'Ba cấp: tỉnh, huyện, xã (đến 30/6/2025)',
};
const NEW = { name: '2025-07-01', validFrom: '2025-07-01', description: 'Hai cấp: tỉnh, xã (từ 1/7/2025)' };
const OLD_PROVINCES = new Set(['06', '19']);
const NEW_PROVINCE = '19';
const CTX: AuditContext = { actor: null, requestId: 'seed-demo' };

type CsvLine = { text: string; cols: string[] };
const readLines = (file: string): CsvLine[] =>
  readFileSync(join(DATA_DIR, file), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((text) => ({ text, cols: text.split(',') }));

/** The CSV subsets the demo imports (the files have no quoted fields, so a split is exact). */
export function demoCsvSubsets() {
  const [oldHead, ...old] = readLines('units-2025-03-01.csv');
  const districts = new Set(old.filter((l) => OLD_PROVINCES.has(l.cols[4])).map((l) => l.cols[0]));
  const oldRows = old.filter(
    (l) => OLD_PROVINCES.has(l.cols[0]) || districts.has(l.cols[4]) || OLD_PROVINCES.has(l.cols[4]),
  );
  const [newHead, ...fresh] = readLines('units-2025-07-01.csv');
  const newRows = fresh.filter((l) => l.cols[0] === NEW_PROVINCE || l.cols[4] === NEW_PROVINCE);
  const newCodes = new Set(newRows.map((l) => l.cols[0]));
  const [linHead, ...lineage] = readLines('lineage-2025-07-01.csv');
  const linRows = lineage.filter(
    (l) => newCodes.has(l.cols[3]) && (l.cols[0] === '1') === (l.cols[3] === NEW_PROVINCE),
  );
  const join_ = (head: CsvLine, rows: CsvLine[]) => [head.text, ...rows.map((r) => r.text)].join('\n');
  const shares = demoSplitShares(lineage);
  const linWithShares = linRows.map((l) => {
    const share = shares.get(`${l.cols[1]}>${l.cols[3]}`);
    return { ...l, text: `${l.text},${share ?? ''},${share ? 'population' : ''}` };
  });
  return {
    oldUnits: join_(oldHead, oldRows),
    newUnits: join_(newHead, newRows),
    lineage: join_({ ...linHead, text: `${linHead.text},share,share_basis` }, linWithShares),
  };
}

/**
 * Demo shares for split communes (the GSO file has none): each old commune's partial links share its population
 * in plausible, clearly fake proportions (stable per code, two decimals, adding up to 1), so a split never
 * counts twice. Keyed "old_code>new_code".
 */
export function demoSplitShares(lineage: CsvLine[]): Map<string, number> {
  const byOld = new Map<string, string[]>();
  for (const l of lineage) {
    if (l.cols[5] !== 'partial' || l.cols[0] !== '2') continue;
    byOld.set(l.cols[1], [...(byOld.get(l.cols[1]) ?? []), l.cols[3]]);
  }
  const out = new Map<string, number>();
  for (const [old, news] of byOld) {
    const raw = news.map((n) => 0.5 + demoSpread(`${old}>${n}`, 7));
    const total = raw.reduce((a, b) => a + b, 0);
    let left = 1;
    news.forEach((n, i) => {
      const share =
        i === news.length - 1 ? Math.round(left * 100) / 100 : Math.round((raw[i] / total) * 100) / 100;
      left -= share;
      out.set(`${old}>${n}`, Math.max(0.01, share));
    });
  }
  return out;
}

async function importDemoUnits(deps: Deps, log: (line: string) => void) {
  const imports = createUnitsImportService(deps);
  const csv = demoCsvSubsets();
  const results = [
    await imports.importUnits(csv.oldUnits, { structure: OLD.name, ...OLD, ctx: CTX }),
    await imports.importUnits(csv.newUnits, { structure: NEW.name, ...NEW, ctx: CTX }),
    await imports.importUnits(demoAgencyCsv('old'), {
      structure: OLD.name,
      validFrom: OLD.validFrom,
      validTo: OLD.validTo,
      ctx: CTX,
    }),
    await imports.importUnits(demoAgencyCsv('new'), {
      structure: NEW.name,
      validFrom: NEW.validFrom,
      ctx: CTX,
    }),
  ];
  const lineage = [
    await imports.importLineage(csv.lineage, { oldStructure: OLD.name, newStructure: NEW.name, ctx: CTX }),
    await imports.importLineage(demoAgencyLineageCsv('merge'), {
      oldStructure: OLD.name,
      newStructure: OLD.name,
      effectiveDate: OLD.validFrom,
      ctx: CTX,
    }),
    await imports.importLineage(demoAgencyLineageCsv('carry'), {
      oldStructure: OLD.name,
      newStructure: NEW.name,
      ctx: CTX,
    }),
  ];
  const rejected = [...results, ...lineage].flatMap((r) => r.rejected);
  if (rejected.length) throw new Error(`demo data rejected: ${JSON.stringify(rejected.slice(0, 3))}`);
  const inserted = results.reduce((n, r) => n + r.inserted, 0);
  const linked = lineage.reduce((n, r) => n + r.inserted, 0);
  log(
    inserted + linked
      ? `Demo units: ${inserted} units and ${linked} lineage links added.`
      : 'Demo units: already present, nothing changed.',
  );
  return inserted + linked;
}

async function seedHeadcounts(deps: Deps, provinceId: number, structureId: number) {
  const existing = await deps.db
    .selectFrom('unitHeadcounts')
    .select('id')
    .where('source', '=', 'demo')
    .executeTakeFirst();
  if (existing) return 0;
  const units = await deps.db
    .selectFrom('units')
    .select(['id', 'code', 'kind'])
    .where('structureId', '=', structureId)
    .where((eb) => eb.or([eb('parentId', '=', provinceId), eb('id', '=', provinceId)]))
    .execute();
  const rows = demoHeadcounts(units, provinceId);
  for (const part of chunk(rows)) await deps.db.insertInto('unitHeadcounts').values(part).execute();
  return rows.length;
}

/** Loads the demo data (idempotent) and the demo users; returns lines for the start-up banner. */
export async function seedDemo(deps: Deps, log: (line: string) => void = () => {}): Promise<string[]> {
  await importDemoUnits(deps, log);
  const repo = createUnitsRepository(deps.db);
  const structure = (await repo.findStructureByName(NEW.name))!;
  const unit = async (code: string) => (await repo.findUnitByCode(structure.id, code))!;
  const province = await unit(NEW_PROVINCE);
  const headcounts = await seedHeadcounts(deps, province.id, structure.id);
  if (headcounts) log(`Demo headcounts: ${headcounts} figures (source 'demo', not official statistics).`);
  const logins = await seedDemoUsers(deps, {
    provinceUnitId: province.id,
    departmentUnitId: (await unit(DEMO_AGENCIES.science.code('19'))).id,
    communeUnitId: (await unit('05443')).id, // Phường Phan Đình Phùng
    otherCommuneUnitId: (await unit('01843')).id, // Phường Bắc Kạn
  });
  return [
    `Demo data: Thái Nguyên (structure ${NEW.name}, 92 communes) and its predecessors Bắc Kạn and Thái Nguyên (structure ${OLD.name}).`,
    ...demoLoginLines(logins),
  ];
}

function demoLoginLines(logins: DemoLogin[], note = ''): string[] {
  if (!logins.length) return [];
  return [
    `Demo logins (email / password, role @ unit)${note ? ` ${note}` : ''}:`,
    ...logins.map((l) => `  ${l.email} / ${l.password}  (${l.role} @ ${l.unitName})`),
  ];
}

/** Start-up hook: seed only a database without units, and only when DEMO_SEED is on. */
export async function seedDemoOnFirstRun(deps: Deps, progress: (line: string) => void): Promise<string[]> {
  if (!deps.config.demoSeed) return [];
  const any = await deps.db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  if (!any) return seedDemo(deps, progress);
  // Later starts of a demo install still show how to sign in (unless the demo users were removed).
  const logins = await listDemoLogins(deps);
  return logins.length ? demoLoginLines(logins, '(default password, unless changed)') : [];
}
