import type { Executor, Reader } from '../../../db/executor.js';
import { moduleRevisions, type RevisedModule, revisionsWithAncestors } from '../../../db/revisions.js';
import { chunk } from '../../../lib/chunk.js';

// The dashboard's own reads: the area's units (for the unit-type filter and names) and where each KPI's latest
// value in the area came from. Every figure itself comes from the other modules' services.

export type AreaUnit = { id: number; name: string; kind: string; type: string; level: number };
export type KpiProvenance = { code: string; source: string; enteredAt: string };
export type KpiRawRow = {
  code: string;
  unitId: number;
  periodStart: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export function createDashboardRepository(db: Reader) {
  return {
    /** The revision of each source module's tables (the cache key's data part). */
    revisions: async (modules: readonly RevisedModule[], exec: Reader = db): Promise<string> =>
      moduleRevisions(exec, modules),
    /** The same, and the unit's ancestors (the access check's closure rows), in one round trip. */
    revisionsWithAncestors: (modules: readonly RevisedModule[], unitId: number, exec: Reader = db) =>
      revisionsWithAncestors(exec, modules, unitId),

    /** The unit itself, or undefined. */
    unit: async (id: number, exec: Reader = db): Promise<AreaUnit | undefined> =>
      exec
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'type', 'level'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The area's units in its tree (the unit itself included), current and closed. */
    areaUnits: async (id: number, exec: Reader = db): Promise<AreaUnit[]> =>
      exec
        .selectFrom('unitClosure')
        .innerJoin('units', 'units.id', 'unitClosure.descendantId')
        .select(['units.id', 'units.name', 'units.kind', 'units.type', 'units.level'])
        .where('unitClosure.ancestorId', '=', id)
        .where('unitClosure.viaLineage', '=', 0)
        .execute(),

    /** Per KPI code, the most recently entered value among the area's units: its source and date. */
    kpiProvenance: async (codes: string[], unitIds: number[], exec: Reader = db) => {
      const out = new Map<string, KpiProvenance>();
      if (!codes.length || !unitIds.length) return out;
      for (const part of chunk(unitIds)) {
        const rows = await exec
          .selectFrom('kpiValues')
          .innerJoin('kpiDefinitions', 'kpiDefinitions.id', 'kpiValues.kpiId')
          .select(({ fn }) => [
            'kpiDefinitions.code',
            'kpiValues.source',
            fn.max('kpiValues.enteredAt').as('enteredAt'),
          ])
          .where('kpiDefinitions.code', 'in', codes)
          .where('kpiValues.unitId', 'in', part)
          .groupBy(['kpiDefinitions.code', 'kpiValues.source'])
          .execute();
        for (const r of rows) {
          const cur = out.get(r.code);
          if (!cur || r.enteredAt > cur.enteredAt) out.set(r.code, r);
        }
      }
      return out;
    },

    /** Raw values of some KPIs for the units in a date span (a KPI that does not apply to the area's own kind). */
    kpiRaw: async (
      codes: string[],
      unitIds: number[],
      start: string,
      end: string,
      exec: Executor | Reader = db,
    ) => {
      const out: KpiRawRow[] = [];
      if (!codes.length || !unitIds.length) return out;
      for (const part of chunk(unitIds)) {
        out.push(
          ...(await exec
            .selectFrom('kpiValues')
            .innerJoin('kpiDefinitions', 'kpiDefinitions.id', 'kpiValues.kpiId')
            .select([
              'kpiDefinitions.code',
              'kpiValues.unitId',
              'kpiValues.periodStart',
              'kpiValues.value',
              'kpiValues.numerator',
              'kpiValues.denominator',
            ])
            .where('kpiDefinitions.code', 'in', codes)
            .where('kpiValues.unitId', 'in', part)
            .where('kpiValues.periodStart', '>=', start)
            .where('kpiValues.periodEnd', '<=', end)
            .execute()),
        );
      }
      return out;
    },

    /** The catalogue rows of some KPIs (names, types) for those computed here. */
    kpiDefinitions: async (codes: string[], exec: Reader = db) =>
      codes.length
        ? exec
            .selectFrom('kpiDefinitions')
            .select([
              'code',
              'nameVi',
              'nameEn',
              'unitOfMeasure',
              'valueType',
              'periodicity',
              'timeAggregation',
              'appliesToKinds',
              'higherIsBetter',
            ])
            .where('code', 'in', codes)
            .execute()
        : [],
  };
}
export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
