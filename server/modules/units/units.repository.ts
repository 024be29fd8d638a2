import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import { unitAncestorIds } from '../../lib/unit-ancestors.js';

// Read queries for units, structures, closure and headcounts. No rules here: scope roots and dates come in.

export type UnitRow = {
  id: number;
  structureId: number;
  structureName: string;
  code: string;
  name: string;
  type: string;
  kind: string;
  level: number;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
};

export type UnitFilter = {
  structureId: number;
  /** Units the actor may read: those with one of these among their closure ancestors. */
  scopeRoots: number[];
  parentId?: number;
  /** Only units whose parent is outside the scope (or absent): the actor's top of the tree. */
  topLevelOnly?: boolean;
  asOf?: string;
  /** Folded name fragment (matches search_name) or a code prefix. */
  search?: { folded: string; raw: string };
  kind?: string;
};

const UNIT_COLUMNS = [
  'u.id',
  'u.structureId',
  's.name as structureName',
  'u.code',
  'u.name',
  'u.type',
  'u.kind',
  'u.level',
  'u.parentId',
  'u.validFrom',
  'u.validTo',
] as const;

function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

// "Unit is inside one of these scope roots" as one indexed probe of unit_closure (descendant index).
function inScope(_db: Executor, unitRef: 'u.id' | 'u.parentId', roots: number[]): Expression<SqlBool> {
  const column = sql.raw(unitRef === 'u.id' ? 'u.id' : 'u.parent_id');
  return sql<SqlBool>`exists (select 1 from unit_closure c where c.descendant_id = ${column} and c.ancestor_id in (${sql.join(roots)}))`;
}

