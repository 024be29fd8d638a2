import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsOf } from '../fuzz/openapi-operations.js';
import { createUserWithGrant, type LoggedIn, loginAs } from '../helpers/login.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';

// Issue 8, finding 6: SQLite stored U+0000 in free text (a unit name, an evidence title, a KPI name);
// PostgreSQL refuses it, so such a backup could not be restored there. One hook refuses C0 controls
// (except tab, LF, CR) in every JSON body, query string and path parameter, before any route's code.

const NUL = '\u0000';

describe.each(testDialects())('control characters in requests on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let admin: LoggedIn;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await createUnitTree(t.deps.db);
    admin = await loginAs(t, { role: 'admin', unitId: tree.province });
  });
  afterAll(async () => t.close());

  const send = (method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...admin.headers, 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('refuses U+0000 in a field with a 400 naming it, and stores nothing; tab and line breaks pass', async () => {
    const { userId } = await createUserWithGrant(t, {
      role: 'viewer',
      unitId: tree.communeA,
      fullName: 'Before',
    });
    const refused = await send('PATCH', `/api/users/${userId}`, { fullName: `Nguyễn${NUL}Văn A` });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'VALIDATION',
      errors: [{ field: 'body.fullName', code: 'text.control_character' }],
    });
    expect(refused.json().errors[0].message).toContain('U+0000');
    const stored = await t.deps.db
      .selectFrom('users')
      .select('fullName')
      .where('id', '=', userId)
      .executeTakeFirst();
    expect(stored?.fullName).toBe('Before');
    const vi = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      headers: admin.headers,
      payload: { fullName: `x${NUL}` },
    });
    expect(vi.json().errors[0].message).toMatch(/ký tự điều khiển/);
    const ok = await send('PATCH', `/api/users/${userId}`, { fullName: 'Nguyễn\tVăn\nA' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('names nested fields, query parameters and path parameters', async () => {
    const nested = await send('POST', '/api/users', {
      email: 'nested@x.vn',
      fullName: 'Ok',
      grants: [{ role: `viewer\u001B`, unitId: tree.communeA }],
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors).toEqual([
      expect.objectContaining({ field: 'body.grants.0.role', code: 'text.control_character' }),
    ]);
    const query = await send('GET', `/api/units?q=a%00b`);
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0]).toMatchObject({ field: 'querystring.q', code: 'text.control_character' });
    const path = await send('GET', '/api/users/1%07');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0]).toMatchObject({ field: 'params.id', code: 'text.control_character' });
  });

  it('covers every operation with a JSON body, including ones added later', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = operationsOf(doc).filter((op) => op.bodyTypes.includes('application/json'));
    expect(ops.length).toBeGreaterThan(20);
    const misses: string[] = [];
    for (const op of ops) {
      const url = op.path.replace(/\{[^}]+\}/g, '1');
      const res = await send(op.method, url, { probe: `a${NUL}b` });
      const first = res.statusCode === 400 ? res.json().errors?.[0] : undefined;
      if (first?.code !== 'text.control_character' || first.field !== 'body.probe')
        misses.push(`${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(misses).toEqual([]);
  });
});
