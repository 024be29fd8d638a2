import { sql } from 'kysely';
import type { Executor, Reader } from './executor.js';
import { compiledOnce, prepared } from './prepared.js';

// The revision counters (data_revisions) that triggers bump in the transaction of every write to a table
// (migrations 2026-12-06-0510, 2026-12-07-0300, 2026-12-07-0600). A cache keyed on them is right in every
// process after any write (API, import, CLI, restore) with no messages to lose.

/** The counted tables of each module whose figures the DX dashboard and the public home show. */
export const REVISED_TABLES = {
  units: ['units', 'unit_lineage', 'unit_headcounts'],
  kpis: ['kpi_definitions', 'kpi_targets', 'kpi_values'],
  measure: [
    'measure_frameworks',
    'measure_periods',
    'measure_period_units',
    'measure_submissions',
    'measure_snapshots',
    'measure_snapshot_values',
  ],
  steer: [
    'steer_tasks',
    'steer_task_history',
    'steer_task_extensions',
    'steer_task_coordinators',
    'steer_task_groups',
    'steer_progress_updates',
    'steer_plans',
    'steer_products',
    'steer_product_tasks',
  ],
  // Not contest_attempts: written on every autosave, and the figures show participants, never attempts.
  contest: ['contests', 'contest_participants', 'contest_results', 'contest_collective'],
  feedback: ['feedback_categories', 'feedback_reports', 'feedback_events'],
  community: ['community_activities', 'community_teams', 'community_members', 'community_targets'],
} as const;

export type RevisedModule = keyof typeof REVISED_TABLES;

/**
 * One revision per module (the sum of its tables' counters: each only grows, so any write changes the sum),
 * as a key part: 'units:3.kpis:41.measure:7…'. One indexed read of a small table.
 */
export async function moduleRevisions(db: Reader, modules: readonly RevisedModule[]): Promise<string> {
  return revisionKey(
    modules,
    await counters(
      db,
      modules.flatMap((m) => REVISED_TABLES[m]),
    ),
  );
}

/** The counters of some tables, as a key part ('units:3.community_teams:8…'), for a cache narrower than a module. */
export async function tableRevisions(db: Reader, tables: readonly string[]): Promise<string> {
  const by = new Map((await counters(db, tables)).map((r) => [r.name, Number(r.revision)]));
  return tables.map((t) => `${t}:${by.get(t) ?? 0}`).join('.');
}

const counters = (db: Reader, names: readonly string[]) =>
  db.selectFrom('dataRevisions').select(['name', 'revision']).where('name', 'in', names).execute();

function revisionKey(modules: readonly RevisedModule[], rows: { name: string; revision: number }[]): string {
  const by = new Map(rows.map((r) => [r.name, Number(r.revision)]));
  return modules.map((m) => `${m}:${REVISED_TABLES[m].reduce((s, t) => s + (by.get(t) ?? 0), 0)}`).join('.');
}

/**
 * The modules' revisions (as moduleRevisions) and a unit's ancestors (its unit_closure rows, exactly what the
 * access guard reads) in ONE round trip. A cached answer's hit is then the session's read plus this one, not
 * three reads: under 50 concurrent clients each round trip's socket writes were most of a hit's cost.
 */
export async function revisionsWithAncestors(
  db: Reader,
  modules: readonly RevisedModule[],
  unitId: number,
): Promise<{ revisions: string; ancestors: number[] }> {
  const names = modules.flatMap((m) => REVISED_TABLES[m]);
  const rows = await db
    .selectFrom('dataRevisions')
    .select(['name', 'revision'])
    .where('name', 'in', names)
    .unionAll(
      db
        .selectFrom('unitClosure')
        .select([sql<string>`''`.as('name'), 'ancestorId as revision'])
        .where('descendantId', '=', unitId),
    )
    .execute();
  return {
    revisions: revisionKey(
      modules,
      rows.filter((r) => r.name !== ''),
    ),
    ancestors: [...new Set(rows.filter((r) => r.name === '').map((r) => Number(r.revision)))],
  };
}

/** A unit's own row as a scoped answer names it. */
export type RevisedUnitRow = { id: number; name: string; type: string; level: number };

/**
 * As revisionsWithAncestors, plus the unit's own row (undefined for an unknown id): everything a cached answer
 * about one unit needs before its bytes are sent (the access check, the unit, the cache stamp) in ONE round
 * trip. The leader dashboard's hit was four reads (session, closure, unit, counters); at 50 clients each read's
 * statement building, socket round trip and result parsing were most of a hit's cost. So the statement is
 * built and compiled once per reader (its text depends only on the modules) and sent on PostgreSQL as a named
 * prepared statement: create the reader once, call it per request.
 */
export function revisionsWithUnitReader(
  db: Executor,
  modules: readonly RevisedModule[],
): (
  unitId: number,
  exec?: Executor,
) => Promise<{ revisions: string; ancestors: number[]; unit: RevisedUnitRow | undefined }> {
  const names = modules.flatMap((m) => REVISED_TABLES[m]);
  // The unit's branch first: its typed columns give the others' nulls their types (PostgreSQL resolves a
  // UNION's column types branch by branch).
  const query = compiledOnce((unitId: number) =>
    db
      .selectFrom('units')
      .select([
        sql<string>`'#unit'`.as('name'),
        'id as revision',
        sql<string | null>`name`.as('unitName'),
        sql<string | null>`type`.as('unitType'),
        sql<number | null>`level`.as('unitLevel'),
      ])
      .where('id', '=', unitId)
      .unionAll(
        db
          .selectFrom('dataRevisions')
          .select([
            'name',
            'revision',
            sql<string | null>`null`.as('unitName'),
            sql<string | null>`null`.as('unitType'),
            sql<number | null>`null`.as('unitLevel'),
          ])
          .where('name', 'in', names),
      )
      .unionAll(
        db
          .selectFrom('unitClosure')
          .select([
            sql<string>`''`.as('name'),
            'ancestorId as revision',
            sql<string | null>`null`.as('unitName'),
            sql<string | null>`null`.as('unitType'),
            sql<number | null>`null`.as('unitLevel'),
          ])
          .where('descendantId', '=', unitId),
      ),
  );
  return async (unitId, exec = db) => {
    const { rows } = await exec.executeQuery(prepared(db, query(unitId)));
    const own = rows.find((r) => r.name === '#unit');
    return {
      revisions: revisionKey(
        modules,
        rows.filter((r) => r.name !== '' && r.name !== '#unit'),
      ),
      ancestors: [...new Set(rows.filter((r) => r.name === '').map((r) => Number(r.revision)))],
      unit: own
        ? {
            id: Number(own.revision),
            name: own.unitName ?? '',
            type: own.unitType ?? '',
            level: Number(own.unitLevel),
          }
        : undefined,
    };
  };
}