export function createUnitsRepository(db: Kysely<DB>) {
  const units = (exec: Executor = db) =>
    exec.selectFrom('units as u').innerJoin('structures as s', 's.id', 'u.structureId');

  return {
    listStructures: (exec: Executor = db) =>
      exec.selectFrom('structures').selectAll().orderBy('validFrom').execute(),

    countVisibleByStructure: async (roots: number[], exec: Executor = db) => {
      if (roots.length === 0) return new Map<number, number>();
      const rows = await exec
        .selectFrom('units as u')
        .select(['u.structureId', (eb) => eb.fn.countAll<number>().as('n')])
        .where(inScope(exec, 'u.id', roots))
        .groupBy('u.structureId')
        .execute();
      return new Map(rows.map((r) => [r.structureId, Number(r.n)]));
    },

    findStructureById: (id: number, exec: Executor = db) =>
      exec.selectFrom('structures').selectAll().where('id', '=', id).executeTakeFirst(),

    findStructureByName: (name: string, exec: Executor = db) =>
      exec.selectFrom('structures').selectAll().where('name', '=', name).executeTakeFirst(),

    findStructureValidAt: (date: string, exec: Executor = db) =>
      exec
        .selectFrom('structures')
        .selectAll()
        .where('validFrom', '<=', date)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
        .orderBy('validFrom', 'desc')
        .executeTakeFirst(),

    findUnit: (id: number, exec: Executor = db) =>
      units(exec).select(UNIT_COLUMNS).where('u.id', '=', id).executeTakeFirst() as Promise<
        UnitRow | undefined
      >,

    findUnitsByIds: (ids: number[], exec: Executor = db) =>
      ids.length === 0
        ? Promise.resolve([] as UnitRow[])
        : (units(exec).select(UNIT_COLUMNS).where('u.id', 'in', ids).execute() as Promise<UnitRow[]>),

    findUnitByCode: (structureId: number, code: string, exec: Executor = db) =>
      units(exec)
        .select(UNIT_COLUMNS)
        .where('u.structureId', '=', structureId)
        .where('u.code', '=', code)
        .executeTakeFirst() as Promise<UnitRow | undefined>,

    /** Every ancestor of a unit in the closure (itself, its tree ancestors, and those it gained by lineage). */
    ancestorIds: (unitId: number, exec: Executor = db) => unitAncestorIds(exec, unitId),

    /** Tree ancestors (no lineage), root first, the unit itself excluded. */
    treeAncestors: (unitId: number, exec: Executor = db) =>
      exec
        .selectFrom('unitClosure as c')
        .innerJoin('units as u', 'u.id', 'c.ancestorId')
        .select(['u.id', 'u.name', 'u.type'])
        .where('c.descendantId', '=', unitId)
        .where('c.viaLineage', '=', 0)
        .where('c.depth', '>', 0)
        .orderBy('c.depth', 'desc')
        .execute(),

    listUnits: (f: UnitFilter, exec: Executor = db): Promise<UnitRow[]> => {
      if (f.scopeRoots.length === 0) return Promise.resolve([]);
      let q = units(exec)
        .select(UNIT_COLUMNS)
        .where('u.structureId', '=', f.structureId)
        .where(inScope(exec, 'u.id', f.scopeRoots));
      if (f.parentId !== undefined) q = q.where('u.parentId', '=', f.parentId);
      if (f.topLevelOnly) {
        q = q.where((eb) =>
          eb.or([eb('u.parentId', 'is', null), eb.not(inScope(exec, 'u.parentId', f.scopeRoots))]),
        );
      }
      if (f.kind) q = q.where('u.kind', '=', f.kind);
      if (f.asOf) {
        const d = f.asOf;
        q = q
          .where('u.validFrom', '<=', d)
          .where((eb) => eb.or([eb('u.validTo', 'is', null), eb('u.validTo', '>=', d)]));
      }
      if (f.search) {
        const folded = `%${escapeLike(f.search.folded)}%`;
        const code = `${escapeLike(f.search.raw)}%`;
        q = q.where(
          sql<SqlBool>`(u.search_name like ${folded} escape '!' or u.code like ${code} escape '!')`,
        );
      }
      return q.execute() as Promise<UnitRow[]>;
    },

    childCounts: async (parentIds: number[], asOf: string | undefined, exec: Executor = db) => {
      if (parentIds.length === 0) return new Map<number, number>();
      let q = exec
        .selectFrom('units')
        .select(['parentId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('parentId', 'in', parentIds);
      if (asOf) {
        q = q
          .where('validFrom', '<=', asOf)
          .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', asOf)]));
      }
      const rows = await q.groupBy('parentId').execute();
      return new Map(rows.map((r) => [r.parentId as number, Number(r.n)]));
    },

    headcounts: (unitId: number, exec: Executor = db) =>
      exec
        .selectFrom('unitHeadcounts')
        .select(['metric', 'asOf', 'value', 'source'])
        .where('unitId', '=', unitId)
        .orderBy('metric')
        .orderBy('asOf', 'desc')
        .execute(),

    /** Lineage edges arriving at (`toUnitId`) or leaving (`fromUnitId`) any of the given units. */
    lineageEdges: (column: 'fromUnitId' | 'toUnitId', ids: number[], exec: Executor = db) =>
      ids.length === 0
        ? Promise.resolve([])
        : exec.selectFrom('unitLineage').selectAll().where(column, 'in', ids).orderBy('id').execute(),

    lineageCounts: async (unitId: number, exec: Executor = db) => {
      const row = await exec
        .selectFrom('unitLineage')
        .select([
          sql<number>`sum(case when to_unit_id = ${unitId} then 1 else 0 end)`.as('predecessors'),
          sql<number>`sum(case when from_unit_id = ${unitId} then 1 else 0 end)`.as('successors'),
        ])
        .where((eb) => eb.or([eb('toUnitId', '=', unitId), eb('fromUnitId', '=', unitId)]))
        .executeTakeFirst();
      return { predecessors: Number(row?.predecessors ?? 0), successors: Number(row?.successors ?? 0) };
    },

    /** Which of `ids` lie inside one of the scope roots. */
    visibleAmong: async (ids: number[], roots: number[], exec: Executor = db) => {
      if (ids.length === 0 || roots.length === 0) return new Set<number>();
      const rows = await exec
        .selectFrom('unitClosure')
        .select('descendantId')
        .distinct()
        .where('descendantId', 'in', ids)
        .where('ancestorId', 'in', roots)
        .execute();
      return new Set(rows.map((r) => r.descendantId));
    },

    countUnitsInStructure: async (structureId: number, exec: Executor = db) => {
      const row = await exec
        .selectFrom('units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('structureId', '=', structureId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
