import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../../lib/actor.js';
import { tokenPermissionsOf } from '../accounts.policy.js';

// A token never outlives its creator's rights: the authenticator cuts its stored permissions to what the
// creator still holds on the token's unit. Pure, so tested without a database.
const PROVINCE = 1;
const A = 2;
const creator = (role: UserActor['grants'][number]['role'], unitId: number): UserActor => ({
  kind: 'user',
  userId: 5,
  email: '',
  fullName: '',
  sessionId: '',
  grants: [{ role, unitId }],
});

describe('token permissions', () => {
  it('keeps what the creator holds on the unit and drops the rest', () => {
    expect(
      tokenPermissionsOf(creator('officer', A), ['measure.enter', 'measure.manage'], [A, PROVINCE]),
    ).toEqual(['measure.enter']);
  });

  it('drops everything once the creator has no role over the unit', () => {
    expect(tokenPermissionsOf(creator('admin', A), ['measure.push', 'units.read'], [PROVINCE])).toEqual([]);
  });

  it('keeps all of an admin-created token’s permissions inside the admin’s subtree', () => {
    expect(
      tokenPermissionsOf(creator('admin', PROVINCE), ['measure.push', 'units.read'], [A, PROVINCE]),
    ).toEqual(['measure.push', 'units.read']);
  });
});
