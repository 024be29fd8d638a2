import type { Kysely } from 'kysely';
import type { Period, PeriodCreate, PeriodTargets } from '../../../core/contracts/measure.js';
import type { UnitKind } from '../../../core/contracts/measure-framework.js';
import type { DB } from '../../db/schema.js';
import { type Actor, scopeRootsFor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { FrameworksRepository } from './frameworks.repository.js';
import { parseDefinition } from './frameworks.service.js';
import { canManagePeriod, canReadUnit, measureUnitKind } from './measure.policy.js';
import type { MeasureUnitsRepository } from './measure-units.repository.js';
import type { PeriodRow, PeriodsRepository, PeriodWithFramework } from './periods.repository.js';
import { checkTargets, parseTargets, targetsJsonOf } from './targets.js';

// Assessment periods: a framework version assigned to a set of units under a root, with open and due dates.

type PeriodsDeps = {
  db: Kysely<DB>;
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  audit: AuditService;
  clock: Clock;
};

export function toPeriod(row: PeriodWithFramework): Period {
  const assignment = JSON.parse(row.assignmentJson) as {
    unitIds: number[];
    unitKinds: string[];
    unitGroups?: Record<string, number[]>;
  };
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    frameworkId: row.frameworkId,
    frameworkCode: row.frameworkCode,
    frameworkVersion: row.frameworkVersion,
    rootUnitId: row.rootUnitId,
    unitIds: assignment.unitIds,
    unitKinds: assignment.unitKinds,
    unitGroups: assignment.unitGroups ?? {},
    unitCount: row.unitCount,
    opensOn: row.opensOn,
    dueOn: row.dueOn,
    status: row.status,
    targets: parseTargets(row.targetsJson),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Group members must be units of the period; a unit may belong to several groups. */
function groupsByUnit(groups: Record<string, number[]>, members: Set<number>): Map<number, string[]> {
  const byUnit = new Map<number, string[]>();
  for (const [code, unitIds] of Object.entries(groups)) {
    unitIds.forEach((unitId, i) => {
      if (!members.has(unitId)) {
        throw new AppError('VALIDATION', {
          fieldErrors: [{ field: `body.unitGroups.${code}.${i}`, code: 'measure.group_unit_not_assigned' }],
        });
      }
      byUnit.set(unitId, [...new Set([...(byUnit.get(unitId) ?? []), code])]);
    });
  }
  return byUnit;
}

const TRANSITIONS: Record<'open' | 'close', { from: PeriodRow['status'][]; to: PeriodRow['status'] }> = {
  open: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

export function createPeriodsService(deps: PeriodsDeps) {
  const { db, periods, frameworks, units, audit, clock } = deps;

  async function expandUnits(input: PeriodCreate, exec: Executor): Promise<number[]> {
    const subtree = await units.subtreeUnits(input.rootUnitId, exec);
    const inSubtree = new Set(subtree.map((u) => u.id));
    const outside = input.unitIds.findIndex((unitId) => !inSubtree.has(unitId));
    if (outside >= 0) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: `body.unitIds.${outside}`, code: 'measure.unit_outside_root' }],
      });
    }
    const kinds = new Set<UnitKind>(input.unitKinds);
    const chosen = new Set(input.unitIds);
    for (const u of subtree) if (kinds.has(measureUnitKind(u))) chosen.add(u.id);
    if (!chosen.size) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'body.unitKinds', code: 'measure.no_units_assigned' }],
      });
    }
    return [...chosen].sort((a, b) => a - b);
  }

  /** The period, if the actor may read it: read on its root, or on one of its units (officers). */
  async function readable(actor: Actor | null, id: number): Promise<PeriodWithFramework> {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const row = await periods.find(id);
    if (!row) throw notFound();
    if (canReadUnit(actor, await units.ancestorIds(row.rootUnitId))) return row;
    const visible = await periods.listInScope(scopeRootsFor(actor, 'measure.read'));
    if (!visible.some((p) => p.id === id)) throw new AppError('FORBIDDEN');
    return row;
  }

  async function transition(ctx: AuditContext, id: number, action: 'open' | 'close') {
    return db.transaction().execute(async (trx) => {
      const row = await periods.find(id, trx);
      if (!row) throw notFound();
      if (!canManagePeriod(ctx.actor, await units.ancestorIds(row.rootUnitId, trx))) {
        throw new AppError('FORBIDDEN');
      }
      const { from, to } = TRANSITIONS[action];
      if (!from.includes(row.status)) {
        throw new AppError('INVALID_STATE', {
          detailKey: 'measure.period_wrong_status',
          params: { status: row.status },
        });
      }
      await periods.updateStatus(id, to, clock.now().toISOString(), trx);
      await audit.record(trx, ctx, {
        action: `measure.period.${action}`,
        entity: 'measure_period',
        entityId: id,
        before: { status: row.status },
        after: { status: to },
      });
      return toPeriod((await periods.find(id, trx)) as PeriodWithFramework);
    });
  }

  return {
    readable,
    async list(actor: Actor | null): Promise<Period[]> {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return (await periods.listInScope(scopeRootsFor(actor, 'measure.read'))).map(toPeriod);
    },
    get: async (actor: Actor | null, id: number) => toPeriod(await readable(actor, id)),

    async create(ctx: AuditContext, input: PeriodCreate): Promise<Period> {
      const rootAncestors = await units.ancestorIds(input.rootUnitId);
      if (!canManagePeriod(ctx.actor, rootAncestors)) throw new AppError('FORBIDDEN');
      return db.transaction().execute(async (trx) => {
        if (!(await units.findUnit(input.rootUnitId, trx))) {
          throw new AppError('VALIDATION', {
            fieldErrors: [{ field: 'body.rootUnitId', code: 'measure.unknown_unit' }],
          });
        }
        const framework = await frameworks.find(input.frameworkId, trx);
        if (!framework) {
          throw new AppError('VALIDATION', {
            fieldErrors: [{ field: 'body.frameworkId', code: 'measure.unknown_framework' }],
          });
        }
        if (input.targets) checkTargets(input.targets, parseDefinition(framework), 'body.targets');
        const unitIds = await expandUnits(input, trx);
        const groupsOf = groupsByUnit(input.unitGroups, new Set(unitIds));
        const now = clock.now().toISOString();
        const assignment = {
          unitIds: input.unitIds,
          unitKinds: input.unitKinds,
          unitGroups: input.unitGroups,
        };
        const row = await periods.insert(
          {
            name: input.name,
            year: input.year,
            frameworkId: input.frameworkId,
            rootUnitId: input.rootUnitId,
            assignmentJson: JSON.stringify(assignment),
            opensOn: input.opensOn,
            dueOn: input.dueOn,
            targetsJson: targetsJsonOf(input.targets),
            status: 'draft',
            createdAt: now,
            updatedAt: now,
          },
          unitIds,
          groupsOf,
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'measure.period.create',
          entity: 'measure_period',
          entityId: row.id,
          after: { ...input, unitCount: unitIds.length },
        });
        return toPeriod((await periods.find(row.id, trx)) as PeriodWithFramework);
      });
    },
    /** Targets are a steering choice, not data: a manager may change them in any status, even published. */
    async setTargets(ctx: AuditContext, id: number, input: PeriodTargets): Promise<Period> {
      return db.transaction().execute(async (trx) => {
        const row = await periods.find(id, trx);
        if (!row) throw notFound();
        if (!canManagePeriod(ctx.actor, await units.ancestorIds(row.rootUnitId, trx))) {
          throw new AppError('FORBIDDEN');
        }
        const framework = await frameworks.find(row.frameworkId, trx);
        if (framework) checkTargets(input, parseDefinition(framework), 'body');
        const targetsJson = targetsJsonOf(input);
        await periods.updateTargets(id, targetsJson, clock.now().toISOString(), trx);
        await audit.record(trx, ctx, {
          action: 'measure.period.targets',
          entity: 'measure_period',
          entityId: id,
          before: { targets: parseTargets(row.targetsJson) },
          after: { targets: parseTargets(targetsJson) },
        });
        return toPeriod((await periods.find(id, trx)) as PeriodWithFramework);
      });
    },
    open: (ctx: AuditContext, id: number) => transition(ctx, id, 'open'),
    close: (ctx: AuditContext, id: number) => transition(ctx, id, 'close'),
  };
}
export type PeriodsService = ReturnType<typeof createPeriodsService>;
