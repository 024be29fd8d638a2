import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import { unitAncestorIds, unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';
import { canManageFramework, canReadFramework } from '../measure.policy.js';
import type { FrameworkRow } from './frameworks.repository.js';

// Which unit a framework belongs to, and what that means for the caller (issue 8 #3). The owner is set when a
// framework is created (the unit asked for, else the caller's first measure.manage unit) and inherited by every
// later version of the same code, so nobody slips a new version under someone else's framework.

type Owned = Pick<FrameworkRow, 'ownerUnitId'>;

export function createFrameworkOwners(db: Kysely<DB>) {
  async function ownerAncestors(row: Owned, exec: Executor): Promise<number[]> {
    if (row.ownerUnitId !== null) return unitAncestorIds(exec, row.ownerUnitId);
    const roots = await exec.selectFrom('units').select('id').where('parentId', 'is', null).execute();
    return roots.map((r) => r.id);
  }

  /** Of the caller's measure.manage units, a current top-level one when it has one (the province), else the first. */
  async function defaultOwner(actor: Actor, exec: Executor): Promise<number | null> {
    const roots = scopeRootsFor(actor, 'measure.manage');
    if (roots.length <= 1) return roots[0] ?? null;
    const top = await exec
      .selectFrom('units')
      .select('id')
      .where('id', 'in', roots)
      .where('parentId', 'is', null)
      .where('validTo', 'is', null)
      .orderBy('id')
      .executeTakeFirst();
    return top?.id ?? roots[0];
  }

  async function canManage(actor: Actor | null, row: Owned, exec: Executor = db): Promise<boolean> {
    return !!actor && canManageFramework(actor, await ownerAncestors(row, exec));
  }

  async function requireManage(actor: Actor | null, row: Owned, exec: Executor = db): Promise<void> {
    if (!(await canManage(requireSignedIn(actor), row, exec))) throw new AppError('FORBIDDEN');
  }

  /** The rows the actor may read: in its measure.read subtrees, or owned by a unit above them. */
  async function readable<R extends Owned>(actor: Actor, rows: R[], exec: Executor = db): Promise<R[]> {
    const roots = scopeRootsFor(actor, 'measure.read');
    const above = new Set([...(await unitAncestorIdsMany(exec, roots)).values()].flat());
    const owners = [...new Set(rows.map((r) => r.ownerUnitId).filter((id): id is number => id !== null))];
    const ancestors = await unitAncestorIdsMany(exec, owners);
    return rows.filter((r) =>
      canReadFramework(
        actor,
        r.ownerUnitId,
        r.ownerUnitId === null ? [] : (ancestors.get(r.ownerUnitId) ?? []),
        above,
      ),
    );
  }

  async function requireRead(actor: Actor | null, row: Owned, exec: Executor = db): Promise<void> {
    if (!(await readable(requireSignedIn(actor), [row], exec)).length) throw new AppError('FORBIDDEN');
  }

  /**
   * The owner of a new version of `code`: the owner of its earlier versions when there are some, else the unit
   * asked for, else the caller's first measure.manage unit. 403 unless the caller manages that owner.
   */
  async function ownerForNew(
    actor: Actor | null,
    code: string,
    requested: number | undefined,
    exec: Executor = db,
  ): Promise<number | null> {
    const signedIn = requireSignedIn(actor);
    const earlier = await exec
      .selectFrom('measureFrameworks')
      .select('ownerUnitId')
      .where('code', '=', code)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const owner = earlier ? earlier.ownerUnitId : (requested ?? (await defaultOwner(signedIn, exec)));
    if (earlier && requested !== undefined && requested !== owner) throw new AppError('FORBIDDEN');
    await requireManage(signedIn, { ownerUnitId: owner }, exec);
    return owner;
  }

  return { canManage, requireManage, readable, requireRead, ownerForNew };
}
export type FrameworkOwners = ReturnType<typeof createFrameworkOwners>;
