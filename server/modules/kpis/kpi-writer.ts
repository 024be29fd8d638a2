import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { KpiSource } from '../../../core/contracts/kpis.js';
import type { KpiValuesTable } from '../../db/schema-kpis.js';
import { actorLabel } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { ResolvedRow } from './kpi-rows.js';
import type { KpisRepository, KpiValueRow } from './kpis.repository.js';

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

export function createKpiWriter({
  repo,
  audit,
  clock,
}: {
  repo: KpisRepository;
  audit: AuditService;
  clock: Clock;
}) {
  return async function writeValues(
    exec: Executor,
    ctx: AuditContext,
    rows: ResolvedRow[],
    opts: { source: KpiSource; isDemo?: boolean },
  ): Promise<WriteOutcome & { actions: WriteActions }> {
    const now = clock.now().toISOString();
    const batchId = randomUUID();
    const actor = ctx.actor;
    const who = {
      enteredByUserId: actor?.userId ?? null,
      enteredByTokenId: actor?.kind === 'token' ? actor.tokenId : null,
      enteredByLabel: opts.isDemo ? 'demo' : actorLabel(actor),
    };
    const existing = new Map(
      (
        await repo.valuesForKeys(
          rows.map((r) => r.kpi.id),
          rows.map((r) => r.unit.id),
          rows.map((r) => r.period.code),
          exec,
        )
      ).map((v) => [keyOf(v.kpiId, v.unitId, v.periodCode), v]),
    );
    const inserts: Insertable<KpiValuesTable>[] = [];
    const history: { valueId: number; action: 'create' | 'update'; row: ResolvedRow }[] = [];
    const before: Compact[] = [];
    const after: Compact[] = [];
    let unchanged = 0;
    const actions: WriteActions = new Map();
    for (const row of rows) {
      const found = existing.get(keyOf(row.kpi.id, row.unit.id, row.period.code));
      const fields = {
        ...row.raw,
        note: row.note,
        source: opts.source,
        isDemo: opts.isDemo ? 1 : 0,
        ...who,
        enteredAt: now,
      };
      if (found && isSame(found, row)) {
        unchanged++;
        actions.set(row.ref, 'unchanged');
        continue;
      }
      after.push({ kpi: row.kpi.code, unitId: row.unit.id, period: row.period.code, ...row.raw });
      if (found) {
        before.push({
          kpi: row.kpi.code,
          unitId: row.unit.id,
          period: row.period.code,
          value: found.value,
          numerator: found.numerator,
          denominator: found.denominator,
        });
        await repo.updateValue(exec, found.id, fields);
        history.push({ valueId: found.id, action: 'update', row });
        actions.set(row.ref, 'update');
        continue;
      }
      inserts.push({
        kpiId: row.kpi.id,
        unitId: row.unit.id,
        periodCode: row.period.code,
        periodStart: row.period.start,
        periodEnd: row.period.end,
        createdAt: now,
        ...fields,
      });
    }
    const inserted = await repo.insertValues(exec, inserts);
    const byKey = new Map(rows.map((r) => [keyOf(r.kpi.id, r.unit.id, r.period.code), r]));
    for (const v of inserted) {
      const row = byKey.get(keyOf(v.kpiId, v.unitId, v.periodCode))!;
      history.push({ valueId: v.id, action: 'create', row });
      actions.set(row.ref, 'create');
    }
    await repo.insertHistory(
      exec,
      history.map((h) => ({
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
    );
    const outcome = { batchId, imported: inserted.length, updated: before.length, unchanged };
    if (history.length) {
      const small = after.length <= AUDIT_ROWS_MAX;
      await audit.record(exec, ctx, {
        action: 'kpi.values.write',
        entity: 'kpi_value_batch',
        entityId: batchId,
        before: small ? before : { count: before.length },
        after: small ? { source: opts.source, ...outcome, rows: after } : { source: opts.source, ...outcome },
      });
    }
    return { ...outcome, actions };
  };
}
export type KpiWriter = ReturnType<typeof createKpiWriter>;
