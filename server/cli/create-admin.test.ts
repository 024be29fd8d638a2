import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIp } from '../../test/helpers/login.js';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { testDialects } from '../../test/helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../../test/helpers/unit-fixtures.js';
import { type CreateAdminIo, runCreateAdmin } from './create-admin.js';

function io(env: Record<string, string>, answers: string[] = [], isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CreateAdminIo = {
    env,
    isTTY,
    promptHidden: async () => answers.shift() ?? '',
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  return { value, out, err };
}

describe.each(testDialects())('create-admin CLI on %s', (dialect) => {
  let t: TestApp;
  let u: UnitTree;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    u = await createUnitTree(t.deps.db);
  });
  afterAll(async () => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: randomIp(),
      payload: { email, password },
    });

  it('creates an admin on the only top-level unit with the password from DXBOARD_ADMIN_PASSWORD', async () => {
    const r = io({ DXBOARD_ADMIN_PASSWORD: 'Admin-Pass-2026' });
    const code = await runCreateAdmin(
      ['--email', 'Boss@Tinh.vn', '--name', 'Chánh Văn phòng'],
      t.deps,
      r.value,
    );
    expect(code, r.err.join('\n')).toBe(0);
    expect(r.out[0]).toBe('Created admin boss@tinh.vn on Tỉnh Thái Nguyên (19).');
    const res = await login('boss@tinh.vn', 'Admin-Pass-2026');
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual([{ role: 'admin', unitId: u.province, unitName: 'Tỉnh Thái Nguyên' }]);
  });

  it('prompts twice on a TTY, picks a unit by code and structure, and updates an existing user', async () => {
    const r = io({}, ['Second-Pass-2026', 'Second-Pass-2026'], true);
    const args = [
      '--email',
      'boss@tinh.vn',
      '--name',
      'X',
      '--unit-code',
      '05500',
      '--structure',
      '2025-07-01',
    ];
    expect(await runCreateAdmin(args, t.deps, r.value)).toBe(0);
    expect(r.out[0]).toContain('Updated admin boss@tinh.vn on Phường Phan Đình Phùng');
    const res = await login('boss@tinh.vn', 'Second-Pass-2026');
    expect(
      res
        .json()
        .grants.map((g: { unitId: number }) => g.unitId)
        .sort(),
    ).toEqual([u.province, u.communeA].sort());
  });

  it('fails clearly on bad input', async () => {
    const cases: [string[], Record<string, string>, RegExp, number][] = [
      [['--email', 'x@y.vn'], { DXBOARD_ADMIN_PASSWORD: 'Long-enough-1' }, /--name are required/, 2],
      [['--email', 'x@y.vn', '--name', 'X', '--bogus'], {}, /Unknown option/, 2],
      [['--email', 'x@y.vn', '--name', 'X'], {}, /set DXBOARD_ADMIN_PASSWORD/, 1],
      [['--email', 'x@y.vn', '--name', 'X'], { DXBOARD_ADMIN_PASSWORD: 'short' }, /at least 10/, 1],
      [
        ['--email', 'x@y.vn', '--name', 'X', '--unit-code', '00'],
        { DXBOARD_ADMIN_PASSWORD: 'Long-enough-1' },
        /No unit with code 00/,
        1,
      ],
      [
        ['--email', 'x@y.vn', '--name', 'X', '--structure', 'nope'],
        { DXBOARD_ADMIN_PASSWORD: 'Long-enough-1' },
        /No structure named "nope"/,
        1,
      ],
    ];
    for (const [args, env, message, expected] of cases) {
      const r = io(env);
      expect(await runCreateAdmin(args, t.deps, r.value), args.join(' ')).toBe(expected);
      expect(r.err.join('\n')).toMatch(message);
    }
    const mismatch = io({}, ['Long-enough-1', 'Long-enough-2'], true);
    expect(await runCreateAdmin(['--email', 'x@y.vn', '--name', 'X'], t.deps, mismatch.value)).toBe(1);
    expect(mismatch.err[0]).toMatch(/differ/);
    const users = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'x@y.vn').execute();
    expect(users).toEqual([]);
  });

  // Last: it adds a second top-level unit, as a national import does.
  it('lists the top-level units to choose from when there are several', async () => {
    await createUnitTree(t.deps.db);
    const r = io({ DXBOARD_ADMIN_PASSWORD: 'Long-enough-1' });
    expect(await runCreateAdmin(['--email', 'two@y.vn', '--name', 'X'], t.deps, r.value)).toBe(1);
    const message = r.err.join('\n');
    expect(message).toMatch(/several top-level units: choose one with --unit-code <code>/);
    const listed = message.split('\n').filter((l) => /^ {2}19/.test(l));
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('Tỉnh Thái Nguyên');
  });
});
