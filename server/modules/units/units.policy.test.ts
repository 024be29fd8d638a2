import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../core/accounts/permissions.js';
import type { TokenActor, UserActor } from '../../lib/actor.js';
import { allowedUnitActions, canListUnits, canManageUnit, canReadUnit } from './units.policy.js';

// Tree: province 1 → commune A (2); commune B (3) under the province too. Ancestors include the unit itself.
const PROVINCE = 1;
const A = 2;
const B = 3;
const ancestorsOfA = [A, PROVINCE];
const ancestorsOfB = [B, PROVINCE];

function user(role: Role, unitId: number): UserActor {
  return {
    kind: 'user',
    userId: 1,
    email: 'u@x.vn',
    fullName: 'U',
    sessionId: 's',
    grants: [{ role, unitId }],
  };
}

describe('units policy', () => {
  it.each(ROLES)('%s reads units in its subtree only', (role) => {
    expect(canReadUnit(user(role, A), ancestorsOfA)).toBe(true);
    expect(canReadUnit(user(role, A), ancestorsOfB)).toBe(false);
    expect(canReadUnit(user(role, PROVINCE), ancestorsOfB)).toBe(true);
  });

  it.each(ROLES)('%s manages units only when admin, and only in its subtree', (role) => {
    expect(canManageUnit(user(role, PROVINCE), ancestorsOfA)).toBe(role === 'admin');
    expect(canManageUnit(user(role, A), ancestorsOfB)).toBe(false);
  });

  it('offers the actions the actor may take on the unit', () => {
    expect(allowedUnitActions(user('admin', A), ancestorsOfA)).toEqual([
      'view',
      'edit',
      'addChild',
      'editHeadcounts',
      'editLineage',
    ]);
    expect(allowedUnitActions(user('viewer', A), ancestorsOfA)).toEqual(['view']);
    expect(allowedUnitActions(user('admin', A), ancestorsOfB)).toEqual([]);
    expect(allowedUnitActions(null, ancestorsOfA)).toEqual([]);
  });

  it('lets anyone holding units.read somewhere list (the lists are then scoped), not anonymous callers', () => {
    const token: TokenActor = {
      kind: 'token',
      tokenId: 1,
      userId: 1,
      name: 't',
      grants: [{ unitId: A, permissions: ['measure.push'] }],
    };
    expect(canListUnits(user('viewer', A))).toBe(true);
    expect(canListUnits(token)).toBe(false);
    expect(canListUnits({ ...token, grants: [{ unitId: A, permissions: ['units.read'] }] })).toBe(true);
    expect(canListUnits(null)).toBe(false);
  });
});
