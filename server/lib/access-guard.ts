import type { Permission } from '../../core/accounts/permissions.js';
import type { Executor, Reader } from '../db/executor.js';
import { type Actor, canOnUnit } from './actor.js';
import { AppError, notFound } from './errors.js';
import { unitAncestorIds } from './unit-ancestors.js';

// The one access guard every service goes through. It turns "actor + rule + unit (or an entity that belongs
// to a unit)" into the actor and the unit's ancestors, or into a 401, 403 or 404, always in the same order:
//
//   forUnit   (the unit is named by the request, e.g. /units/:unitId/…):  401 → 403 → (caller's 404)
//             The unit is checked before anything about it is revealed, so "is there a submission of unit X?"
//             is answered only to those allowed to ask.
//   forEntity (an entity addressed by its own id, e.g. /periods/:id):       401 → 404 → 403
//             Its unit is only known once it is loaded; an unknown id is a 404 for every signed-in caller.
//
// The rule is a pure policy function (x.policy.ts) or a permission name; the ancestors come from unit_closure
// in one indexed query (tree ancestors plus units inherited through lineage). An unknown unit has none, so
// nobody's scope covers it: it is a 403, never a leak.

/** A pure policy: may this actor act on a unit with these ancestors (itself included)? */
export type UnitRule<E = undefined> = (actor: Actor, ancestorIds: number[], entity: E) => boolean;

export type Guarded<E> = { actor: Actor; ancestors: number[]; entity: E };

export type AccessGuard = ReturnType<typeof createAccessGuard>;

/** The signed-in actor, or a 401 problem. The one way a service learns who is calling. */
export function requireSignedIn(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

const ruleOf = <E>(rule: Permission | UnitRule<E>): UnitRule<E> =>
  typeof rule === 'function' ? rule : (actor, ancestors) => canOnUnit(actor, rule, ancestors);

export function createAccessGuard(db: Reader) {
  const ancestorsOf = (unitId: number, exec?: Executor) => unitAncestorIds(exec ?? db, unitId);

  return {
    ancestorsOf,

    /** 401 → 403: the actor may apply `rule` on `unitId`. Returns the actor and the unit's ancestors. */
    async forUnit(
      actor: Actor | null | undefined,
      rule: Permission | UnitRule,
      unitId: number,
      exec?: Executor,
    ): Promise<Guarded<undefined>> {
      const signedIn = requireSignedIn(actor);
      const ancestors = await ancestorsOf(unitId, exec);
      if (!ruleOf(rule)(signedIn, ancestors, undefined)) throw new AppError('FORBIDDEN');
      return { actor: signedIn, ancestors, entity: undefined };
    },

    /**
     * 401 → 403 as forUnit, for a caller that read the unit's closure rows itself in a round trip it makes anyway
     * (a cached answer's hit: server/db/revisions.ts `revisionsWithUnitReader`). The ancestors must be exactly
     * unitAncestorIds' (every unit_closure row of the unit); the rule and the order are the guard's.
     */
    forUnitAncestors(
      actor: Actor | null | undefined,
      rule: Permission | UnitRule,
      ancestors: number[],
    ): Guarded<undefined> {
      const signedIn = requireSignedIn(actor);
      if (!ruleOf(rule)(signedIn, ancestors, undefined)) throw new AppError('FORBIDDEN');
      return { actor: signedIn, ancestors, entity: undefined };
    },

    /**
     * 401 → 404 → 403: loads the entity, finds its unit, applies `rule` (which may also look at the entity,
     * e.g. its status). `notFoundKey` names the 404's message when the default is not specific enough.
     */
    async forEntity<E>(
      actor: Actor | null | undefined,
      rule: Permission | UnitRule<E>,
      load: () => Promise<E | undefined | null>,
      unitOf: (entity: E) => number,
      options: { exec?: Executor; notFoundKey?: string } = {},
    ): Promise<Guarded<E>> {
      const signedIn = requireSignedIn(actor);
      const entity = await load();
      if (entity === undefined || entity === null) throw notFound(options.notFoundKey);
      const ancestors = await ancestorsOf(unitOf(entity), options.exec);
      if (!ruleOf(rule)(signedIn, ancestors, entity)) throw new AppError('FORBIDDEN');
      return { actor: signedIn, ancestors, entity };
    },
  };
}
