import type { LineageCreate, LineageEdge, LineageGraph } from '../../../../core/contracts/units.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { loadReadableUnit, summarise } from '../tree/units.service.js';
import { canManageUnit } from '../units.policy.js';
import type { LineageDeps, LineageService } from '../units.types.js';
import type { LineageRow } from '../units-write.repository.js';
import { rebuildLineageClosure } from './lineage-closure.js';

// Lineage is a graph, not a rename: an old commune can split into several new ones (partial rows with
// shares) and a new one can absorb many. Queries walk it both ways; writes keep the scope closure in step.

type Relation = 'self' | 'predecessor' | 'successor';

export function toEdge(row: LineageRow): LineageEdge {
  return {
    id: row.id,
    fromUnitId: row.fromUnitId,
    toUnitId: row.toUnitId,
    kind: row.kind,
    share: row.share,
    shareBasis: (row.shareBasis as LineageEdge['shareBasis']) ?? null,
    effectiveDate: row.effectiveDate,
  };
}

export function createLineageService(deps: LineageDeps): LineageService {
  const { repo, guard, write } = deps;

  // Breadth-first, one query per step and direction; `depth` bounds the walk.
  async function walk(
    start: number,
    direction: 'predecessor' | 'successor',
    depth: number,
    nodes: Map<number, Relation>,
    edges: Map<number, LineageRow>,
  ) {
    let frontier = [start];
    for (let step = 0; step < depth && frontier.length; step++) {
      const rows = await repo.lineageEdges(direction === 'predecessor' ? 'toUnitId' : 'fromUnitId', frontier);
      const next: number[] = [];
      for (const row of rows as LineageRow[]) {
        edges.set(row.id, row);
        const other = direction === 'predecessor' ? row.fromUnitId : row.toUnitId;
        if (!nodes.has(other)) {
          nodes.set(other, direction);
          next.push(other);
        }
      }
      frontier = next;
    }
  }

  async function getLineage(maybeActor: Actor | null, unitId: number, depth: number): Promise<LineageGraph> {
    const { actor } = await loadReadableUnit(guard, repo, maybeActor, unitId);
    const nodes = new Map<number, Relation>([[unitId, 'self']]);
    const edges = new Map<number, LineageRow>();
    await walk(unitId, 'predecessor', depth, nodes, edges);
    await walk(unitId, 'successor', depth, nodes, edges);
    const visible = await repo.visibleAmong([...nodes.keys()], scopeRootsFor(actor, 'units.read'));
    const rows = await repo.findUnitsByIds([...visible]);
    const summaries = await summarise(repo, rows);
    const order = [...nodes.keys()];
    summaries.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    return {
      nodes: summaries.map((s) => ({ ...s, relation: nodes.get(s.id)! })),
      edges: [...edges.values()]
        .filter((e) => visible.has(e.fromUnitId) && visible.has(e.toUnitId))
        .sort((a, b) => a.id - b.id)
        .map(toEdge),
    };
  }

  async function assertManages(actor: Actor, unitIds: number[], field: string) {
    for (const id of unitIds) {
      const unit = await repo.findUnit(id);
      if (!unit) throw new AppError('VALIDATION', { fieldErrors: [{ field, code: 'units.not_found' }] });
      if (!canManageUnit(actor, await repo.ancestorIds(id))) throw new AppError('FORBIDDEN');
    }
  }

  async function reaches(from: number, target: number, exec: Executor): Promise<boolean> {
    const all = await write.allLineage(exec);
    const next = new Map<number, number[]>();
    for (const e of all) next.set(e.fromUnitId, [...(next.get(e.fromUnitId) ?? []), e.toUnitId]);
    const seen = new Set<number>();
    const queue = [from];
    while (queue.length) {
      const id = queue.pop()!;
      if (id === target) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(next.get(id) ?? []));
    }
    return false;
  }

  async function createLineage(
    maybeActor: Actor | null,
    ctx: AuditContext,
    body: LineageCreate,
  ): Promise<LineageEdge> {
    const actor = requireSignedIn(maybeActor);
    await assertManages(actor, [body.fromUnitId], 'body.fromUnitId');
    await assertManages(actor, [body.toUnitId], 'body.toUnitId');
    return deps.db.transaction().execute(async (trx) => {
      if ((await write.lineageBetween([body.fromUnitId], [body.toUnitId], trx)).length)
        throw new AppError('CONFLICT', { detailKey: 'lineage.exists' });
      if (await reaches(body.toUnitId, body.fromUnitId, trx))
        throw new AppError('INVALID_STATE', { detailKey: 'lineage.cycle' });
      const row = {
        fromUnitId: body.fromUnitId,
        toUnitId: body.toUnitId,
        kind: body.kind,
        share: body.share ?? null,
        shareBasis: body.shareBasis ?? null,
        effectiveDate: body.effectiveDate,
        note: body.note ?? null,
      };
      const [id] = await write.insertLineage([row], trx);
      await rebuildLineageClosure(write, trx);
      await deps.audit.record(trx, ctx, {
        action: 'lineage.create',
        entity: 'unit_lineage',
        entityId: id,
        after: row,
      });
      return toEdge({ id, ...row });
    });
  }

  async function deleteLineage(maybeActor: Actor | null, ctx: AuditContext, id: number): Promise<void> {
    const actor = requireSignedIn(maybeActor);
    const row = await write.findLineage(id);
    if (!row) throw new AppError('NOT_FOUND', { detailKey: 'lineage.not_found' });
    await assertManages(actor, [row.fromUnitId, row.toUnitId], 'id');
    await deps.db.transaction().execute(async (trx) => {
      await write.deleteLineage(id, trx);
      await rebuildLineageClosure(write, trx);
      await deps.audit.record(trx, ctx, {
        action: 'lineage.delete',
        entity: 'unit_lineage',
        entityId: id,
        before: row,
      });
    });
  }

  return { getLineage, createLineage, deleteLineage };
}
