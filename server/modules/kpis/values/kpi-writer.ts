import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { KpiSource } from '../../../../core/contracts/kpis.js';
import type { Executor } from '../../../db/executor.js';
import type { KpiValuesTable } from '../../../db/schema-kpis.js';
import { actorLabel } from '../../../lib/actor.js';
import type { AuditContext, AuditService } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import type { KpisRepository, KpiValueRow } from '../kpis.repository.js';
import type { ResolvedRow } from './kpi-rows.js';

// Writes resolved rows with "last write wins": a new key inserts, an existing key is overwritten.
// Every write also appends to kpi_value_history (the full before/after trail per value) and the batch
// is recorded once in the audit log, in the same transaction.

export type WriteOutcome = { batchId: string; imported: number; updated: number; unchanged: number };
/** What happened to each row, by its ref; DHIS2 summaries count data values from it. */
export type WriteActions = Map<number, 'create' | 'update' | 'unchanged'>;

type Compact = {
  kpi: string;
  unitId: number;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

// Above this many rows the audit entry keeps counts and the batch id; kpi_value_history keeps the rows.
const AUDIT_ROWS_MAX = 5_000;

const keyOf = (kpiId: number, unitId: number, period: string) => `${kpiId}|${unitId}|${period}`;

function isSame(existing: KpiValueRow, row: ResolvedRow): boolean {
  return (
    existing.value === row.raw.value &&
    existing.numerator === row.raw.numerator &&
    existing.denominator === row.raw.denominator &&
    (existing.note ?? null) === (row.note ?? null)
  );
}

/** The columns a write sets, on insert and on overwrite alike. */
type Changes = Omit<
  Insertable<KpiValuesTable>,
  'kpiId' | 'unitId' | 'periodCode' | 'periodStart' | 'periodEnd' | 'createdAt'
>;

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

/**
 * Runs a write transaction, once more if a concurrent writer inserted the same new key first (the retry
 * then sees that row and overwrites it); a second clash is a 409 for the client to retry.
 */
export async function withWriteRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT');
    throw error;
  }
}

type Who = { enteredByUserId: number | null; enteredByTokenId: number | null; enteredByLabel: string };
type Opts = { source: KpiSource; isDemo?: boolean };

/** Sorts rows into inserts, updates and unchanged against what is stored; pure. */
function planWrites(rows: ResolvedRow[], existing: Map<string, KpiValueRow>) {
  const plan = {
    inserts: [] as ResolvedRow[],
    updates: [] as { row: ResolvedRow; found: KpiValueRow }[],
    actions: new Map() as WriteActions,
  };
  for (const row of rows) {
    const found = existing.get(keyOf(row.kpi.id, row.unit.id, row.period.code));
    if (!found) plan.inserts.push(row);
    else if (isSame(found, row)) plan.actions.set(row.ref, 'unchanged');
    else plan.updates.push({ row, found });
  }
  return plan;
}

function compact(
  row: ResolvedRow,
  raw: { value: number | null; numerator: number | null; denominator: number | null },
): Compact {
  return {
    kpi: row.kpi.code,
    unitId: row.unit.id,
    period: row.period.code,
    value: raw.value,
    numerator: raw.numerator,
    denominator: raw.denominator,
  };
}

function whoOf(ctx: AuditContext, opts: Opts): Who {
  const actor = ctx.actor;
  return {
    enteredByUserId: actor?.userId ?? null,
    enteredByTokenId: actor?.kind === 'token' ? actor.tokenId : null,
    enteredByLabel: opts.isDemo ? 'demo' : actorLabel(actor),
  };
}

export function createKpiWriter({
  repo,
  audit,
  clock,
}: {
  repo: KpisRepository;
  audit: AuditService;
  clock: Clock;
}) {
  async function loadExisting(exec: Executor, rows: ResolvedRow[]) {
    const stored = await repo.valuesForKeys(
      rows.map((r) => r.kpi.id),
      rows.map((r) => r.unit.id),
      rows.map((r) => r.period.code),
      exec,
    );
    return new Map(stored.map((v) => [keyOf(v.kpiId, v.unitId, v.periodCode), v]));
  }

  /** Applies the plan; returns the value id and action of every row written, for the history. */
  async function apply(
    exec: Executor,
    plan: ReturnType<typeof planWrites>,
    changesOf: (r: ResolvedRow) => Changes,
    createdAt: string,
  ) {
    const written: { valueId: number; action: 'create' | 'update'; row: ResolvedRow }[] = [];
    for (const { row, found } of plan.updates) {
      await repo.updateValue(found.id, changesOf(row), exec);
      written.push({ valueId: found.id, action: 'update', row });
      plan.actions.set(row.ref, 'update');
    }
    const inserts = plan.inserts.map(
      (row): Insertable<KpiValuesTable> => ({
        kpiId: row.kpi.id,
        unitId: row.unit.id,
        periodCode: row.period.code,
        periodStart: row.period.start,
        periodEnd: row.period.end,
        createdAt,
        ...changesOf(row),
      }),
    );
    const inserted = await repo.insertValues(inserts, exec);
    const byKey = new Map(plan.inserts.map((r) => [keyOf(r.kpi.id, r.unit.id, r.period.code), r]));
    for (const v of inserted) {
      const row = byKey.get(keyOf(v.kpiId, v.unitId, v.periodCode))!;
      written.push({ valueId: v.id, action: 'create', row });
      plan.actions.set(row.ref, 'create');
    }
    return written;
  }

  return async function writeValues(
    exec: Executor,
    ctx: AuditContext,
    rows: ResolvedRow[],
    opts: Opts,
  ): Promise<WriteOutcome & { actions: WriteActions }> {
    const now = clock.now().toISOString();
    const batchId = randomUUID();
    const who = whoOf(ctx, opts);
    const plan = planWrites(rows, await loadExisting(exec, rows));
    const changesOf = (row: ResolvedRow): Changes => ({
      ...row.raw,
      note: row.note,
      source: opts.source,
      isDemo: opts.isDemo ? 1 : 0,
      ...who,
      enteredAt: now,
    });
    const written = await apply(exec, plan, changesOf, now);
    await repo.insertHistory(
      written.map((h) => ({
        valueId: h.valueId,
        batchId,
        action: h.action,
        ...h.row.raw,
        note: h.row.note,
        source: opts.source,
        actorUserId: who.enteredByUserId,
        actorTokenId: who.enteredByTokenId,
        actorLabel: who.enteredByLabel,
        at: now,
      })),
      exec,
    );
    const outcome = {
      batchId,
      imported: plan.inserts.length,
      updated: plan.updates.length,
      unchanged: rows.length - written.length,
    };
    if (written.length) {
      const small = written.length <= AUDIT_ROWS_MAX;
      const before = plan.updates.map((u) => compact(u.row, u.found));
      const after = written.map((w) => compact(w.row, w.row.raw));
      await audit.record(exec, ctx, {
        action: 'kpi.values.write',
        entity: 'kpi_value_batch',
        entityId: batchId,
        before: small ? before : { count: before.length },
        after: small ? { source: opts.source, ...outcome, rows: after } : { source: opts.source, ...outcome },
      });
    }
    return { ...outcome, actions: plan.actions };
  };
}
export type KpiWriter = ReturnType<typeof createKpiWriter>;
