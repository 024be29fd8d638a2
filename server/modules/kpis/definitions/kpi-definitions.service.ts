import type {
  KpiDefinitionInput,
  KpiDefinitionPatch,
  KpiTargetInput,
} from '../../../../core/contracts/kpis.js';
import type { Executor } from '../../../db/executor.js';
import type { Deps } from '../../../deps.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, forbidden, notFound } from '../../../lib/errors.js';
import { canManageKpiCatalogue, canSetKpiTarget } from '../kpis.policy.js';
import type { KpisRepository } from '../kpis.repository.js';
import type { KpiDefinitionsService } from '../kpis.types.js';
import { toDefinitionView } from '../values/kpi-reads.service.js';
import { isUniqueViolation } from '../values/kpi-writer.js';
import { BUILTIN_KPIS } from './kpi-catalogue.js';

// KPI definitions (a deployment-wide catalogue) and targets per KPI × unit × year.

type DefDeps = Pick<Deps, 'db' | 'audit' | 'clock'> & { repo: KpisRepository };

function definitionColumns(input: KpiDefinitionPatch) {
  const { appliesToKinds, higherIsBetter, ...rest } = input;
  return {
    ...rest,
    ...(appliesToKinds !== undefined ? { appliesToKinds: JSON.stringify(appliesToKinds) } : {}),
    ...(higherIsBetter !== undefined ? { higherIsBetter: higherIsBetter ? 1 : 0 } : {}),
  };
}

function newDefinitionColumns(input: KpiDefinitionInput, isBuiltin: boolean, now: string) {
  return {
    code: input.code,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    description: input.description ?? null,
    unitOfMeasure: input.unitOfMeasure,
    valueType: input.valueType,
    periodicity: input.periodicity,
    timeAggregation: input.timeAggregation,
    appliesToKinds: JSON.stringify(input.appliesToKinds),
    higherIsBetter: input.higherIsBetter ? 1 : 0,
    dhis2DataElement: input.dhis2DataElement ?? null,
    isBuiltin: isBuiltin ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts the built-in KPIs that are missing; existing definitions (maybe edited) are left alone. */
export async function ensureKpiCatalogue(deps: DefDeps, exec: Executor = deps.db): Promise<number> {
  const existing = new Set((await deps.repo.listDefinitions(exec)).map((d) => d.code));
  const now = deps.clock.now().toISOString();
  let added = 0;
  for (const kpi of BUILTIN_KPIS.filter((k) => !existing.has(k.code))) {
    const row = await deps.repo.insertDefinition(newDefinitionColumns(kpi, true, now), exec);
    await deps.audit.record(
      exec,
      { actor: null },
      { action: 'kpi.define', entity: 'kpi_definition', entityId: row.id, after: row },
    );
    added++;
  }
  return added;
}

export function createKpiDefinitionsService(deps: DefDeps): KpiDefinitionsService {
  const { repo, db, audit, clock } = deps;

  async function assertManager(ctx: AuditContext) {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
    if (!canManageKpiCatalogue(ctx.actor, await repo.rootUnitIds())) throw forbidden();
  }

  async function guarded<T>(work: () => Promise<T>, code: string): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError('CONFLICT', { fieldErrors: [{ field: 'body', code }] });
      throw error;
    }
  }

  return {
    async create(ctx: AuditContext, input: KpiDefinitionInput) {
      await assertManager(ctx);
      const now = clock.now().toISOString();
      const row = await guarded(
        () =>
          db.transaction().execute(async (trx) => {
            const created = await repo.insertDefinition(newDefinitionColumns(input, false, now), trx);
            await audit.record(trx, ctx, {
              action: 'kpi.define',
              entity: 'kpi_definition',
              entityId: created.id,
              after: created,
            });
            return created;
          }),
        'kpi_code_taken',
      );
      return toDefinitionView(row);
    },
    async update(ctx: AuditContext, code: string, patch: KpiDefinitionPatch) {
      await assertManager(ctx);
      const before = await repo.definitionByCode(code.trim().toUpperCase());
      if (!before) throw notFound();
      const row = await guarded(
        () =>
          db.transaction().execute(async (trx) => {
            const after = await repo.updateDefinition(
              before.id,
              {
                ...definitionColumns(patch),
                updatedAt: clock.now().toISOString(),
              },
              trx,
            );
            await audit.record(trx, ctx, {
              action: 'kpi.update',
              entity: 'kpi_definition',
              entityId: before.id,
              before,
              after,
            });
            return after;
          }),
        'kpi_dhis2_taken',
      );
      return toDefinitionView(row);
    },
    async setTarget(ctx: AuditContext, code: string, input: KpiTargetInput) {
      if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
      const ancestors = (await repo.ancestorsOf([input.unitId])).get(input.unitId) ?? [];
      const [unit] = await repo.unitsByIds([input.unitId]);
      if (!unit || !canSetKpiTarget(ctx.actor, ancestors)) throw forbidden();
      const kpi = await repo.definitionByCode(code.trim().toUpperCase());
      if (!kpi) throw notFound();
      const subtree = input.appliesToSubtree ? 1 : 0;
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const before = await repo.targetByKey(kpi.id, input.unitId, input.year, subtree, trx);
        if (before) await repo.updateTarget(before.id, input.target, now, trx);
        const after = before
          ? { ...before, target: input.target, updatedAt: now }
          : await repo.insertTarget(
              {
                kpiId: kpi.id,
                unitId: input.unitId,
                year: input.year,
                appliesToSubtree: subtree,
                target: input.target,
                updatedAt: now,
              },
              trx,
            );
        await audit.record(trx, ctx, {
          action: 'kpi.target.set',
          entity: 'kpi_target',
          entityId: after.id,
          before: before ?? null,
          after,
        });
      });
      return {
        kpiCode: kpi.code,
        unitId: input.unitId,
        year: input.year,
        target: input.target,
        appliesToSubtree: input.appliesToSubtree,
      };
    },
  };
}
