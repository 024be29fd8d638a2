import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKpiCatalogue } from '../../server/modules/kpis/definitions/kpi-definitions.service.js';
import { createKpisRepository } from '../../server/modules/kpis/kpis.repository.js';
import { operationsOf } from '../fuzz/openapi-operations.js';
import { createUserWithGrant, type LoggedIn, loginAs } from '../helpers/login.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';
import { auditSteps, type Ctx } from './audit-steps.js';

// Issue 8, finding 8: "every write is audited" was a convention, and POST /api/kpis/imports broke it.
// This test walks every write operation (POST/PUT/PATCH/DELETE) of the OpenAPI document with a valid
// request and asserts that each 2xx leaves at least one new audit row. An operation missing from
// audit-steps.ts fails the test, so a new route must say how to call it; the few that write nothing say why.

describe.each(testDialects())('every write operation leaves an audit row on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let admin: LoggedIn;
  let user: LoggedIn;
  let writeOps: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    tree = await createUnitTree(t.deps.db);
    await ensureKpiCatalogue({ ...t.deps, repo: createKpisRepository(t.deps.db) });
    admin = await loginAs(t, { role: 'admin', unitId: tree.province });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    writeOps = operationsOf(doc)
      .filter((op) => op.method !== 'GET')
      .map((op) => `${op.method} ${op.path}`);
  });
  afterAll(async () => t.close());

  const maxAuditId = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('auditLog')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m ?? 0,
    );

  it('has a step for every write operation of the OpenAPI document, and no stale one', () => {
    const steps = auditSteps({ t, tree, admin: () => admin, user: () => user }).map((s) => s.op);
    expect(writeOps.length).toBeGreaterThan(30);
    expect(
      writeOps.filter((op) => !steps.includes(op)),
      'operations without a step',
    ).toEqual([]);
    expect(
      steps.filter((op) => !writeOps.includes(op)),
      'steps for operations that no longer exist',
    ).toEqual([]);
  });

  it('writes at least one audit row for each 2xx write, in the same request', async () => {
    const { email, userId } = await createUserWithGrant(t, { role: 'viewer', unitId: tree.communeB });
    const unitA = await t.deps.db
      .selectFrom('units')
      .select('code')
      .where('id', '=', tree.communeA)
      .executeTakeFirstOrThrow();
    const ctx: Ctx = { unitA: tree.communeA, unitACode: unitA.code };
    // The user who signs in, changes and resets a password and signs out; its session comes from the login step.
    user = { email, userId, headers: {}, csrfToken: '' };
    const failures: string[] = [];
    for (const step of auditSteps({ t, tree, admin: () => admin, user: () => user })) {
      const [method, path] = step.op.split(' ');
      const req = await step.request(ctx);
      const before = await maxAuditId();
      const res = await t.app.inject({
        method: method as 'POST',
        url: req.url,
        remoteAddress: req.remoteAddress,
        headers: { ...(req.as ? req.as() : admin.headers), ...(req.raw?.headers ?? {}) },
        ...(req.raw
          ? { payload: req.raw.payload }
          : req.payload === undefined
            ? {}
            : { payload: req.payload as object }),
      });
      const added = (await maxAuditId()) - before;
      if (res.statusCode < 200 || res.statusCode > 299) {
        failures.push(`${step.op}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        continue;
      }
      if (path === '/api/auth/login') {
        const cookie = String(res.headers['set-cookie']).split(';')[0];
        user = {
          email,
          userId,
          headers: { cookie, 'x-csrf-token': res.json().csrfToken },
          csrfToken: res.json().csrfToken,
        };
      }
      if (res.body && String(res.headers['content-type']).includes('json')) step.after?.(res.json(), ctx);
      if (step.noAudit ? added !== 0 : added < 1)
        failures.push(
          `${step.op}: ${added} audit row(s)${step.noAudit ? ` but listed as writing nothing (${step.noAudit})` : ''}`,
        );
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
