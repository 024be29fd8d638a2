import { describe, expect, it } from 'vitest';
import type { Role } from '../../../core/accounts/permissions.js';
import type { Actor } from '../../lib/actor.js';
import { canAttachFile, canDownloadFile } from './files.policy.js';

const PROVINCE = 1;
const COMMUNE_A = 10;
const COMMUNE_B = 11;

const user = (userId: number, role: Role, unitId = COMMUNE_A): Actor => ({
  kind: 'user',
  userId,
  email: `u${userId}@x.vn`,
  fullName: 'U',
  sessionId: 's',
  grants: [{ role, unitId }],
});

describe('canDownloadFile', () => {
  const ofA = { uploadedBy: 1, unitId: COMMUNE_A };
  const ancestorsOfA = [COMMUNE_A, PROVINCE];
  it.each([
    ['the uploader (an officer)', user(1, 'officer', COMMUNE_B), true],
    ['a viewer of the file’s unit', user(6, 'viewer'), true],
    ['an admin of the province above it', user(2, 'admin', PROVINCE), true],
    // Issue 8 #2: an admin grant anywhere used to open every file.
    ['an admin of another commune', user(3, 'admin', COMMUNE_B), false],
    ['an officer of another commune', user(4, 'officer', COMMUNE_B), false],
    ['anonymous', null, false],
  ])('%s → %s', (_label, actor, expected) => {
    expect(canDownloadFile(actor, ofA, ancestorsOfA)).toBe(expected);
  });

  it('keeps a file without a unit to its uploader, even from admins', () => {
    const loose = { uploadedBy: 1, unitId: null };
    expect(canDownloadFile(user(1, 'officer'), loose, [])).toBe(true);
    expect(canDownloadFile(user(2, 'admin', PROVINCE), loose, [])).toBe(false);
  });

  it('never counts an API token as the uploader its creator is', () => {
    const token: Actor = { kind: 'token', tokenId: 1, userId: 1, name: 't', grants: [] };
    expect(canDownloadFile(token, { uploadedBy: 1, unitId: null }, [])).toBe(false);
  });
});

describe('canAttachFile', () => {
  const ofA = { uploadedBy: 1, unitId: COMMUNE_A };
  it('lets the uploader and writers of the file’s unit attach it, nobody else', () => {
    expect(canAttachFile(user(1, 'officer', COMMUNE_B), ofA, [COMMUNE_A, PROVINCE], 'measure.enter')).toBe(
      true,
    );
    expect(canAttachFile(user(5, 'officer'), ofA, [COMMUNE_A, PROVINCE], 'measure.enter')).toBe(true);
    expect(canAttachFile(user(6, 'viewer'), ofA, [COMMUNE_A, PROVINCE], 'measure.enter')).toBe(false);
    expect(canAttachFile(user(3, 'admin', COMMUNE_B), ofA, [COMMUNE_A, PROVINCE], 'measure.enter')).toBe(
      false,
    );
  });
});
