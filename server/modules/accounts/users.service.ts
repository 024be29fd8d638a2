import type { Role } from '../../../core/accounts/permissions.js';
import type {
  GrantInput,
  UserCreateBody,
  UserList,
  UserListQuery,
  UserPatchBody,
  UserView,
} from '../../../core/contracts/accounts.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { AuditContext } from '../audit/audit.service.js';
import {
  canChangeActiveState,
  canGrantOnUnits,
  canManageUsersOnUnit,
  userManagementRoots,
} from './accounts.policy.js';
import { hashPassword } from './password.js';
import { createPasswordResetService, INVITE_TTL_MS, resetLink } from './password-reset.service.js';
import { createSessionsService } from './sessions.service.js';
import { createUnitScopeRepository } from './unit-scope.repository.js';
import { createUsersRepository, type GrantRow, type UserRow } from './users.repository.js';

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

export function createUsersService(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'mailer' | 'rateLimiter'>,
) {
  const { db, clock, audit, config } = deps;
  const users = createUsersRepository(db);
  const scope = createUnitScopeRepository(db);
  const sessions = createSessionsService(deps);
  const resets = createPasswordResetService(deps);

  function rootsOrForbid(actor: Actor): number[] {
    const roots = userManagementRoots(actor);
    if (!roots.length) throw new AppError('FORBIDDEN');
    return roots;
  }

  /** The user, when inside the actor's scope: 404 when it does not exist, 403 when it is someone else's. */
  async function loadInScope(actor: Actor, id: number): Promise<UserRow> {
    const roots = rootsOrForbid(actor);
    const user = await users.findById(id);
    if (!user) throw new AppError('NOT_FOUND');
    if (!(await users.isVisibleUnder(id, roots))) throw new AppError('FORBIDDEN');
    return user;
  }

  async function assertGrantable(actor: Actor, grants: GrantKey[]) {
    const ancestors = await scope.ancestorIdsMany([...new Set(grants.map((g) => g.unitId))]);
    if (!canGrantOnUnits(actor, [...ancestors.values()])) throw new AppError('FORBIDDEN');
  }

  async function view(id: number): Promise<UserView> {
    const user = await users.findById(id);
    if (!user) throw new AppError('NOT_FOUND');
    return toUserView(user, await users.grantsOf([id]));
  }

  async function list(actor: Actor, query: UserListQuery): Promise<UserList> {
    const roots = rootsOrForbid(actor);
    if (query.unitId !== undefined && !canManageUsersOnUnit(actor, await scope.ancestorIds(query.unitId))) {
      throw new AppError('FORBIDDEN');
    }
    const { rows, total } = await users.list({ roots, ...query });
    const grants = await users.grantsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => toUserView(r, grants)), total };
  }

  async function get(actor: Actor, id: number): Promise<UserView> {
    await loadInScope(actor, id);
    return view(id);
  }

  async function create(actor: Actor, ctx: AuditContext, body: UserCreateBody, baseUrl: string) {
    rootsOrForbid(actor);
    const grants = dedupe(body.grants);
    await assertGrantable(actor, grants);
    const email = body.email.trim().toLowerCase();
    if (await users.findByEmail(email)) throw emailTaken();
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    const now = clock.now().toISOString();
    const { id, invite } = await db
      .transaction()
      .execute(async (trx) => {
        const id = await users.insert(trx, {
          email,
          fullName: body.fullName,
          passwordHash,
          lockedUntil: null,
          locale: body.locale ?? 'vi',
          createdAt: now,
          updatedAt: now,
        });
        await users.replaceGrants(trx, id, [], grants, now);
        const after = { email, fullName: body.fullName, locale: body.locale ?? 'vi', grants };
        await audit.record(trx, ctx, { action: 'user.created', entity: 'user', entityId: id, after });
        const invite = passwordHash ? null : await resets.issue(trx, id, INVITE_TTL_MS);
        return { id, invite };
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? emailTaken() : err;
      });
    if (invite) await resets.sendLink(email, resetLink(config.publicUrl ?? baseUrl, invite), 'invite');
    return view(id);
  }

  async function update(actor: Actor, ctx: AuditContext, id: number, patch: UserPatchBody) {
    const user = await loadInScope(actor, id);
    const changesActive = patch.isActive !== undefined && patch.isActive !== (user.isActive === 1);
    if (changesActive && !canChangeActiveState(actor, id)) {
      throw new AppError('INVALID_STATE', { detailKey: 'users.cannot_deactivate_self' });
    }
    const before = { fullName: user.fullName, isActive: user.isActive === 1, locale: user.locale };
    const after = { ...before, ...patch };
    if (JSON.stringify(after) === JSON.stringify(before)) return view(id);
    await db.transaction().execute(async (trx) => {
      await users.update(trx, id, {
        fullName: after.fullName,
        isActive: after.isActive ? 1 : 0,
        locale: after.locale,
        updatedAt: clock.now().toISOString(),
      });
      // A deactivated person is signed out everywhere at once, not at their next idle timeout.
      if (!after.isActive) await sessions.endAllForUser(trx, id);
      await audit.record(trx, ctx, { action: 'user.updated', entity: 'user', entityId: id, before, after });
    });
    return view(id);
  }

  async function setGrants(actor: Actor, ctx: AuditContext, id: number, requested: GrantInput[]) {
    await loadInScope(actor, id);
    const wanted = dedupe(requested);
    await assertGrantable(actor, wanted);
    const current = await users.grantsOf([id]);
    const ancestors = await scope.ancestorIdsMany([...new Set(current.map((g) => g.unitId))]);
    // Grants outside the actor's scope belong to other admins: kept as they are.
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
      await users.replaceGrants(trx, id, remove, add, clock.now().toISOString());
      const after = plain(await users.grantsOf([id], trx));
      await audit.record(trx, ctx, {
        action: 'user.grants_changed',
        entity: 'user',
        entityId: id,
        before: { grants: plain(current) },
        after: { grants: after },
      });
    });
    return view(id);
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
