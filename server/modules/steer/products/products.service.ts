import type {
  ProductInput,
  ProductPatch,
  ProductView,
  WithoutProduct,
} from '../../../../core/contracts/steer-registers.js';
import { type UnitGroup, unitsWithoutProduct } from '../../../../core/steer/registers.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, type FieldError, validation } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import { canDecideProduct, canEditProduct, isEditable } from './products.policy.js';
import type { ProductRow } from './products.repository.js';
import type { ProductsServiceDeps, SteerProductsService } from './products.types.js';
import './products.messages.js';

// The DX products register: "at least one DX product per unit per year". A unit's officers declare products
// (evidence files, linked tasks), correct them until they are accepted; the secretariat accepts or returns them
// with a reason. Each acceptance rewrites the unit's STEER_DX_PRODUCTS_ACCEPTED value for the year in the kpis
// module, in the same transaction as the decision and its audit row.

export const DX_PRODUCTS_KPI = 'STEER_DX_PRODUCTS_ACCEPTED';

export function groupOf(unit: { kind: string; type: string; level: number }): UnitGroup {
  const kind = measureUnitKind(unit);
  if (kind === 'department') return 'department';
  if (kind === 'commune' || kind === 'ward' || kind === 'special_zone') return 'commune';
  return 'other';
}

const snapshot = (p: ProductRow, files: number[], tasks: number[]) => ({
  unitId: p.unitId,
  year: p.year,
  name: p.name,
  description: p.description,
  kind: p.kind,
  link: p.link,
  status: p.status,
  returnReason: p.returnReason,
  fileIds: files,
  taskIds: tasks,
});

