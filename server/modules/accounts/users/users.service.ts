import type { Role } from '../../../../core/accounts/permissions.js';
import type {
  GrantInput,
  UserCreateBody,
  UserList,
  UserListQuery,
  UserPatchBody,
  UserView,
} from '../../../../core/contracts/accounts.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import {
  canChangeActiveState,
  canGrantOnUnits,
  canManageUser,
  canManageUsersOnUnit,
  userManagementRoots,
} from '../accounts.policy.js';
import type { UsersDeps, UsersService } from '../accounts.types.js';
import { hashPassword } from '../auth/password.js';
import { INVITE_TTL_MS, resetLink } from '../password-reset/password-reset.service.js';
import type { GrantRow, UserRow } from './users.repository.js';

// User management: admins create people, set their roles on units inside their own scope, and deactivate them.

type GrantKey = { role: string; unitId: number };
const keyOf = (g: GrantKey) => `${g.role}@${g.unitId}`;

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

export function toUserView(user: UserRow, grants: GrantRow[]): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    isActive: user.isActive === 1,
    locale: user.locale === 'en' ? 'en' : 'vi',
    grants: grants
      .filter((g) => g.userId === user.id)
      .map((g) => ({ role: g.role as Role, unitId: g.unitId, unitName: g.unitName })),
    createdAt: user.createdAt,
  };
}

