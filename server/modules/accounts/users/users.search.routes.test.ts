import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../../../../test/helpers/login.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { testDialects } from '../../../../test/helpers/test-db.js';
import type { UnitTree } from '../../../../test/helpers/unit-fixtures.js';
import { accountsScenario } from '../accounts-test-fixtures.js';

// Issue 10 (Admins): user search ignores diacritics and case, like unit search.
describe.each(testDialects())('user search on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  let admin: LoggedIn;

  beforeAll(async () => {
    const s = await accountsScenario(dialect);
    ({ t, units: u } = s);
    admin = await s.signIn('admin', 'province', 'admin@p.vn');
  });
  afterAll(async () => t.close());

  const names = async (q: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/users?q=${encodeURIComponent(q)}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: { fullName: string }[] }).items.map((i) => i.fullName);
  };
  const create = async (email: string, fullName: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        email,
        fullName,
        password: 'Long-enough-1',
        grants: [{ role: 'viewer', unitId: u.communeA }],
      },
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: number }).id;
  };

  it('finds "Lãnh đạo" by "lanh dao", "LÃNH ĐẠO" and "Lãnh đạo"', async () => {
    await create('lanhdao@a.vn', 'Lãnh đạo Phường');
    for (const q of ['lanh dao', 'LANH  DAO', 'Lãnh đạo', 'lãnh dao phuong']) {
      expect(await names(q)).toEqual(['Lãnh đạo Phường']);
    }
    expect(await names('lanh dao xa')).toEqual([]);
  });

  it('folds a renamed user again, and still matches e-mail and literal wildcards', async () => {
    const id = await create('ren@a.vn', 'Tên Cũ');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { fullName: 'Trần Thị Đức Hạnh' },
    });
    expect(res.statusCode).toBe(200);
    expect(await names('duc hanh')).toEqual(['Trần Thị Đức Hạnh']);
    expect(await names('ten cu')).toEqual([]);
    expect(await names('REN@A')).toEqual(['Trần Thị Đức Hạnh']);
    expect(await names('%')).toEqual([]);
  });
});
