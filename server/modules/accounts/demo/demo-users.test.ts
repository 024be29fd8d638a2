import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIp } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { accountsScenario } from '../accounts-test-fixtures.js';
import { DEMO_PASSWORD, seedDemoUsers } from './demo-users.js';

describe.each(testDialects())('demo users on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  beforeAll(async () => {
    ({ t, units: u } = await accountsScenario(dialect));
  });
  afterAll(async () => t.close());

  const units = () => ({
    provinceUnitId: u.province,
    departmentUnitId: u.department,
    communeUnitId: u.communeA,
    otherCommuneUnitId: u.communeB,
  });

  it('creates one user per role, idempotently, each able to sign in with Demo@2026', async () => {
    const logins = await seedDemoUsers(t.deps, units());
    expect(logins.map((l) => [l.email, l.role, l.unitName])).toEqual([
      ['admin@demo.dxboard.vn', 'admin', 'Tỉnh Thái Nguyên'],
      ['thamdinh@demo.dxboard.vn', 'secretariat', 'Tỉnh Thái Nguyên'],
      ['lanhdao@demo.dxboard.vn', 'leader', 'Tỉnh Thái Nguyên'],
      ['canbo.so@demo.dxboard.vn', 'officer', 'Sở Khoa học và Công nghệ'],
      ['canbo.xa@demo.dxboard.vn', 'officer', 'Phường Phan Đình Phùng'],
      ['xem@demo.dxboard.vn', 'viewer', 'Xã Đại Phúc'],
    ]);
    expect(logins.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
    const again = await seedDemoUsers(t.deps, units());
    expect(again).toEqual(logins);
    const grants = await t.deps.db.selectFrom('roleAssignments').select('id').execute();
    expect(grants).toHaveLength(6);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email: 'canbo.xa@demo.dxboard.vn', password: 'Demo@2026' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual([
      { role: 'officer', unitId: u.communeA, unitName: 'Phường Phan Đình Phùng' },
    ]);
  });
});
