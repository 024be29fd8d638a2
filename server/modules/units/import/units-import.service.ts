import { foldVietnamese } from '../../../../core/units/fold.js';
import { inferUnitKind, UNIT_KINDS, type UnitKind } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { chunk } from '../../../lib/chunk.js';
import { rebuildLineageClosure } from '../lineage/lineage-closure.js';
import { ensureStructure } from '../tree/structures.js';
import { closureRowsFor } from '../tree/tree-closure.js';
import type { UnitRow } from '../units.repository.js';
import type {
  ImportProgress,
  LineageImportOptions,
  LineageImportReport,
  RejectedRow,
  UnitsImportDeps,
  UnitsImportOptions,
  UnitsImportReport,
  UnitsImportService,
} from '../units.types.js';
import type { NewUnit } from '../units-write.repository.js';
import { importLineageRows } from './lineage-import.js';
import { readCsv } from './units-csv.js';

// Imports units and lineage from the GSO-style CSV files. Validates every row first and reports rejected
// rows with their line numbers; writes in batches inside one transaction; running it twice changes nothing.

type ValidRow = {
  line: number;
  code: string;
  name: string;
  type: string;
  level: number;
  parentCode: string | null;
  kind: UnitKind;
  /** Optional per-row validity (agencies that closed before the structure began, for instance). */
  validFrom: string | null;
  validTo: string | null;
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type Existing = Pick<UnitRow, 'id' | 'code' | 'name' | 'type' | 'kind' | 'level' | 'parentId'>;

const CLI_CONTEXT: AuditContext = { actor: null, requestId: 'cli' };

function validateRows(rows: ReturnType<typeof readCsv>['rows'], existing: Map<string, Existing>) {
  const rejected: RejectedRow[] = [];
  const valid = new Map<string, ValidRow>();
  for (const { line, values } of rows) {
    const code = values.code ?? '';
    const level = Number(values.level);
    const kindText = (values.kind ?? '').toLowerCase();
    const reject = (reason: string) => rejected.push({ line, code, reason });
    if (!code) reject('missing code');
    else if (!values.name) reject('missing name');
    else if (!values.type) reject('missing type');
    else if (!Number.isInteger(level) || level < 1 || level > 9) reject(`bad level "${values.level}"`);
    else if (kindText && !UNIT_KINDS.includes(kindText as UnitKind)) reject(`unknown kind "${values.kind}"`);
    else if (
      (values.valid_from && !DATE.test(values.valid_from)) ||
      (values.valid_to && !DATE.test(values.valid_to))
    )
      reject('bad valid_from or valid_to (YYYY-MM-DD)');
    else if (valid.has(code)) reject(`duplicate code (first on line ${valid.get(code)!.line})`);
    else
      valid.set(code, {
        line,
        code,
        name: values.name,
        type: values.type,
        level,
        parentCode: values.parent_code || null,
        kind: (kindText as UnitKind) || inferUnitKind(values.type, level),
        validFrom: values.valid_from || null,
        validTo: values.valid_to || null,
      });
  }
  checkParents(valid, existing, rejected);
  return { valid, rejected: rejected.sort((a, b) => a.line - b.line) };
}

// Parents must exist (in the file or already in the structure) one level up; children of rejected rows go too.
function checkParents(
  valid: Map<string, ValidRow>,
  existing: Map<string, Existing>,
  rejected: RejectedRow[],
) {
  const levelOf = (code: string) => valid.get(code)?.level ?? existing.get(code)?.level;
  for (const row of [...valid.values()].sort((a, b) => a.level - b.level)) {
    let reason: string | null = null;
    if (row.level === 1 && row.parentCode) reason = 'bad level (level 1 has no parent)';
    else if (row.level > 1 && !row.parentCode) reason = `bad level (level ${row.level} needs a parent_code)`;
    else if (row.parentCode && levelOf(row.parentCode) === undefined)
      reason = `unknown parent "${row.parentCode}"`;
    else if (row.parentCode && levelOf(row.parentCode) !== row.level - 1)
      reason = `bad level (parent "${row.parentCode}" is level ${levelOf(row.parentCode)})`;
    if (reason) {
      rejected.push({ line: row.line, code: row.code, reason });
      valid.delete(row.code);
    }
  }
}

function diffRow(row: ValidRow, old: Existing, parentId: number | null) {
  const patch: Partial<Existing> = {};
  if (old.name !== row.name) patch.name = row.name;
  if (old.type !== row.type) patch.type = row.type;
  if (old.kind !== row.kind) patch.kind = row.kind;
  if (old.level !== row.level) patch.level = row.level;
  if (old.parentId !== parentId) patch.parentId = parentId;
  return patch;
}

const PROGRESS_EVERY = 1000;

function toNewUnit(
  row: ValidRow,
  structureId: number,
  parentId: number | null,
  opts: { validFrom: string; validTo: string | null },
  now: string,
): NewUnit {
  return {
    structureId,
    code: row.code,
    name: row.name,
    searchName: foldVietnamese(row.name),
    type: row.type,
    kind: row.kind,
    level: row.level,
    parentId,
    path: '',
    validFrom: row.validFrom ?? opts.validFrom,
    validTo: row.validTo ?? opts.validTo,
    createdAt: now,
    updatedAt: now,
  };
}

export function createUnitsImportService(deps: UnitsImportDeps): UnitsImportService {
  const { read, write } = deps;

  async function loadExisting(structureId: number | null, exec: Executor) {
    if (structureId === null) return new Map<string, Existing>();
    const rows = await exec
      .selectFrom('units')
      .select(['id', 'code', 'name', 'type', 'kind', 'level', 'parentId'])
      .where('structureId', '=', structureId)
      .execute();
    return new Map(rows.map((r) => [r.code, r]));
  }

  async function insertFresh(
    exec: Executor,
    fresh: NewUnit[],
    progress: { done: number; report?: ImportProgress },
  ) {
    const ids = new Map<string, number>();
    for (const part of chunk(fresh, PROGRESS_EVERY)) {
      for (const [code, id] of await write.insertUnits(part, exec)) ids.set(code, id);
      progress.done += part.length;
      progress.report?.(`  units: ${progress.done} inserted`);
    }
    return ids;
  }

  // Tree rows for new units; a re-parented unit changes its whole subtree, so then the structure is redone.
  async function writeTreeClosure(
    exec: Executor,
    structureId: number,
    parents: Map<number, number | null>,
    insertedIds: number[],
    moved: boolean,
  ) {
    if (moved) {
      const all = [...parents.keys()];
      await write.deleteClosureOf(all, 1, exec);
      await write.deleteClosureOf(all, 0, exec);
      await write.insertClosure(closureRowsFor(all, parents), exec);
      await exec.updateTable('units').set({ path: '' }).where('structureId', '=', structureId).execute();
    } else {
      await write.insertClosure(closureRowsFor(insertedIds, parents), exec);
    }
    await write.fillPaths(structureId, exec);
  }

  async function writeUnits(
    exec: Executor,
    structureId: number,
    valid: ValidRow[],
    existing: Map<string, Existing>,
    opts: { validFrom: string; validTo: string | null; onProgress?: ImportProgress },
  ) {
    const now = deps.clock.now().toISOString();
    const ids = new Map([...existing.values()].map((e) => [e.code, e.id]));
    const parents = new Map([...existing.values()].map((e) => [e.id, e.parentId]));
    const progress = { done: 0, report: opts.onProgress };
    const insertedIds: number[] = [];
    let updated = 0;
    let moved = false;
    // Level by level, so every parent has its id before its children are written.
    for (const level of [...new Set(valid.map((r) => r.level))].sort((a, b) => a - b)) {
      const fresh: NewUnit[] = [];
      for (const row of valid.filter((r) => r.level === level)) {
        const parentId = row.parentCode ? ids.get(row.parentCode)! : null;
        const old = existing.get(row.code);
        if (!old) {
          fresh.push(toNewUnit(row, structureId, parentId, opts, now));
          continue;
        }
        const patch = diffRow(row, old, parentId);
        if (Object.keys(patch).length === 0) continue;
        moved ||= 'parentId' in patch;
        const searchName = patch.name ? { searchName: foldVietnamese(patch.name) } : {};
        await write.updateUnit(old.id, { ...patch, ...searchName, updatedAt: now }, exec);
        updated += 1;
      }
      const newIds = await insertFresh(exec, fresh, progress);
      for (const u of fresh) {
        const id = newIds.get(u.code)!;
        ids.set(u.code, id);
        parents.set(id, u.parentId ?? null);
        insertedIds.push(id);
      }
    }
    await writeTreeClosure(exec, structureId, parents, insertedIds, moved);
    return { inserted: insertedIds.length, updated };
  }

  async function importUnits(csvText: string, opts: UnitsImportOptions): Promise<UnitsImportReport> {
    const { rows } = readCsv(csvText, ['code', 'name', 'type', 'level', 'parent_code']);
    opts.onProgress?.(`Read ${rows.length} rows.`);
    return deps.db.transaction().execute(async (trx) => {
      const before = await read.findStructureByName(opts.structure, trx);
      const existing = await loadExisting(before?.id ?? null, trx);
      const { valid, rejected } = validateRows(rows, existing);
      const empty = { structureId: before?.id ?? null, structureCreated: false, closedStructures: [] };
      if (rejected.length && !opts.allowPartial)
        return { ...empty, rows: rows.length, inserted: 0, updated: 0, unchanged: 0, rejected };
      const structure = await ensureStructure(read, write, deps.clock, opts, trx);
      const result = await writeUnits(trx, structure.id, [...valid.values()], existing, {
        validFrom: opts.validFrom,
        validTo: structure.validTo,
        onProgress: opts.onProgress,
      });
      const changed = result.inserted + result.updated > 0;
      if (changed) await rebuildLineageClosure(write, trx);
      const report = {
        structureId: structure.id,
        structureCreated: structure.created,
        closedStructures: structure.closed,
        rows: rows.length,
        ...result,
        unchanged: valid.size - result.inserted - result.updated,
        rejected,
      };
      if (changed || structure.created) {
        await deps.audit.record(trx, opts.ctx ?? CLI_CONTEXT, {
          action: 'units.import',
          entity: 'structure',
          entityId: structure.id,
          after: { structure: opts.structure, ...result, rejected: rejected.length },
        });
      }
      return report;
    });
  }

  async function importLineage(csvText: string, opts: LineageImportOptions): Promise<LineageImportReport> {
    const { rows } = readCsv(csvText, ['old_code', 'new_code', 'kind']);
    opts.onProgress?.(`Read ${rows.length} rows.`);
    return deps.db.transaction().execute(async (trx) => {
      const report = await importLineageRows(read, write, rows, opts, trx);
      if (report.inserted + report.updated === 0) return report;
      report.closureChanges = await rebuildLineageClosure(write, trx);
      await deps.audit.record(trx, opts.ctx ?? CLI_CONTEXT, {
        action: 'lineage.import',
        entity: 'structure',
        entityId: report.newStructureId,
        after: { inserted: report.inserted, updated: report.updated, rejected: report.rejected.length },
      });
      return report;
    });
  }

  return { importUnits, importLineage };
}
