import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../core/accounts/permissions.js';
import type { UserActor } from '../../lib/actor.js';
import { canReadAuditLog } from './audit.policy.js';

// Tree: province 1 → commune A (2).
const PROVINCE = 1;
const A = 2;

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

describe('audit log policy', () => {
  it('a token with audit.read on the top-level unit reads it', () => {
    const token = {
      kind: 'token' as const,
      tokenId: 1,
      userId: 100,
      name: 't',
      grants: [{ unitId: PROVINCE, permissions: ['audit.read' as const] }],
    };
    expect(canReadAuditLog(token, [PROVINCE])).toBe(true);
    expect(
      canReadAuditLog({ ...token, grants: [{ unitId: A, permissions: ['audit.read' as const] }] }, []),
    ).toBe(false);
  });

  it.each(ROLES)('%s on the top-level unit reads the audit log only if admin or secretariat', (role) => {
    expect(canReadAuditLog(user(role, PROVINCE), [PROVINCE])).toBe(
      role === 'admin' || role === 'secretariat',
    );
  });

  it.each(ROLES)('%s of a commune (not a top-level unit) never reads the audit log', (role) => {
    expect(canReadAuditLog(user(role, A), [])).toBe(false);
    expect(canReadAuditLog(user(role, A), [PROVINCE])).toBe(false);
  });

  it('anonymous never reads it', () => {
    expect(canReadAuditLog(null, [PROVINCE])).toBe(false);
  });
});
