import type { Kysely } from 'kysely';
import type {
  GroupInput,
  GroupView,
  LegalBasisItem,
  PlanInput,
  PlanPatch,
  PlanTree,
  PlanView,
} from '../../../../core/contracts/steer-tasks.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, canOnUnit, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext, AuditService } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError, type FieldError } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import type { SteerPlansService, SteerTasksService } from '../steer.types.js';
import type { GroupRow, PlanRow, SteerTasksRepository } from '../tasks/tasks.repository.js';
import '../tasks/tasks.messages.js';

// Plans: number and symbol, issuing body and unit (the scope owner), date, title, legal basis, the signed PDF,
// period covered, and status draft → issued → superseded (by another issued plan). Managed by steer.manage on
// the issuing unit; read by steer.read there, or by a unit that leads or coordinates one of its tasks (which
// then sees its own tasks in the tree only). Every write is audited in its transaction.

export type PlansServiceDeps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  guard: AccessGuard;
  repo: SteerTasksRepository;
  tasks: Pick<SteerTasksService, 'listTasks'>;
};

type LoadedPlan = PlanRow & { readable: boolean };

export function createPlansService(deps: PlansServiceDeps): SteerPlansService {
  const { db, clock, audit, guard, repo, tasks } = deps;

  async function views(rows: PlanRow[], exec: Executor = db): Promise<PlanView[]> {
    const unitIds = rows.map((r) => r.issuingUnitId);
    const units = new Map((await repo.unitsByIds(unitIds, exec)).map((u) => [u.id, u.name]));
    const counts = await repo.taskCounts(
      rows.map((r) => r.id),
      exec,
    );
    const successors = new Map(
      (
        await repo.plansByIds(
          rows.flatMap((r) => (r.supersededById ? [r.supersededById] : [])),
          exec,
        )
      ).map((p) => [p.id, p]),
    );
    const fileIds = rows.flatMap((r) => (r.signedFileId ? [r.signedFileId] : []));
    const files = new Map<number, { id: string; name: string }>();
    for (const id of fileIds) {
      const f = await repo.fileById(id, exec);
      if (f) files.set(f.id, { id: f.publicId, name: f.originalName });
    }
    return rows.map((r) => {
      const next = r.supersededById ? successors.get(r.supersededById) : undefined;
      return {
        id: r.id,
        numberSymbol: r.numberSymbol,
        issuingBody: r.issuingBody,
        issuingUnit: { id: r.issuingUnitId, name: units.get(r.issuingUnitId) ?? `#${r.issuingUnitId}` },
        issuedOn: r.issuedOn,
        title: r.title,
        legalBasis: (JSON.parse(r.legalBasisJson) as LegalBasisItem[]).map((l) => ({
          title: l.title,
          url: l.url ?? null,
        })),
        signedFile: r.signedFileId ? (files.get(r.signedFileId) ?? null) : null,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        status: r.status,
        supersededBy: next ? { id: next.id, numberSymbol: next.numberSymbol } : null,
        taskCount: counts.get(r.id) ?? 0,
        isDemo: r.isDemo === 1,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
    });
  }

  /** 401 → 404 (unknown, or neither the issuing unit's reader nor a unit with a task in it) → the rule. */
  async function planFor(actor: Actor | null, id: number, manage: boolean, exec: Executor = db) {
    // Unknown, or not readable: 404 (its existence is not revealed); readable but not managed: 403.
    const { actor: signedIn, entity } = await guard.forEntity<LoadedPlan>(
      actor,
      (a, ancestors, plan) => (manage ? canOnUnit(a, 'steer.manage', ancestors) : plan.readable),
      async () => {
        const plan = await repo.findPlan(id, exec);
        if (!plan || !actor) return undefined;
        const ancestors = await unitAncestorIds(exec, plan.issuingUnitId);
        let readable = canOnUnit(actor, 'steer.read', ancestors);
        if (!readable) {
          const visible = await repo.listPlans({ scopeRoots: scopeRootsFor(actor, 'steer.read') }, exec);
          readable = visible.some((p) => p.id === id);
        }
        if (!readable) return undefined;
        return { ...plan, readable };
      },
      (plan) => plan.issuingUnitId,
      { exec, notFoundKey: 'steer.plan_not_found' },
    );
    return { actor: signedIn, plan: entity as PlanRow };
  }

  async function signedFileOf(
    actor: Actor,
    publicId: string | null | undefined,
    unitId: number,
    exec: Executor,
  ) {
    if (!publicId) return null;
    const file = await repo.findFile(publicId, exec);
    const ancestors = file?.unitId ? await unitAncestorIds(exec, file.unitId) : [];
    if (!file || !canAttachFile(actor, file, ancestors, 'steer.manage'))
      throw new AppError('VALIDATION', {
        detailKey: 'steer.unknown_file',
        fieldErrors: [{ field: 'body.signedFileId', code: 'steer.unknown_file' }],
      });
    await repo.assignFileUnit(file.id, unitId, exec);
    return file.id;
  }

  function checkPeriod(from: string, to: string) {
    if (to < from) {
      const fieldErrors: FieldError[] = [{ field: 'body.periodTo', code: 'steer.period_order' }];
      throw new AppError('VALIDATION', { detailKey: 'steer.period_order', fieldErrors });
    }
  }

  async function groupFor(ctx: AuditContext, planId: number, groupId: number, trx: Executor) {
    const { actor, plan } = await planFor(ctx.actor, planId, true, trx);
    const group = await repo.findGroup(groupId, trx);
    if (!group || group.planId !== planId)
      throw new AppError('NOT_FOUND', { detailKey: 'steer.unknown_group' });
    return { actor, plan, group };
  }

  const groupView = (g: GroupRow): GroupView => ({
    id: g.id,
    planId: g.planId,
    code: g.code,
    title: g.title,
    position: g.position,
  });

  const notSuperseded = (plan: PlanRow) => {
    if (plan.status === 'superseded')
      throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_superseded' });
  };

  return {
    async create(ctx, input: PlanInput) {
      const actor = requireSignedIn(ctx.actor);
      await guard.forUnit(actor, 'steer.manage', input.issuingUnitId);
      checkPeriod(input.periodFrom, input.periodTo);
      return db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const row = await repo.insertPlan(
          {
            numberSymbol: input.numberSymbol,
            issuingBody: input.issuingBody,
            issuingUnitId: input.issuingUnitId,
            issuedOn: input.issuedOn,
            title: input.title,
            legalBasisJson: JSON.stringify(input.legalBasis ?? []),
            signedFileId: await signedFileOf(actor, input.signedFileId, input.issuingUnitId, trx),
            periodFrom: input.periodFrom,
            periodTo: input.periodTo,
            status: 'draft',
            supersededById: null,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.plan.create',
          entity: 'steer_plan',
          entityId: row.id,
          after: row,
        });
        return (await views([row], trx))[0];
      });
    },

    async update(ctx, id, patch: PlanPatch) {
      return db.transaction().execute(async (trx) => {
        const { actor, plan } = await planFor(ctx.actor, id, true, trx);
        notSuperseded(plan);
        checkPeriod(patch.periodFrom ?? plan.periodFrom, patch.periodTo ?? plan.periodTo);
        const set: Partial<PlanRow> = { updatedAt: clock.now().toISOString() };
        if (patch.numberSymbol !== undefined) set.numberSymbol = patch.numberSymbol;
        if (patch.issuingBody !== undefined) set.issuingBody = patch.issuingBody;
        if (patch.issuedOn !== undefined) set.issuedOn = patch.issuedOn;
        if (patch.title !== undefined) set.title = patch.title;
        if (patch.legalBasis !== undefined) set.legalBasisJson = JSON.stringify(patch.legalBasis);
        if (patch.periodFrom !== undefined) set.periodFrom = patch.periodFrom;
        if (patch.periodTo !== undefined) set.periodTo = patch.periodTo;
        if (patch.signedFileId !== undefined)
          set.signedFileId = await signedFileOf(actor, patch.signedFileId, plan.issuingUnitId, trx);
        const after = await repo.updatePlan(id, set, trx);
        await audit.record(trx, ctx, {
          action: 'steer.plan.update',
          entity: 'steer_plan',
          entityId: id,
          before: plan,
          after,
        });
        return (await views([after], trx))[0];
      });
    },

    async remove(ctx, id) {
      await db.transaction().execute(async (trx) => {
        const { plan } = await planFor(ctx.actor, id, true, trx);
        if (plan.status !== 'draft')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_not_draft' });
        if ((await repo.taskCounts([id], trx)).get(id))
          throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_has_tasks' });
        for (const g of await repo.groupsOf(id, trx)) await repo.deleteGroup(g.id, trx);
        await repo.deletePlan(id, trx);
        await audit.record(trx, ctx, {
          action: 'steer.plan.delete',
          entity: 'steer_plan',
          entityId: id,
          before: plan,
        });
      });
    },

    async issue(ctx, id) {
      return db.transaction().execute(async (trx) => {
        const { plan } = await planFor(ctx.actor, id, true, trx);
        if (plan.status !== 'draft')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.plan_not_draft' });
        const after = await repo.updatePlan(
          id,
          { status: 'issued', updatedAt: clock.now().toISOString() },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.plan.issue',
          entity: 'steer_plan',
          entityId: id,
          before: { status: plan.status },
          after: { status: after.status },
        });
        return (await views([after], trx))[0];
      });
    },

    async supersede(ctx, id, supersededById) {
      return db.transaction().execute(async (trx) => {
        const { plan } = await planFor(ctx.actor, id, true, trx);
        const next = supersededById === id ? undefined : await repo.findPlan(supersededById, trx);
        if (plan.status !== 'issued' || !next || next.status !== 'issued')
          throw new AppError('INVALID_STATE', {
            detailKey: 'steer.plan_not_issued',
            fieldErrors: [{ field: 'body.supersededById', code: 'steer.plan_not_issued' }],
          });
        // The new plan must be one the caller manages too.
        await planFor(ctx.actor, next.id, true, trx);
        const after = await repo.updatePlan(
          id,
          { status: 'superseded', supersededById, updatedAt: clock.now().toISOString() },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.plan.supersede',
          entity: 'steer_plan',
          entityId: id,
          before: { status: plan.status },
          after: { status: after.status, supersededById },
        });
        return (await views([after], trx))[0];
      });
    },

    async get(actor, id) {
      const { plan } = await planFor(actor, id, false);
      return (await views([plan]))[0];
    },

    async list(actor, query) {
      const signedIn = requireSignedIn(actor);
      const rows = await repo.listPlans({ scopeRoots: scopeRootsFor(signedIn, 'steer.read'), ...query });
      return { items: await views(rows) };
    },

    async tree(actor, id, asOf) {
      const { plan } = await planFor(actor, id, false);
      const date = asOf ?? vietnamDate(clock.now());
      const list = await tasks.listTasks(actor, { planId: id, asOf: date, page: 1, pageSize: 1000 });
      const groups = await repo.groupsOf(id);
      return {
        asOf: date,
        plan: (await views([plan]))[0],
        groups: groups.map(groupView),
        tasks: list.items,
      } satisfies PlanTree;
    },

    async addGroup(ctx, planId, input: GroupInput, exec?: Executor) {
      const run = async (trx: Executor) => {
        const { plan } = await planFor(ctx.actor, planId, true, trx);
        notSuperseded(plan);
        const now = clock.now().toISOString();
        const row = await repo.insertGroup(
          {
            planId,
            code: input.code,
            title: input.title,
            position: input.position ?? (await repo.maxGroupPosition(planId, trx)) + 1,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.group.create',
          entity: 'steer_task_group',
          entityId: row.id,
          after: row,
        });
        return groupView(row);
      };
      return exec ? run(exec) : db.transaction().execute(run);
    },

    async updateGroup(ctx, planId, groupId, patch) {
      return db.transaction().execute(async (trx) => {
        const { plan, group } = await groupFor(ctx, planId, groupId, trx);
        notSuperseded(plan);
        const after = await repo.updateGroup(
          groupId,
          {
            ...(patch.code !== undefined ? { code: patch.code } : {}),
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.position !== undefined ? { position: patch.position } : {}),
            updatedAt: clock.now().toISOString(),
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.group.update',
          entity: 'steer_task_group',
          entityId: groupId,
          before: group,
          after,
        });
        return groupView(after);
      });
    },

    async removeGroup(ctx, planId, groupId) {
      await db.transaction().execute(async (trx) => {
        const { group } = await groupFor(ctx, planId, groupId, trx);
        if (await repo.countTasksInGroup(groupId, trx))
          throw new AppError('INVALID_STATE', { detailKey: 'steer.group_has_tasks' });
        await repo.deleteGroup(groupId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.group.delete',
          entity: 'steer_task_group',
          entityId: groupId,
          before: group,
        });
      });
    },
  };
}
