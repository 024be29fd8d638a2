import { foldVietnamese } from '../../../../core/units/fold.js';
import type { Executor } from '../../../db/executor.js';
import type { UnitsRepository } from '../units.repository.js';
import type { LineageImportOptions, LineageImportReport, RejectedRow } from '../units.types.js';
import type { LineageRow, UnitsWriteRepository } from '../units-write.repository.js';
import type { CsvRow } from './units-csv.js';

// Lineage rows from a CSV (level,old_code,old_name,new_code,new_name,kind[,share,share_basis]): old codes
// resolve in the old structure, new codes in the new one, since the GSO reuses codes across structures.

type Parsed = {
  line: number;
  fromUnitId: number;
  toUnitId: number;
  kind: 'full' | 'partial';
  share: number | null;
  shareBasis: string | null;
};

async function resolveStructures(read: UnitsRepository, opts: LineageImportOptions, exec: Executor) {
  const all = await read.listStructures(exec);
  const byName = (name: string) => {
    const s = all.find((x) => x.name === name);
    if (!s)
      throw new Error(`unknown structure "${name}" (known: ${all.map((x) => x.name).join(', ') || 'none'})`);
    return s;
  };
  if (!opts.oldStructure && !opts.newStructure && all.length < 2)
    throw new Error('two structures are needed: import the old and the new units first');
  const newS = opts.newStructure ? byName(opts.newStructure) : all[all.length - 1];
  const oldS = opts.oldStructure ? byName(opts.oldStructure) : all.filter((s) => s.id !== newS.id).at(-1)!;
  // Agencies also merge inside one structure (Sở TT&TT into Sở KH&CN), so equal names are allowed when given.
  if (!oldS || (oldS.id === newS.id && !(opts.oldStructure && opts.newStructure)))
    throw new Error('the old and new structures must differ');
  return { oldS, newS };
}

async function codeMap(structureId: number, exec: Executor) {
  const rows = await exec
    .selectFrom('units')
    .select(['id', 'code', 'searchName'])
    .where('structureId', '=', structureId)
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

const nameMatches = (csvName: string | undefined, searchName: string) =>
  !csvName || foldVietnamese(csvName).endsWith(searchName);

function parseShare(values: Record<string, string>): {
  share: number | null;
  basis: string | null;
  error?: string;
} {
  const raw = values.share ?? '';
  const basis = values.share_basis || null;
  if (!raw && !basis) return { share: null, basis: null };
  const share = Number(raw);
  if (!raw || !Number.isFinite(share) || share <= 0 || share > 1)
    return { share: null, basis, error: `bad share "${raw}"` };
  if (basis !== 'population' && basis !== 'area')
    return { share, basis, error: `bad share_basis "${basis ?? ''}"` };
  return { share, basis };
}

function parseRows(rows: CsvRow[], olds: Awaited<ReturnType<typeof codeMap>>, news: typeof olds) {
  const rejected: RejectedRow[] = [];
  const warnings: RejectedRow[] = [];
  const parsed = new Map<string, Parsed>();
  for (const { line, values } of rows) {
    const code = values.old_code ?? '';
    const from = olds.get(code);
    const to = news.get(values.new_code ?? '');
    const share = parseShare(values);
    const reject = (reason: string) => rejected.push({ line, code, reason });
    if (!code || !values.new_code) reject('missing old_code or new_code');
    else if (values.kind !== 'full' && values.kind !== 'partial')
      reject(`bad kind "${values.kind}" (full|partial)`);
    else if (!from) reject(`unknown old unit "${code}"`);
    else if (!to) reject(`unknown new unit "${values.new_code}"`);
    else if (share.error) reject(share.error);
    else if (parsed.has(`${from.id}:${to.id}`))
      reject(`duplicate pair (first on line ${parsed.get(`${from.id}:${to.id}`)!.line})`);
    else {
      if (!nameMatches(values.old_name, from.searchName) || !nameMatches(values.new_name, to.searchName))
        warnings.push({ line, code, reason: 'names differ from the units these codes point at' });
      parsed.set(`${from.id}:${to.id}`, {
        line,
        fromUnitId: from.id,
        toUnitId: to.id,
        kind: values.kind,
        share: share.share,
        shareBasis: share.basis,
      });
    }
  }
  // A split needs shares: a partial link without one would count the old unit whole in each new unit. It is
  // imported (the API then reports an assumed even split, marked as assumed) but the importer says so.
  for (const p of parsed.values()) {
    if (p.kind === 'partial' && p.share === null)
      warnings.push({
        line: p.line,
        code: rows.find((r) => r.line === p.line)?.values.old_code ?? '',
        reason:
          'partial link without a share: a split needs shares (share,share_basis); until then it is assumed',
      });
  }
  return { parsed, rejected, warnings };
}

export async function importLineageRows(
  read: UnitsRepository,
  write: UnitsWriteRepository,
  rows: CsvRow[],
  opts: LineageImportOptions,
  exec: Executor,
): Promise<LineageImportReport> {
  const { oldS, newS } = await resolveStructures(read, opts, exec);
  const effectiveDate = opts.effectiveDate ?? newS.validFrom;
  const { parsed, rejected, warnings } = parseRows(
    rows,
    await codeMap(oldS.id, exec),
    await codeMap(newS.id, exec),
  );
  const report: LineageImportReport = {
    oldStructureId: oldS.id,
    newStructureId: newS.id,
    effectiveDate,
    rows: rows.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected,
    warnings,
    closureChanges: 0,
  };
  if (rejected.length && !opts.allowPartial) return report;
  const existing = new Map<string, LineageRow>();
  for (const e of await write.allLineage(exec)) existing.set(`${e.fromUnitId}:${e.toUnitId}`, e);
  const fresh = [];
  for (const [key, p] of parsed) {
    const row = {
      fromUnitId: p.fromUnitId,
      toUnitId: p.toUnitId,
      kind: p.kind,
      share: p.share,
      shareBasis: p.shareBasis,
      effectiveDate,
    };
    const old = existing.get(key);
    if (!old) fresh.push({ ...row, note: null });
    else if (
      old.kind !== p.kind ||
      old.share !== p.share ||
      old.shareBasis !== p.shareBasis ||
      old.effectiveDate !== effectiveDate
    ) {
      await write.updateLineage(old.id, row, exec);
      report.updated += 1;
    } else report.unchanged += 1;
  }
  await write.insertLineage(fresh, exec);
  report.inserted = fresh.length;
  opts.onProgress?.(`  lineage: ${report.inserted} inserted, ${report.updated} updated`);
  return report;
}