export function createProductsService(deps: ProductsServiceDeps): SteerProductsService {
  const { db, repo, guard, audit, clock, kpis, tasks } = deps;

  async function views(actor: Actor, rows: ProductRow[], exec: Executor = db): Promise<ProductView[]> {
    const ids = rows.map((r) => r.id);
    const files = await repo.filesOf(ids, exec);
    const links = await repo.tasksOf(ids, exec);
    const titles = new Map<number, string | null>();
    for (const taskId of new Set(links.map((l) => l.taskId))) {
      titles.set(
        taskId,
        await tasks.getTask(actor, taskId).then(
          (t) => t.title,
          () => null,
        ),
      );
    }
    const ancestors = new Map<number, number[]>();
    for (const unitId of new Set(rows.map((r) => r.unitId))) {
      ancestors.set(unitId, await unitAncestorIds(exec, unitId));
    }
    return rows.map((p) => {
      const a = ancestors.get(p.unitId) ?? [];
      return {
        id: p.id,
        unitId: p.unitId,
        unitName: p.unitName,
        year: p.year,
        name: p.name,
        description: p.description,
        kind: p.kind,
        link: p.link,
        status: p.status,
        returnReason: p.returnReason,
        decidedAt: p.decidedAt,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
        files: files
          .filter((f) => f.productId === p.id)
          .map((f) => ({ id: f.publicId, name: f.originalName })),
        tasks: links
          .filter((l) => l.productId === p.id)
          .map((l) => ({ id: l.taskId, title: titles.get(l.taskId) ?? null })),
        can: {
          edit: isEditable(p) && canEditProduct(actor, a, p),
          decide: p.status === 'submitted' && canDecideProduct(actor, a),
        },
      };
    });
  }

  async function viewOne(actor: Actor, id: number, exec: Executor): Promise<ProductView> {
    const row = await repo.find(id, exec);
    if (!row) throw new AppError('NOT_FOUND');
    return (await views(actor, [row], exec))[0];
  }

  /** Evidence files (uploader or a writer of the file's unit) and tasks (visible to the caller), as ids. */
  async function checkLinks(
    actor: Actor,
    input: { fileIds: string[]; taskIds: number[] },
    exec: Executor,
  ): Promise<{ fileIds: number[]; taskIds: number[] }> {
    const errors: FieldError[] = [];
    const fileIds: number[] = [];
    for (const [i, publicId] of input.fileIds.entries()) {
      const file = await repo.fileById(publicId, exec);
      const fileAncestors = file?.unitId ? await unitAncestorIds(exec, file.unitId) : [];
      if (!file || !canAttachFile(actor, file, fileAncestors, 'steer.report')) {
        errors.push({ field: `body.fileIds.${i}`, code: 'steer.product_unknown_file' });
      } else if (fileIds.includes(file.id)) {
        errors.push({ field: `body.fileIds.${i}`, code: 'steer.product_duplicate' });
      } else fileIds.push(file.id);
    }
    const taskIds: number[] = [];
    for (const [i, taskId] of input.taskIds.entries()) {
      const found = await tasks.getTask(actor, taskId).then(
        () => true,
        () => false,
      );
      if (!found) errors.push({ field: `body.taskIds.${i}`, code: 'steer.product_unknown_task' });
      else if (taskIds.includes(taskId))
        errors.push({ field: `body.taskIds.${i}`, code: 'steer.product_duplicate' });
      else taskIds.push(taskId);
    }
    if (errors.length) throw validation(errors);
    return { fileIds, taskIds };
  }

  async function linksOf(id: number, exec: Executor) {
    return {
      files: (await repo.filesOf([id], exec)).map((f) => f.id),
      tasks: (await repo.tasksOf([id], exec)).map((t) => t.taskId),
    };
  }

  async function loadForEdit(ctx: AuditContext, id: number, exec: Executor) {
    const { actor, entity } = await guard.forEntity(
      ctx.actor,
      canEditProduct,
      () => repo.find(id, exec),
      (p) => p.unitId,
      { exec },
    );
    if (!isEditable(entity)) throw new AppError('INVALID_STATE', { detailKey: 'steer.product_accepted' });
    return { actor, product: entity };
  }

  return {
    async declare(ctx, input: ProductInput) {
      // Checked before the transaction: 401 → 403 on the unit, then the links (nothing written on a refusal).
      const { actor } = await guard.forUnit(ctx.actor, 'steer.report', input.unitId);
      const links = await checkLinks(actor, input, db);
      const id = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const row = await repo.insert(
          {
            unitId: input.unitId,
            year: input.year,
            name: input.name,
            description: input.description,
            kind: input.kind,
            link: input.link,
            status: 'submitted',
            returnReason: null,
            decidedBy: null,
            decidedAt: null,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await repo.setLinks(row.id, links.fileIds, links.taskIds, trx);
        for (const fileId of links.fileIds) await deps.files.assignUnit(fileId, input.unitId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.product.declare',
          entity: 'steer_product',
          entityId: row.id,
          after: snapshot({ ...row, unitName: '' }, links.fileIds, links.taskIds),
        });
        return row.id;
      });
      // Read after the commit: task titles come from the tasks service, outside this transaction.
      return viewOne(actor, id, db);
    },

    async update(ctx, id, patch: ProductPatch) {
      const { actor } = await loadForEdit(ctx, id, db);
      const links = await checkLinks(actor, patch, db);
      await db.transaction().execute(async (trx) => {
        const { product } = await loadForEdit(ctx, id, trx);
        const before = await linksOf(id, trx);
        const changes = {
          year: patch.year,
          name: patch.name,
          description: patch.description,
          kind: patch.kind,
          link: patch.link,
          // A corrected product goes back to the secretariat.
          status: 'submitted' as const,
          updatedAt: clock.now().toISOString(),
        };
        await repo.update(id, changes, trx);
        await repo.setLinks(id, links.fileIds, links.taskIds, trx);
        for (const fileId of links.fileIds) await deps.files.assignUnit(fileId, product.unitId, trx);
        await audit.record(trx, ctx, {
          action: 'steer.product.update',
          entity: 'steer_product',
          entityId: id,
          before: snapshot(product, before.files, before.tasks),
          after: snapshot({ ...product, ...changes }, links.fileIds, links.taskIds),
        });
      });
      return viewOne(actor, id, db);
    },

    async remove(ctx, id) {
      await db.transaction().execute(async (trx) => {
        const { product } = await loadForEdit(ctx, id, trx);
        const before = await linksOf(id, trx);
        await repo.remove(id, trx);
        await audit.record(trx, ctx, {
          action: 'steer.product.delete',
          entity: 'steer_product',
          entityId: id,
          before: snapshot(product, before.files, before.tasks),
        });
      });
    },

    async decide(ctx, id, decision) {
      const actor = await db.transaction().execute(async (trx) => {
        const { actor, entity: product } = await guard.forEntity(
          ctx.actor,
          (a, ancestors) => canDecideProduct(a, ancestors),
          () => repo.find(id, trx),
          (p) => p.unitId,
          { exec: trx },
        );
        if (product.status !== 'submitted')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.product_not_submitted' });
        const now = clock.now().toISOString();
        const accepted = decision.decision === 'accept';
        const changes = {
          status: accepted ? ('accepted' as const) : ('returned' as const),
          returnReason: accepted ? null : decision.reason,
          decidedBy: actor.userId,
          decidedAt: now,
          updatedAt: now,
        };
        await repo.update(id, changes, trx);
        await audit.record(trx, ctx, {
          action: accepted ? 'steer.product.accept' : 'steer.product.return',
          entity: 'steer_product',
          entityId: id,
          before: { status: product.status },
          after: { status: changes.status, reason: changes.returnReason },
        });
        if (accepted) {
          const count = await repo.acceptedCount(product.unitId, product.year, trx);
          await kpis.write(trx, ctx, [
            {
              kpiCode: DX_PRODUCTS_KPI,
              unitId: product.unitId,
              period: String(product.year),
              value: count,
              note: 'Sổ sản phẩm chuyển đổi số',
            },
          ]);
        }
        return actor;
      });
      return viewOne(actor, id, db);
    },

    async get(actorIn, id) {
      const { actor } = await guard.forEntity(
        actorIn,
        'steer.read',
        () => repo.find(id),
        (p) => p.unitId,
      );
      return viewOne(actor, id, db);
    },

    async list(actorIn, query) {
      const { actor } = await guard.forUnit(actorIn, 'steer.read', query.unitId);
      const rows = await repo.list(query.unitId, { year: query.year, status: query.status });
      return { items: await views(actor, rows) };
    },

    async withoutProduct(actorIn, query): Promise<WithoutProduct> {
      await guard.forUnit(actorIn, 'steer.read', query.unitId);
      const units = (await repo.unitsBelow(query.unitId, query.year))
        .map((u) => ({ id: u.id, name: u.name, group: groupOf(u) }))
        .filter((u) => u.group !== 'other');
      const products = await repo.statusesIn(query.unitId, query.year);
      const missing = unitsWithoutProduct(units, products, query.year);
      const totals = (group: UnitGroup) => {
        const all = units.filter((u) => u.group === group).length;
        const without = missing.filter((u) => u.group === group).length;
        return { units: all, withProduct: all - without, without };
      };
      return {
        year: query.year,
        totals: { department: totals('department'), commune: totals('commune') },
        items: missing
          .filter((u) => !query.group || u.group === query.group)
          .map((u) => ({
            unitId: u.id,
            unitName: u.name,
            group: u.group as 'department' | 'commune',
            submitted: u.submitted,
            returned: u.returned,
          })),
      };
    },
  };
}
