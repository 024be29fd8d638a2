import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/actor.js';
import { kpiCodeFor } from './definitions/kpi-catalogue.js';
import {
  applicabilityKindOf,
  canManageKpiCatalogue,
  canReadKpiValues,
  canSetKpiTarget,
  canWriteKpiValue,
  kpiAppliesTo,
} from './kpis.policy.js';

const PROVINCE = 1;
const COMMUNE_A = 2;
const COMMUNE_B = 3;
const ancestorsOfA = [COMMUNE_A, PROVINCE];
const ancestorsOfB = [COMMUNE_B, PROVINCE];

const user = (role: 'admin' | 'secretariat' | 'leader' | 'officer' | 'viewer', unitId: number): Actor => ({
  kind: 'user',
  userId: 1,
  email: `${role}@example.vn`,
  fullName: role,
  sessionId: 's',
  grants: [{ role, unitId }],
});
const token = (
  unitId: number,
  permissions: ('measure.push' | 'measure.read' | 'measure.manage')[],
): Actor => ({
  kind: 'token',
  tokenId: 9,
  userId: 1,
  name: 't',
  grants: [{ unitId, permissions }],
});

describe('KPI policy', () => {
  it('lets officers enter values for their own unit and tokens push only with measure.push in scope', () => {
    expect(canWriteKpiValue(user('officer', COMMUNE_A), ancestorsOfA)).toBe(true);
    expect(canWriteKpiValue(user('officer', COMMUNE_B), ancestorsOfA)).toBe(false);
    expect(canWriteKpiValue(user('viewer', PROVINCE), ancestorsOfA)).toBe(false);
    expect(canWriteKpiValue(user('leader', PROVINCE), ancestorsOfA)).toBe(false);
    expect(canWriteKpiValue(user('secretariat', PROVINCE), ancestorsOfA)).toBe(true);
    expect(canWriteKpiValue(token(COMMUNE_A, ['measure.push']), ancestorsOfA)).toBe(true);
    expect(canWriteKpiValue(token(COMMUNE_A, ['measure.push']), ancestorsOfB)).toBe(false);
    expect(canWriteKpiValue(token(PROVINCE, ['measure.read']), ancestorsOfA)).toBe(false);
    expect(canWriteKpiValue(null, ancestorsOfA)).toBe(false);
  });

  it('reads within scope, sets targets with measure.manage, edits the catalogue only from a root unit', () => {
    expect(canReadKpiValues(user('viewer', PROVINCE), ancestorsOfB)).toBe(true);
    expect(canReadKpiValues(user('officer', COMMUNE_A), ancestorsOfB)).toBe(false);
    expect(canSetKpiTarget(user('secretariat', PROVINCE), ancestorsOfA)).toBe(true);
    expect(canSetKpiTarget(user('officer', COMMUNE_A), ancestorsOfA)).toBe(false);
    expect(canManageKpiCatalogue(user('admin', PROVINCE), [PROVINCE])).toBe(true);
    expect(canManageKpiCatalogue(user('secretariat', COMMUNE_A), [PROVINCE])).toBe(false);
    expect(canManageKpiCatalogue(token(PROVINCE, ['measure.manage']), [PROVINCE])).toBe(false);
  });

  it('reads unit kinds from kind, English type or Vietnamese type', () => {
    expect(applicabilityKindOf({ kind: 'commune', type: 'Xã', level: 2 })).toBe('commune');
    expect(applicabilityKindOf({ kind: 'admin', type: 'ward', level: 2 })).toBe('commune');
    expect(applicabilityKindOf({ kind: 'admin', type: 'Phường', level: 2 })).toBe('commune');
    expect(applicabilityKindOf({ kind: 'x', type: 'Tỉnh', level: 1 })).toBe('province');
    expect(kpiAppliesTo(['commune'], { kind: 'agency', type: 'Sở', level: 2 })).toBe(false);
    expect(kpiAppliesTo([], { kind: 'agency', type: 'Sở', level: 2 })).toBe(true);
  });

  it('maps template aliases onto catalogue codes, by the unit level where needed', () => {
    expect(kpiCodeFor('dvc.online_payment_rate', null)).toBe('ONLINE_PAYMENT_RATE');
    expect(kpiCodeFor('edoc.signed_rate', 'commune')).toBe('DIGSIG_RATE_COMMUNE');
    expect(kpiCodeFor('edoc.signed_rate', 'agency')).toBe('DIGSIG_RATE_PROVINCE');
    expect(kpiCodeFor('edoc.signed_rate', null)).toBeNull();
    expect(kpiCodeFor('ecom_stalls', null)).toBe('ECOM_STALLS');
  });
});
