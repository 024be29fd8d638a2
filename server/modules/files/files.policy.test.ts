import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/accounts/permissions.js';
import type { Actor } from '../../lib/actor.js';
import { canDownloadFile } from './files.policy.js';

const user = (userId: number, role: Role): Actor => ({
  kind: 'user',
  userId,
  email: `u${userId}@x.vn`,
  fullName: 'U',
  sessionId: 's',
  grants: [{ role, unitId: 10 }],
});

describe('canDownloadFile', () => {
  const file = { uploadedBy: 1 };
  it.each([
    ['the uploader (an officer)', user(1, 'officer'), true],
    ['an admin', user(2, 'admin'), true],
    ['an officer of another unit', user(3, 'officer'), false],
    ['a secretariat member', user(4, 'secretariat'), false],
    ['a leader', user(5, 'leader'), false],
    ['a viewer', user(6, 'viewer'), false],
    ['anonymous', null, false],
  ])('%s → %s', (_label, actor, expected) => {
    expect(canDownloadFile(actor, file)).toBe(expected);
  });

  it('refuses API tokens, even one created by the uploader', () => {
    const token: Actor = { kind: 'token', tokenId: 1, userId: 1, name: 't', grants: [] };
    expect(canDownloadFile(token, file)).toBe(false);
  });

  it('gives a file without an uploader to admins only', () => {
    expect(canDownloadFile(user(1, 'officer'), { uploadedBy: null })).toBe(false);
    expect(canDownloadFile(user(2, 'admin'), { uploadedBy: null })).toBe(true);
  });
});
