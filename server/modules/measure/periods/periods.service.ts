import type { Period, PeriodCreate } from '../../../../core/contracts/measure.js';
import type { MeasureUnitKind } from '../../../../core/contracts/measure-framework.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, notFound } from '../../../lib/errors.js';
import { createFrameworkOwners } from '../frameworks/framework-owners.js';
import { canManagePeriod, canReadUnit } from '../measure.policy.js';
import type { PeriodsDeps, PeriodsService } from '../measure.types.js';
import type { PeriodRow, PeriodWithFramework } from './periods.repository.js';
import { checkTargets, parseTargets, targetsJsonOf } from './targets.js';

// Assessment periods: a framework version assigned to a set of units under a root, with open and due dates.

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
    frameworkName: row.frameworkName,
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

export function createPeriodsService(deps: PeriodsDeps): PeriodsService {
  const { db, periods, frameworks, units, audit, clock, guard } = deps;
  const owners = createFrameworkOwners(db);

  /** 401 → 404 → 403 for a manager of the period's root; inside the caller's transaction. */
  const managedPeriod = async (ctx: AuditContext, id: number, trx: Executor) =>
    (
      await guard.forEntity(
        ctx.actor,
        canManagePeriod,
        () => periods.find(id, trx),
        (p) => p.rootUnitId,
        {
          exec: trx,
        },
      )
    ).entity;

  async function expandUnits(input: PeriodCreate, exec: Executor): Promise<number[]> {
    const subtree = await units.subtreeUnits(input.rootUnitId, exec);
    const inSubtree = new Set(subtree.map((u) => u.id));
    const outside = input.unitIds.findIndex((unitId) => !inSubtree.has(unitId));
    if (outside >= 0) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: `body.unitIds.${outside}`, code: 'measure.unit_outside_root' }],
      });
    }
    const kinds = new Set<MeasureUnitKind>(input.unitKinds);
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
    const signedIn = requireSignedIn(actor);
    const row = await periods.find(id);
    if (!row) throw notFound();
    if (canReadUnit(signedIn, await guard.ancestorsOf(row.rootUnitId))) return row;
    const visible = await periods.listInScope(scopeRootsFor(signedIn, 'measure.read'));
    if (!visible.some((p) => p.id === id)) throw new AppError('FORBIDDEN');
    return row;
  }

  async function transition(ctx: AuditContext, id: number, action: 'open' | 'close') {
    return db.transaction().execute(async (trx) => {
      const row = await managedPeriod(ctx, id, trx);
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
    async list(actor) {
      return (await periods.listInScope(scopeRootsFor(requireSignedIn(actor), 'measure.read'))).map(toPeriod);
    },
    get: async (actor, id) => toPeriod(await readable(actor, id)),

    async create(ctx, input) {
      await guard.forUnit(ctx.actor, canManagePeriod, input.rootUnitId);
      return db.transaction().execute(async (trx) => {
        if (!(await units.findUnit(input.rootUnitId, trx))) {
          throw new AppError('VALIDATION', {
            fieldErrors: [{ field: 'body.rootUnitId', code: 'measure.unknown_unit' }],
          });
        }
        const found = await frameworks.find(input.frameworkId, trx);
        // A framework the caller may not read (another commune's own) is as unknown as a missing one.
        const [framework] = found ? await owners.readable(requireSignedIn(ctx.actor), [found], trx) : [];
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
    async setTargets(ctx, id, input) {
      return db.transaction().execute(async (trx) => {
        const row = await managedPeriod(ctx, id, trx);
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
    open: (ctx, id) => transition(ctx, id, 'open'),
    close: (ctx, id) => transition(ctx, id, 'close'),
  };
}
