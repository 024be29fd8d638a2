import type {
  Dhis2DataValueSet,
  Dhis2ImportSummary,
  KpiBatchResult,
  KpiValueInput,
} from '../../../../core/contracts/kpis.js';
import { fieldMessage } from '../../../../core/i18n/errors.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, forbidden, validation } from '../../../lib/errors.js';
import { importSummary, mapDataValueSet, type OrgUnitIdScheme } from '../dhis2/kpi-dhis2.js';
import { canWriteKpiValue, canWriteKpiValuesAnywhere } from '../kpis.policy.js';
import type { KpisRepository } from '../kpis.repository.js';
import {
  definitionIndex,
  type IncomingRow,
  type ResolvedRow,
  type RowIssue,
  resolveRows,
} from './kpi-rows.js';
import { createKpiWriter, withWriteRetry } from './kpi-writer.js';
import '../kpis.messages.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';

// Ingestion of KPI values by API: our JSON batch (all or nothing) and DHIS2 dataValueSets (valid
// values imported, conflicts reported, like DHIS2; atomicMode=ALL for all or nothing). A writer may
// only touch units inside its scope: one row outside it refuses the whole request with 403.

export type IngestDeps = Pick<Deps, 'db' | 'audit' | 'clock'> & { repo: KpisRepository };

export function requireWriter(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!canWriteKpiValuesAnywhere(actor)) throw forbidden();
  return actor;
}

export function createKpiIngestService(deps: IngestDeps) {
  const { repo, db, clock } = deps;
  const writeValues = createKpiWriter({ repo, audit: deps.audit, clock });

  async function outOfScope(actor: Actor, rows: ResolvedRow[]): Promise<RowIssue[]> {
    const ancestors = await repo.ancestorsOf(rows.map((r) => r.unit.id));
    return rows
      .filter((r) => !canWriteKpiValue(actor, ancestors.get(r.unit.id) ?? []))
      .map((r) => ({ ref: r.ref, field: 'unit', code: 'kpi_unit_forbidden' }));
  }

  async function resolve(
    rows: IncomingRow[],
    periodFormat: 'canonical' | 'dhis2',
    seen?: Map<string, number>,
  ) {
    const defs = definitionIndex(await repo.listDefinitions());
    const structureId = await repo.currentStructureId(vietnamDate(clock.now()));
    return resolveRows(repo, defs, rows, { structureId, periodFormat, seen });
  }

  async function pushValues(ctx: AuditContext, values: KpiValueInput[]): Promise<KpiBatchResult> {
    const actor = requireWriter(ctx.actor);
    const incoming: IncomingRow[] = values.map((v, i) => ({
      ref: i,
      kpiCode: v.kpiCode,
      ...(v.unitId !== undefined ? { unitId: v.unitId } : { unitCode: v.unitCode }),
      period: v.period,
      raw: { value: v.value ?? null, numerator: v.numerator ?? null, denominator: v.denominator ?? null },
      note: v.note ?? null,
    }));
    const { resolved, issues } = await resolve(incoming, 'canonical');
    const toField = (i: RowIssue) => ({
      field: `values.${i.ref}.${i.field}`,
      code: i.code,
      params: i.params,
    });
    const forbiddenRows = await outOfScope(actor, resolved);
    if (forbiddenRows.length) throw new AppError('FORBIDDEN', { fieldErrors: forbiddenRows.map(toField) });
    if (issues.length) throw validation(issues.map(toField));
    const source = actor.kind === 'token' ? 'api' : 'manual';
    const out = await withWriteRetry(() =>
      db.transaction().execute((trx) => writeValues(trx, ctx, resolved, { source })),
    );
    return { batchId: out.batchId, imported: out.imported, updated: out.updated, unchanged: out.unchanged };
  }

  async function pushDataValueSet(
    ctx: AuditContext,
    set: Dhis2DataValueSet,
    opts: { orgUnitIdScheme: OrgUnitIdScheme; atomicMode: 'ALL' | 'NONE'; dryRun: boolean; locale: Locale },
  ): Promise<Dhis2ImportSummary> {
    const actor = requireWriter(ctx.actor);
    const defs = definitionIndex(await repo.listDefinitions());
    const mapped = mapDataValueSet(set, defs, opts.orgUnitIdScheme);
    const { resolved, issues } = await resolve(mapped.rows, 'dhis2');
    const forbiddenRows = await outOfScope(actor, resolved);
    if (forbiddenRows.length) {
      const fieldErrors = forbiddenRows.map((i) => ({ field: `dataValues.${i.ref}.orgUnit`, code: i.code }));
      throw new AppError('FORBIDDEN', { fieldErrors });
    }
    const allIssues = [...mapped.issues, ...issues];
    const fieldOf = (f: string) =>
      f === 'kpiCode' ? 'dataElement' : f === 'unitCode' || f === 'unitId' ? 'orgUnit' : f;
    const conflicts = allIssues.map((i) => ({
      object: mapped.objects.get(`${i.ref}.${fieldOf(i.field)}`) ?? `dataValues[${i.ref}]`,
      value: `dataValues[${i.ref}].${fieldOf(i.field)}: ${fieldMessage(i.code, opts.locale, i.params)}`,
    }));
    const total = set.dataValues.length;
    if (opts.dryRun || (opts.atomicMode === 'ALL' && conflicts.length) || !resolved.length) {
      return importSummary({ imported: 0, updated: 0, ignored: total }, conflicts);
    }
    const { actions } = await withWriteRetry(() =>
      db.transaction().execute((trx) => writeValues(trx, ctx, resolved, { source: 'dhis2' })),
    );
    let imported = 0;
    let updated = 0;
    for (const [ref, action] of actions) {
      const n = mapped.sources.get(ref)?.length ?? 1;
      if (action === 'create') imported += n;
      if (action === 'update') updated += n;
    }
    return importSummary({ imported, updated, ignored: total - imported - updated }, conflicts);
  }

  return { pushValues, pushDataValueSet, outOfScope, resolve, writeValues };
}
export type KpiIngestService = ReturnType<typeof createKpiIngestService>;
