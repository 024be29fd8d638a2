import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, type Role } from '../../../core/accounts/permissions.js';
import type { TokenActor, UserActor } from '../../lib/actor.js';
import {
  canChangeActiveState,
  canCreateToken,
  canGrantOnUnits,
  canListTokens,
  canManageUsersOnUnit,
  canRevokeToken,
  userManagementRoots,
} from './accounts.policy.js';

// Tree: province 1 → commune A (2), commune B (3), department (4). Ancestors include the unit itself.
const PROVINCE = 1;
const A = 2;
const B = 3;
const ANC = { [PROVINCE]: [PROVINCE], [A]: [A, PROVINCE], [B]: [B, PROVINCE], 4: [4, PROVINCE] } as Record<
  number,
  number[]
>;

function user(role: Role, unitId: number, userId = 100): UserActor {
  return {
    kind: 'user',
    userId,
    email: `${role}@x.vn`,
    fullName: role,
    sessionId: 's',
    grants: [{ role, unitId }],
  };
}

const token: TokenActor = {
  kind: 'token',
  tokenId: 1,
  userId: 100,
  name: 't',
  grants: [{ unitId: PROVINCE, permissions: [...PERMISSIONS] }],
};

describe('user management policy', () => {
  it.each(ROLES)('%s on the province may manage users on a commune only if admin', (role) => {
    expect(canManageUsersOnUnit(user(role, PROVINCE), ANC[A])).toBe(role === 'admin');
    expect(userManagementRoots(user(role, PROVINCE))).toEqual(role === 'admin' ? [PROVINCE] : []);
  });

  it.each(ROLES)('%s of commune B never manages users of commune A or the province', (role) => {
    expect(canManageUsersOnUnit(user(role, B), ANC[A])).toBe(false);
    expect(canManageUsersOnUnit(user(role, B), ANC[PROVINCE])).toBe(false);
    expect(canManageUsersOnUnit(user(role, B), ANC[B])).toBe(role === 'admin');
  });

  it('grants are allowed only when every unit is inside the scope', () => {
    const adminA = user('admin', A);
    expect(canGrantOnUnits(adminA, [ANC[A]])).toBe(true);
    expect(canGrantOnUnits(adminA, [ANC[A], ANC[B]])).toBe(false);
    expect(canGrantOnUnits(adminA, [[]])).toBe(false); // unknown unit: no ancestors
    expect(canGrantOnUnits(user('admin', PROVINCE), [ANC[A], ANC[B], ANC[4]])).toBe(true);
    expect(canGrantOnUnits(null, [ANC[A]])).toBe(false);
  });

  it('an admin cannot change their own active state', () => {
    expect(canChangeActiveState(user('admin', PROVINCE, 7), 7)).toBe(false);
    expect(canChangeActiveState(user('admin', PROVINCE, 7), 8)).toBe(true);
    expect(canChangeActiveState(null, 8)).toBe(false);
  });
});

describe('API token policy', () => {
  it.each(ROLES)('%s may create a token only with tokens.manage and every requested permission', (role) => {
    const actor = user(role, PROVINCE);
    expect(canCreateToken(actor, ['measure.read'], ANC[A])).toBe(role === 'admin');
    expect(canCreateToken(actor, ['measure.push'], ANC[A])).toBe(role === 'admin');
  });

  it('an admin of commune B cannot mint a token for commune A', () => {
    expect(canCreateToken(user('admin', B), ['measure.read'], ANC[A])).toBe(false);
    expect(canCreateToken(user('admin', B), ['measure.read'], ANC[B])).toBe(true);
  });

  it('a token never mints or lists tokens', () => {
    expect(canCreateToken(token, ['measure.read'], ANC[A])).toBe(false);
    expect(canListTokens(token)).toBe(false);
    expect(canRevokeToken(token, { createdBy: 100 }, ANC[A])).toBe(false);
    expect(canListTokens(null)).toBe(false);
  });

  it.each(ROLES)('%s may revoke own tokens; others only with tokens.manage over the unit', (role) => {
    expect(canRevokeToken(user(role, B, 5), { createdBy: 5 }, ANC[A])).toBe(true);
    expect(canRevokeToken(user(role, B, 5), { createdBy: 6 }, ANC[A])).toBe(false);
    expect(canRevokeToken(user(role, PROVINCE, 5), { createdBy: 6 }, ANC[A])).toBe(role === 'admin');
  });
});
