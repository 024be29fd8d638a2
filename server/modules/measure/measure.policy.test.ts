import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.js';
import {
  canAppraiseSubmission,
  canAppraiseUnit,
  canEditSubmission,
  canEnterUnit,
  canManageFrameworks,
  canManagePeriod,
  canPreviewUnit,
  canReadUnit,
} from './measure.policy.js';

const PROVINCE = 1;
const COMMUNE_A = 10;
const COMMUNE_B = 11;
const user = (role: 'admin' | 'secretariat' | 'leader' | 'officer' | 'viewer', unitId: number): Actor => ({
  kind: 'user',
  userId: 1,
  email: 'x@test',
  fullName: 'X',
  sessionId: 's',
  grants: [{ role, unitId }],
});
const ancestorsOfA = [COMMUNE_A, PROVINCE];

describe('measure policy', () => {
  it('lets only the unit’s own officers (or staff above) edit, and only while draft/returned in an open period', () => {
    const open = { status: 'draft' as const, periodStatus: 'open' as const };
    expect(canEditSubmission(user('officer', COMMUNE_A), ancestorsOfA, open)).toBe(true);
    expect(canEditSubmission(user('officer', COMMUNE_B), ancestorsOfA, open)).toBe(false);
    expect(canEditSubmission(user('leader', PROVINCE), ancestorsOfA, open)).toBe(false);
    expect(canEditSubmission(user('secretariat', PROVINCE), ancestorsOfA, open)).toBe(true);
    expect(canEditSubmission(null, ancestorsOfA, open)).toBe(false);
    const officer = user('officer', COMMUNE_A);
    expect(canEditSubmission(officer, ancestorsOfA, { status: 'returned', periodStatus: 'open' })).toBe(true);
    expect(canEditSubmission(officer, ancestorsOfA, { status: 'submitted', periodStatus: 'open' })).toBe(
      false,
    );
    expect(canEditSubmission(officer, ancestorsOfA, { status: 'approved', periodStatus: 'open' })).toBe(
      false,
    );
    expect(canEditSubmission(officer, ancestorsOfA, { status: 'draft', periodStatus: 'closed' })).toBe(false);
  });

  it('lets appraisers act on submitted work only; officers never appraise', () => {
    const submitted = { status: 'submitted' as const, periodStatus: 'closed' as const };
    expect(canAppraiseSubmission(user('secretariat', PROVINCE), ancestorsOfA, submitted)).toBe(true);
    expect(canAppraiseSubmission(user('officer', COMMUNE_A), ancestorsOfA, submitted)).toBe(false);
    expect(canAppraiseSubmission(user('secretariat', COMMUNE_B), ancestorsOfA, submitted)).toBe(false);
    expect(
      canAppraiseSubmission(user('secretariat', PROVINCE), ancestorsOfA, { ...submitted, status: 'draft' }),
    ).toBe(false);
    expect(
      canAppraiseSubmission(user('secretariat', PROVINCE), ancestorsOfA, {
        ...submitted,
        periodStatus: 'published',
      }),
    ).toBe(false);
  });

  it('gives framework and period management to secretariat and admin only', () => {
    expect(canManageFrameworks(user('secretariat', PROVINCE))).toBe(true);
    expect(canManageFrameworks(user('admin', COMMUNE_A))).toBe(true);
    for (const role of ['leader', 'officer', 'viewer'] as const)
      expect(canManageFrameworks(user(role, PROVINCE))).toBe(false);
    expect(canManagePeriod(user('secretariat', PROVINCE), [PROVINCE])).toBe(true);
    expect(canManagePeriod(user('secretariat', COMMUNE_A), [PROVINCE])).toBe(false);
  });

  it('reads, enters, appraises and previews by the unit’s ancestors: the rules the access guard is given', () => {
    const cases: [Actor, boolean, boolean, boolean][] = [
      // actor, read, enter, appraise
      [user('secretariat', PROVINCE), true, true, true],
      [user('leader', PROVINCE), true, false, false],
      [user('officer', COMMUNE_A), true, true, false],
      [user('viewer', COMMUNE_A), true, false, false],
      [user('officer', COMMUNE_B), false, false, false],
    ];
    for (const [actor, read, enter, appraise] of cases) {
      expect(canReadUnit(actor, ancestorsOfA)).toBe(read);
      expect(canEnterUnit(actor, ancestorsOfA)).toBe(enter);
      expect(canAppraiseUnit(actor, ancestorsOfA)).toBe(appraise);
      expect(canPreviewUnit(actor, ancestorsOfA)).toBe(enter || appraise);
    }
    expect(canReadUnit(null, ancestorsOfA)).toBe(false);
    expect(canPreviewUnit(null, ancestorsOfA)).toBe(false);
  });
});
