import type { HeadcountsPut, UnitCreate, UnitDetail, UnitUpdate } from '../../../../core/contracts/units.js';
import { foldVietnamese } from '../../../../core/units/fold.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { chunk } from '../../../lib/chunk.js';
import { AppError } from '../../../lib/errors.js';
import { rebuildLineageClosure } from '../lineage/lineage-closure.js';
import { toHeadcount } from '../tree/units.service.js';
import { canManageUnit } from '../units.policy.js';
import type { UnitRow } from '../units.repository.js';
import type { UnitsEditDeps, UnitsEditService } from '../units.types.js';
import type { NewUnit } from '../units-write.repository.js';

// Creating, editing and moving units and replacing their headcounts. Each write is one transaction with
// its audit entry and keeps unit_closure (tree and lineage rows) correct.

const fieldError = (field: string, code: string) =>
  new AppError('VALIDATION', { fieldErrors: [{ field, code }] });

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

export function createUnitsEditService(deps: UnitsEditDeps): UnitsEditService {
  const { repo, write, guard, reads } = deps;

  // Through the guard: 401 → 404 (or a field error when the unit is named in the body) → 403.
  async function managedUnit(actor: Actor | null, id: number, field?: string): Promise<UnitRow> {
    const { entity } = await guard.forEntity(
      actor,
      canManageUnit,
      async () => {
        const unit = await repo.findUnit(id);
        if (!unit && field) throw fieldError(field, 'units.not_found');
        return unit;
      },
      (u) => u.id,
      { notFoundKey: 'units.not_found' },
    );
    return entity;
  }

  async function assertCodeFree(
    structureId: number,
    code: string,
    exceptId: number | undefined,
    exec: Executor,
  ) {
    const found = await repo.findUnitByCode(structureId, code, exec);
    if (found && found.id !== exceptId)
      throw new AppError('CONFLICT', {
        detailKey: 'units.duplicate_code',
        fieldErrors: [{ field: 'body.code', code: 'units.duplicate_code' }],
      });
  }

  async function withConflicts<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detailKey: 'units.duplicate_code' });
      throw err;
    }
  }

  // The new unit's tree rows are its parent's plus itself; lineage rows follow its ancestors' mergers.
  async function insertWithClosure(row: NewUnit, parent: UnitRow | null, trx: Executor): Promise<number> {
    const newId = (await write.insertUnits([row], trx)).get(row.code)!;
    const parentRows = parent ? await write.treeClosureOf([parent.id], trx) : [];
    await write.insertClosure(
      [
        { ancestorId: newId, descendantId: newId, depth: 0, viaLineage: 0 },
        ...parentRows.map((r) => ({
          ancestorId: r.ancestorId,
          descendantId: newId,
          depth: r.depth + 1,
          viaLineage: 0,
        })),
      ],
      trx,
    );
    await write.fillPaths(row.structureId, trx);
    await rebuildLineageClosure(write, trx);
    return newId;
  }

  async function createUnit(actor: Actor | null, ctx: AuditContext, body: UnitCreate): Promise<UnitDetail> {
    const parent = await managedUnit(actor, body.parentId, 'body.parentId');
    const structureId = parent.structureId;
    if (body.structureId && body.structureId !== parent.structureId)
      throw fieldError('body.structureId', 'units.other_structure');
    const structure = await repo.findStructureById(structureId);
    if (!structure) throw fieldError('body.structureId', 'units.structure_not_found');
    const now = deps.clock.now().toISOString();
    const row: NewUnit = {
      structureId,
      code: body.code,
      name: body.name,
      searchName: foldVietnamese(body.name),
      type: body.type,
      kind: body.kind,
      level: parent ? parent.level + 1 : 1,
      parentId: parent?.id ?? null,
      path: '',
      validFrom: body.validFrom ?? structure.validFrom,
      validTo: body.validTo ?? structure.validTo,
      createdAt: now,
      updatedAt: now,
    };
    const id = await withConflicts(() =>
      deps.db.transaction().execute(async (trx) => {
        await assertCodeFree(structureId, body.code, undefined, trx);
        const newId = await insertWithClosure(row, parent, trx);
        await deps.audit.record(trx, ctx, {
          action: 'unit.create',
          entity: 'unit',
          entityId: newId,
          after: { id: newId, ...row },
        });
        return newId;
      }),
    );
    return reads.getUnit(actor, id);
  }

  // Moves a subtree: its tree rows to old outside ancestors go, rows to the new parent's ancestors come.
  async function moveSubtree(unit: UnitRow, newParent: UnitRow | null, trx: Executor) {
    const subtree = await write.subtreeIds(unit.id, trx);
    if (newParent && subtree.includes(newParent.id)) throw fieldError('body.parentId', 'units.cycle');
    const inside = new Set(subtree);
    const rows = (await write.treeClosureOf(subtree, trx)).filter((r) => inside.has(r.ancestorId));
    const above = newParent ? await write.treeClosureOf([newParent.id], trx) : [];
    const depthInSubtree = new Map(
      rows.filter((r) => r.ancestorId === unit.id).map((r) => [r.descendantId, r.depth]),
    );
    await write.deleteClosureOf(subtree, 1, trx);
    await write.deleteClosureOf(subtree, 0, trx);
    const crossed = above.flatMap((a) =>
      subtree.map((d) => ({
        ancestorId: a.ancestorId,
        descendantId: d,
        depth: a.depth + 1 + depthInSubtree.get(d)!,
        viaLineage: 0,
      })),
    );
    await write.insertClosure([...rows, ...crossed], trx);
    const levelShift = (newParent ? newParent.level + 1 : 1) - unit.level;
    for (const part of chunk(subtree)) {
      await trx
        .updateTable('units')
        .set((eb) => ({ level: eb('level', '+', levelShift), path: '' }))
        .where('id', 'in', part)
        .execute();
    }
  }

  async function updateUnit(
    actor: Actor | null,
    ctx: AuditContext,
    id: number,
    body: UnitUpdate,
  ): Promise<UnitDetail> {
    const unit = await managedUnit(actor, id);
    const moving = body.parentId !== undefined && body.parentId !== unit.parentId;
    const newParent =
      moving && body.parentId ? await managedUnit(actor, body.parentId, 'body.parentId') : null;
    if (newParent && newParent.structureId !== unit.structureId)
      throw fieldError('body.parentId', 'units.other_structure');
    const validFrom = body.validFrom ?? unit.validFrom;
    const validTo = body.validTo === undefined ? unit.validTo : body.validTo;
    if (validTo && validTo < validFrom) throw fieldError('body.validTo', 'invalid_date');
    await withConflicts(() =>
      deps.db.transaction().execute(async (trx) => {
        if (body.code) await assertCodeFree(unit.structureId, body.code, id, trx);
        const { parentId: _p, ...fields } = body;
        const patch = { ...fields, ...(body.name ? { searchName: foldVietnamese(body.name) } : {}) };
        await write.updateUnit(id, { ...patch, updatedAt: deps.clock.now().toISOString() }, trx);
        if (moving) {
          await moveSubtree(unit, newParent, trx);
          await write.updateUnit(id, { parentId: newParent?.id ?? null }, trx);
          await write.fillPaths(unit.structureId, trx);
          await rebuildLineageClosure(write, trx);
          // A move out of the mover's own scope would commit and then answer 403: refuse it before commit.
          if (!canManageUnit(actor, await repo.ancestorIds(id, trx))) throw new AppError('FORBIDDEN');
        }
        const after = await repo.findUnit(id, trx);
        await deps.audit.record(trx, ctx, {
          action: 'unit.update',
          entity: 'unit',
          entityId: id,
          before: unit,
          after,
        });
      }),
    );
    return reads.getUnit(actor, id);
  }

  async function putHeadcounts(actor: Actor | null, ctx: AuditContext, id: number, body: HeadcountsPut) {
    await managedUnit(actor, id);
    const seen = new Set<string>();
    body.headcounts.forEach((h, i) => {
      const key = `${h.metric}:${h.asOf}`;
      if (seen.has(key)) throw fieldError(`body.headcounts.${i}`, 'headcounts.duplicate');
      seen.add(key);
    });
    return deps.db.transaction().execute(async (trx) => {
      const before = await repo.headcounts(id, trx);
      await write.replaceHeadcounts(
        id,
        body.headcounts.map((h) => ({ ...h, source: 'manual' })),
        trx,
      );
      const after = await repo.headcounts(id, trx);
      await deps.audit.record(trx, ctx, {
        action: 'unit.headcounts',
        entity: 'unit',
        entityId: id,
        before,
        after,
      });
      return { headcounts: after.map(toHeadcount) };
    });
  }

  return { createUnit, updateUnit, putHeadcounts };
}
