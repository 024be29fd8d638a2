import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import type {
  KpiDefinitionsTable,
  KpiImportsTable,
  KpiValueHistoryTable,
  KpiValuesTable,
} from '../../db/schema-kpis.js';
import { chunk } from '../../lib/chunk.js';
import { unitAncestorIdsMany } from '../../lib/unit-ancestors.js';

// Kysely queries for operational KPIs. No rules here; lists of ids are chunked so no statement
// exceeds either database's bound-parameter limit.

export type KpiDefinitionRow = Selectable<KpiDefinitionsTable>;
export type KpiValueRow = Selectable<KpiValuesTable>;
export type KpiImportRow = Selectable<KpiImportsTable>;
export type UnitRef = {
  id: number;
  code: string;
  kind: string;
  type: string;
  level: number;
  structureId: number;
};

const UNIT_COLUMNS = ['id', 'code', 'kind', 'type', 'level', 'structureId'] as const;

export function createKpisRepository(db: Kysely<DB>) {
  return {
    listDefinitions: (exec: Executor = db) =>
      exec.selectFrom('kpiDefinitions').selectAll().orderBy('code').execute(),
    definitionByCode: (code: string, exec: Executor = db) =>
      exec.selectFrom('kpiDefinitions').selectAll().where('code', '=', code).executeTakeFirst(),
    insertDefinition: (row: Insertable<KpiDefinitionsTable>, exec: Executor = db) =>
      exec.insertInto('kpiDefinitions').values(row).returningAll().executeTakeFirstOrThrow(),
    updateDefinition: (id: number, patch: Updateable<KpiDefinitionsTable>, exec: Executor = db) =>
      exec
        .updateTable('kpiDefinitions')
        .set(patch)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The structure in force on `date`: the latest one that started on or before it and has not ended. */
    currentStructureId: async (date: string, exec: Executor = db) => {
      const row = await exec
        .selectFrom('structures')
        .select('id')
        .where('validFrom', '<=', date)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', date)]))
        .orderBy('validFrom', 'desc')
        .executeTakeFirst();
      return row?.id ?? null;
    },
    unitsByIds: async (ids: number[], exec: Executor = db): Promise<UnitRef[]> => {
      const out: UnitRef[] = [];
      for (const part of chunk([...new Set(ids)])) {
        out.push(...(await exec.selectFrom('units').select(UNIT_COLUMNS).where('id', 'in', part).execute()));
      }
      return out;
    },
    unitsByCodes: async (structureId: number, codes: string[], exec: Executor = db): Promise<UnitRef[]> => {
      const out: UnitRef[] = [];
      for (const part of chunk([...new Set(codes)])) {
        out.push(
          ...(await exec
            .selectFrom('units')
            .select(UNIT_COLUMNS)
            .where('structureId', '=', structureId)
            .where('code', 'in', part)
            .execute()),
        );
      }
      return out;
    },
    /** Ancestors (itself included) of each unit, from unit_closure (see lib/unit-ancestors.ts). */
    ancestorsOf: (unitIds: number[], exec: Executor = db) => unitAncestorIdsMany(exec, unitIds),
    /** The unit and its descendants within the same structure (lineage links excluded, so nothing counts twice). */
    subtreeIds: async (unitId: number, exec: Executor = db): Promise<number[]> => {
      const rows = await exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .where('ancestorId', '=', unitId)
        .where('viaLineage', '=', 0)
        .execute();
      return [...new Set([unitId, ...rows.map((r) => r.descendantId)])];
    },
    rootUnitIds: async (exec: Executor = db) =>
      (await exec.selectFrom('units').select('id').where('parentId', 'is', null).execute()).map((r) => r.id),

    valuesForKeys: async (
      kpiIds: number[],
      unitIds: number[],
      periodCodes: string[],
      exec: Executor = db,
    ) => {
      const out: KpiValueRow[] = [];
      if (!kpiIds.length || !periodCodes.length) return out;
      const kpis = [...new Set(kpiIds)];
      const periods = [...new Set(periodCodes)];
      for (const part of chunk([...new Set(unitIds)], 200)) {
        for (const periodPart of chunk(periods, 200)) {
          out.push(
            ...(await exec
              .selectFrom('kpiValues')
              .selectAll()
              .where('kpiId', 'in', kpis)
              .where('unitId', 'in', part)
              .where('periodCode', 'in', periodPart)
              .execute()),
          );
        }
      }
      return out;
    },
    insertValues: async (rows: Insertable<KpiValuesTable>[], exec: Executor = db) => {
      const out: { id: number; kpiId: number; unitId: number; periodCode: string }[] = [];
      for (const part of chunk(rows, 100)) {
        out.push(
          ...(await exec
            .insertInto('kpiValues')
            .values(part)
            .returning(['id', 'kpiId', 'unitId', 'periodCode'])
            .execute()),
        );
      }
      return out;
    },
    updateValue: (id: number, patch: Updateable<KpiValuesTable>, exec: Executor = db) =>
      exec.updateTable('kpiValues').set(patch).where('id', '=', id).execute(),
    insertHistory: async (rows: Insertable<KpiValueHistoryTable>[], exec: Executor = db) => {
      for (const part of chunk(rows, 100)) await exec.insertInto('kpiValueHistory').values(part).execute();
    },
    valuesOfUnit: (kpiId: number, unitId: number, fromStart: string, toStart: string, exec: Executor = db) =>
      exec
        .selectFrom('kpiValues')
        .selectAll()
        .where('kpiId', '=', kpiId)
        .where('unitId', '=', unitId)
        .where('periodStart', '>=', fromStart)
        .where('periodStart', '<=', toStart)
        .orderBy('periodStart')
        .execute(),
    /** Values of the given units whose period lies within [start, end]. */
    valuesInSpan: async (unitIds: number[], start: string, end: string, exec: Executor = db) => {
      const out: KpiValueRow[] = [];
      for (const part of chunk([...new Set(unitIds)])) {
        out.push(
          ...(await exec
            .selectFrom('kpiValues')
            .selectAll()
            .where('unitId', 'in', part)
            .where('periodStart', '>=', start)
            .where('periodEnd', '<=', end)
            .execute()),
        );
      }
      return out;
    },
    historyOf: (kpiId: number, unitId: number, periodCode: string, exec: Executor = db) =>
      exec
        .selectFrom('kpiValueHistory as h')
        .innerJoin('kpiValues as v', 'v.id', 'h.valueId')
        .select([
          'h.action',
          'h.value',
          'h.numerator',
          'h.denominator',
          'h.source',
          'h.note',
          'h.actorLabel',
          'h.at',
          'h.batchId',
        ])
        .where('v.kpiId', '=', kpiId)
        .where('v.unitId', '=', unitId)
        .where('v.periodCode', '=', periodCode)
        .orderBy('h.id')
        .execute(),

    targetsFor: async (kpiIds: number[], unitIds: number[], year: number, exec: Executor = db) => {
      if (!kpiIds.length || !unitIds.length) return [];
      const out = [];
      for (const part of chunk([...new Set(unitIds)])) {
        out.push(
          ...(await exec
            .selectFrom('kpiTargets')
            .selectAll()
            .where('kpiId', 'in', kpiIds)
            .where('unitId', 'in', part)
            .where('year', '=', year)
            .execute()),
        );
      }
      return out;
    },
    targetByKey: (kpiId: number, unitId: number, year: number, subtree: number, exec: Executor = db) =>
      exec
        .selectFrom('kpiTargets')
        .selectAll()
        .where('kpiId', '=', kpiId)
        .where('unitId', '=', unitId)
        .where('year', '=', year)
        .where('appliesToSubtree', '=', subtree)
        .executeTakeFirst(),
    insertTarget: (row: Insertable<DB['kpiTargets']>, exec: Executor = db) =>
      exec.insertInto('kpiTargets').values(row).returningAll().executeTakeFirstOrThrow(),
    updateTarget: (id: number, target: number, updatedAt: string, exec: Executor = db) =>
      exec.updateTable('kpiTargets').set({ target, updatedAt }).where('id', '=', id).execute(),

    insertImport: (row: Insertable<KpiImportsTable>, exec: Executor = db) =>
      exec.insertInto('kpiImports').values(row).returning('id').executeTakeFirstOrThrow(),
    updateImport: (id: number, patch: Updateable<KpiImportsTable>, exec: Executor = db) =>
      exec.updateTable('kpiImports').set(patch).where('id', '=', id).execute(),
    /** Moves a 'ready' import to 'committed'; false when it was not 'ready' (already committed, or racing). */
    claimImport: async (id: number, committedAt: string, exec: Executor = db) => {
      const r = await exec
        .updateTable('kpiImports')
        .set({ status: 'committed', committedAt })
        .where('id', '=', id)
        .where('status', '=', 'ready')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    insertImportFile: (importId: number, contentBase64: string, exec: Executor = db) =>
      exec.insertInto('kpiImportFiles').values({ importId, contentBase64 }).execute(),
    importFile: (importId: number, exec: Executor = db) =>
      exec
        .selectFrom('kpiImportFiles')
        .select('contentBase64')
        .where('importId', '=', importId)
        .executeTakeFirst(),
    deleteImportFile: (importId: number, exec: Executor = db) =>
      exec.deleteFrom('kpiImportFiles').where('importId', '=', importId).execute(),
    importById: (id: number, exec: Executor = db) =>
      exec.selectFrom('kpiImports').selectAll().where('id', '=', id).executeTakeFirst(),
  };
}
export type KpisRepository = ReturnType<typeof createKpisRepository>;