export function createUsersService(deps: UsersDeps): UsersService {
  const { db, clock, audit, users, scope, sessions, resets } = deps;

  function rootsOrForbid(actor: Actor): number[] {
    const roots = userManagementRoots(actor);
    if (!roots.length) throw new AppError('FORBIDDEN');
    return roots;
  }

  /** The user when it holds a grant inside the actor's scope: 404 when it does not exist, 403 otherwise. */
  async function loadVisible(actor: Actor, id: number): Promise<UserRow> {
    const roots = rootsOrForbid(actor);
    const user = await users.findById(id);
    if (!user) throw new AppError('NOT_FOUND');
    if (!(await users.isVisibleUnder(id, roots))) throw new AppError('FORBIDDEN');
    return user;
  }

  /** The user when EVERY one of its grants lies inside the actor's scope (see canManageUser). */
  async function loadManageable(actor: Actor, id: number): Promise<UserRow> {
    const user = await loadVisible(actor, id);
    const grants = await users.grantsOf([id]);
    const ancestors = await scope.ancestorIdsMany([...new Set(grants.map((g) => g.unitId))]);
    if (
      !canManageUser(
        actor,
        grants.map((g) => ancestors.get(g.unitId) ?? []),
      )
    )
      throw new AppError('FORBIDDEN');
    return user;
  }

  /** Only the grants inside the actor's scope leave the server: others belong to other admins' subtrees. */
  async function grantsInScope(actor: Actor, grants: GrantRow[]): Promise<GrantRow[]> {
    const ancestors = await scope.ancestorIdsMany([...new Set(grants.map((g) => g.unitId))]);
    return grants.filter((g) => canManageUsersOnUnit(actor, ancestors.get(g.unitId) ?? []));
  }

  async function assertGrantable(actor: Actor, grants: GrantKey[]) {
    const ancestors = await scope.ancestorIdsMany([...new Set(grants.map((g) => g.unitId))]);
    if (!canGrantOnUnits(actor, [...ancestors.values()])) throw new AppError('FORBIDDEN');
  }

  async function view(actor: Actor, id: number): Promise<UserView> {
    const user = await users.findById(id);
    if (!user) throw new AppError('NOT_FOUND');
    return toUserView(user, await grantsInScope(actor, await users.grantsOf([id])));
  }

  async function list(maybeActor: Actor | null, query: UserListQuery): Promise<UserList> {
    const actor = requireSignedIn(maybeActor);
    const roots = rootsOrForbid(actor);
    if (query.unitId !== undefined && !canManageUsersOnUnit(actor, await scope.ancestorIds(query.unitId))) {
      throw new AppError('FORBIDDEN');
    }
    const { rows, total } = await users.list({ roots, ...query });
    const grants = await grantsInScope(actor, await users.grantsOf(rows.map((r) => r.id)));
    return { items: rows.map((r) => toUserView(r, grants)), total };
  }

  async function get(maybeActor: Actor | null, id: number): Promise<UserView> {
    const actor = requireSignedIn(maybeActor);
    await loadVisible(actor, id);
    return view(actor, id);
  }

  async function create(maybeActor: Actor | null, ctx: AuditContext, body: UserCreateBody) {
    const actor = requireSignedIn(maybeActor);
    rootsOrForbid(actor);
    const linkBase = body.password ? null : resets.requireLinkBase();
    const grants = dedupe(body.grants);
    await assertGrantable(actor, grants);
    const email = body.email.trim().toLowerCase();
    if (await users.findByEmail(email)) throw emailTaken();
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    const now = clock.now().toISOString();
    const { id, invite } = await db
      .transaction()
      .execute(async (trx) => {
        const id = await users.insert(
          {
            email,
            fullName: body.fullName,
            passwordHash,
            lockedUntil: null,
            locale: body.locale ?? 'vi',
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await users.replaceGrants(id, [], grants, now, trx);
        const after = { email, fullName: body.fullName, locale: body.locale ?? 'vi', grants };
        await audit.record(trx, ctx, { action: 'user.created', entity: 'user', entityId: id, after });
        const invite = passwordHash ? null : await resets.issue(id, INVITE_TTL_MS, trx);
        return { id, invite };
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? emailTaken() : err;
      });
    if (invite && linkBase) await resets.sendLink(email, resetLink(linkBase, invite), 'invite');
    return view(actor, id);
  }

  async function update(maybeActor: Actor | null, ctx: AuditContext, id: number, patch: UserPatchBody) {
    const actor = requireSignedIn(maybeActor);
    const user = await loadManageable(actor, id);
    const changesActive = patch.isActive !== undefined && patch.isActive !== (user.isActive === 1);
    if (changesActive && !canChangeActiveState(actor, id)) {
      throw new AppError('INVALID_STATE', { detailKey: 'users.cannot_deactivate_self' });
    }
    const before = { fullName: user.fullName, isActive: user.isActive === 1, locale: user.locale };
    const after = { ...before, ...patch };
    if (JSON.stringify(after) === JSON.stringify(before)) return view(actor, id);
    await db.transaction().execute(async (trx) => {
      await users.update(
        id,
        {
          fullName: after.fullName,
          isActive: after.isActive ? 1 : 0,
          locale: after.locale,
          updatedAt: clock.now().toISOString(),
        },
        trx,
      );
      // A deactivated person is signed out everywhere at once, not at their next idle timeout.
      if (!after.isActive) await sessions.endAllForUser(id, undefined, trx);
      await audit.record(trx, ctx, { action: 'user.updated', entity: 'user', entityId: id, before, after });
    });
    return view(actor, id);
  }

  async function setGrants(maybeActor: Actor | null, ctx: AuditContext, id: number, requested: GrantInput[]) {
    const actor = requireSignedIn(maybeActor);
    await loadManageable(actor, id);
    const wanted = dedupe(requested);
    await assertGrantable(actor, wanted);
    const current = await users.grantsOf([id]);
    const ancestors = await scope.ancestorIdsMany([...new Set(current.map((g) => g.unitId))]);
    // loadManageable guarantees every current grant is the actor's; the filter keeps that true if it changes.
    const mine = current.filter((g) => canManageUsersOnUnit(actor, ancestors.get(g.unitId) ?? []));
    const wantedKeys = new Set(wanted.map(keyOf));
    const currentKeys = new Set(current.map(keyOf));
    const remove = mine.filter((g) => !wantedKeys.has(keyOf(g)));
    const add = wanted.filter((g) => !currentKeys.has(keyOf(g)));
    if (current.length - remove.length + add.length === 0) {
      throw new AppError('VALIDATION', {
        fieldErrors: [{ field: 'body.grants', code: 'users.grants_required' }],
      });
    }
    const plain = (gs: GrantKey[]) => gs.map((g) => ({ role: g.role, unitId: g.unitId }));
    await db.transaction().execute(async (trx) => {
      await users.replaceGrants(id, remove, add, clock.now().toISOString(), trx);
      const after = plain(await users.grantsOf([id], trx));
      await audit.record(trx, ctx, {
        action: 'user.grants_changed',
        entity: 'user',
        entityId: id,
        before: { grants: plain(current) },
        after: { grants: after },
      });
    });
    return view(actor, id);
  }

  return { list, get, create, update, setGrants };
}

function dedupe(grants: GrantInput[]): GrantInput[] {
  const seen = new Map<string, GrantInput>();
  for (const g of grants) seen.set(keyOf(g), g);
  return [...seen.values()];
}

function emailTaken() {
  return new AppError('CONFLICT', { fieldErrors: [{ field: 'body.email', code: 'users.email_taken' }] });
}
