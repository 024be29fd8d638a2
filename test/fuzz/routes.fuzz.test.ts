import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKpiCatalogue } from '../../server/modules/kpis/definitions/kpi-definitions.service.js';
import { createKpisRepository } from '../../server/modules/kpis/kpis.repository.js';
import { createOpenPeriod } from '../../server/modules/measure/measure-test-fixtures.js';
import { createUserWithGrant, type LoggedIn, loginAs, randomIp } from '../helpers/login.js';
import { createHeldJobQueue, createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createUnitTree, type UnitTree } from '../helpers/unit-fixtures.js';
import {
  auditActionsAfter,
  changedKeys,
  createFingerprinter,
  type Fingerprint,
  LOGIN_COUNTER_KEY,
  listTables,
  maxAuditId,
} from './db-fingerprint.js';
import { type Operation, operationsOf } from './openapi-operations.js';
import { type FuzzRequest, requestArbitrary } from './request-arbitraries.js';
import type { FuzzPool } from './schema-arbitrary.js';

// The "Bad input" property of the foundation: every route the OpenAPI document lists, thrown random and
// malformed input in three authentication modes, never answers 5xx, answers every 4xx as problem+json, and
// a request answered 4xx leaves the database exactly as it was.
//
// Reproduce a failure with the seed it prints: FUZZ_SEED=<n> (FUZZ_RUNS=<n> for more runs per route).

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const MODES = ['anonymous', 'admin', 'admin-without-csrf'] as const;
type Mode = (typeof MODES)[number];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set([
  '/api/auth/login',
  '/api/auth/password-reset/request',
  '/api/auth/password-reset/confirm',
]);
// A rejected sign-in writes by design: it is audited (and, once an email keeps failing from one address,
// audited as the start of a delay). Those writes, and only those, are allowed for the login route.
const LOGIN_PATH = '/api/auth/login';
const LOGIN_FAILURE_ACTIONS = new Set(['auth.login_failed', 'auth.login_delayed']);

type Headers = Record<string, string>;
const ANONYMOUS_CREDENTIALS: fc.Arbitrary<Headers | undefined> = fc.option(
  fc.oneof<fc.Arbitrary<Headers>[]>(
    fc
      .string({ maxLength: 64, unit: fc.constantFrom(...'abcdef0123456789') })
      .map((s) => ({ cookie: `dxb_session=${s}` })),
    fc.string({ minLength: 43, maxLength: 43 }).map((s) => ({ authorization: `Bearer dxb_${s}` })),
    fc.constantFrom<Headers>(
      { authorization: 'Bearer ' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: `Bearer dxb_${'A'.repeat(43)}` },
      { cookie: 'dxb_session=;;;=' },
      { cookie: `dxb_session=${'z'.repeat(5000)}` },
    ),
  ),
  { nil: undefined },
);

const clip = (s: string | undefined, n = 300) => (s && s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);
const describeRequest = (r: FuzzRequest) =>
  JSON.stringify({ ...r, url: clip(r.url), payload: clip(r.payload) }, null, 1);

describe.each(testDialects())('every OpenAPI route under random input on %s', (dialect) => {
  let t: TestApp;
  let tree: UnitTree;
  let admin: LoggedIn;
  let ops: Operation[] = [];
  let pool: FuzzPool;
  let tables: string[] = [];
  let takeFingerprint: () => Promise<Fingerprint>;
  let sessionMayHaveChanged = false;

  beforeAll(async () => {
    // Jobs are held: a notification delivery finishing in the background must not look like a change made by
    // the refused request under test.
    t = await createTestApp(dialect, { jobs: createHeldJobQueue() });
    tree = await createUnitTree(t.deps.db);
    await ensureKpiCatalogue({ ...t.deps, repo: createKpisRepository(t.deps.db) });
    admin = await loginAs(t, { role: 'admin', unitId: tree.province });
    const officer = await createUserWithGrant(t, { role: 'officer', unitId: tree.communeA });
    // An open measure period, so routes under /api/measure/periods/{id} reach their services.
    const measure = await createOpenPeriod(t, admin, tree.province);
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    ops = operationsOf(doc);
    tables = await listTables(t);
    takeFingerprint = await createFingerprinter(t, tables);
    const units = await t.deps.db.selectFrom('units').select('code').execute();
    const kpis = await t.deps.db.selectFrom('kpiDefinitions').select('code').limit(5).execute();
    pool = {
      ids: [
        ...new Set([
          1,
          2,
          3,
          ...Object.values(tree),
          admin.userId,
          officer.userId,
          ...Object.values(measure),
        ]),
      ],
      strings: [
        admin.email,
        officer.email,
        ...units.map((u) => u.code),
        ...kpis.map((k) => k.code),
        'TEST',
        'C1',
        'M1',
      ],
    };
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  async function ensureAdminSession() {
    if (!sessionMayHaveChanged) return;
    sessionMayHaveChanged = false;
    const me = await t.app.inject({ url: '/api/auth/me', headers: admin.headers });
    const grants = me.statusCode === 200 ? (me.json().grants as { role: string; unitId: number }[]) : [];
    if (grants.some((g) => g.role === 'admin' && g.unitId === tree.province)) return;
    // A successful random write signed the admin out or took the role away: continue as a fresh admin.
    admin = await loginAs(t, { role: 'admin', unitId: tree.province });
  }

  function credentials(mode: Mode, anonymous: Record<string, string> | undefined): Record<string, string> {
    if (mode === 'anonymous') return anonymous ?? {};
    if (mode === 'admin') return admin.headers;
    return { cookie: admin.headers.cookie };
  }

  function assertProblem(req: FuzzRequest, status: number, contentType: string, body: string) {
    const fail = (why: string) => {
      throw new Error(`${why}\nrequest: ${describeRequest(req)}\nresponse ${status}: ${clip(body, 600)}`);
    };
    if (!contentType.startsWith('application/problem+json')) fail(`4xx with content-type "${contentType}"`);
    let problem: Record<string, unknown> = {};
    try {
      problem = JSON.parse(body);
    } catch {
      fail('4xx body is not JSON');
    }
    if (problem.status !== status) fail('problem.status differs from the HTTP status');
    if (typeof problem.title !== 'string' || !problem.title) fail('problem without a title');
    if (typeof problem.code !== 'string' || !problem.code) fail('problem without a code');
  }

  async function assertUnchanged(
    op: Operation,
    req: FuzzRequest,
    status: number,
    before: Fingerprint,
    auditMark: number,
  ) {
    const after = await takeFingerprint();
    const allowed = op.path === LOGIN_PATH ? new Set([LOGIN_COUNTER_KEY, 'audit_log']) : new Set<string>();
    const changed = changedKeys(before, after);
    const unexpected = changed.filter((k) => !allowed.has(k));
    if (unexpected.length) {
      throw new Error(
        `a request answered ${status} changed ${unexpected.join(', ')}\nrequest: ${describeRequest(req)}`,
      );
    }
    if (changed.includes('audit_log')) {
      const actions = await auditActionsAfter(t, auditMark);
      const odd = actions.filter((a) => !LOGIN_FAILURE_ACTIONS.has(a));
      if (odd.length) throw new Error(`a rejected sign-in audited ${odd.join(', ')}`);
    }
  }

  async function sendAndCheck(
    op: Operation,
    mode: Mode,
    req: FuzzRequest,
    anonymous?: Record<string, string>,
  ) {
    if (mode !== 'anonymous') await ensureAdminSession();
    const before = await takeFingerprint();
    const auditMark = op.path === LOGIN_PATH ? await maxAuditId(t) : 0;
    const res = await t.app.inject({
      method: req.method,
      url: req.url,
      headers: { ...req.headers, ...credentials(mode, anonymous) },
      ...(req.payload === undefined ? {} : { payload: req.payload }),
      remoteAddress: randomIp(),
    });
    const status = res.statusCode;
    if (status >= 500) {
      throw new Error(
        `answered ${status}\nrequest: ${describeRequest(req)}\nresponse: ${clip(res.body, 600)}`,
      );
    }
    const isWrite = STATE_CHANGING.has(req.method);
    if (mode === 'admin-without-csrf' && isWrite && !CSRF_EXEMPT.has(op.path) && status < 400) {
      throw new Error(
        `a write without the CSRF token was accepted (${status})\nrequest: ${describeRequest(req)}`,
      );
    }
    if (status >= 400) {
      // A status the operation documents with its own body (a protocol it mirrors, like DHIS2's 409
      // ImportSummary) is JSON in that shape, which the response serializer enforces; any other 4xx
      // must be problem+json.
      if (op.documented4xx.includes(status)) JSON.parse(res.body);
      // Open311 GeoReport v2 answers its errors in the specification's own shape ([{code, description}] as
      // JSON, or XML), which its clients parse; every other route answers problem+json.
      else if (op.path.startsWith('/api/open311/')) assertGeoReportError(req, status, res);
      else assertProblem(req, status, String(res.headers['content-type'] ?? ''), res.body);
      await assertUnchanged(op, req, status, before, auditMark);
      return;
    }
    if (isWrite) sessionMayHaveChanged = true;
  }

  function assertGeoReportError(
    req: FuzzRequest,
    status: number,
    res: { body: string; headers: Record<string, unknown> },
  ) {
    const type = String(res.headers['content-type'] ?? '');
    // Errors raised before the route runs (an undecodable path, the router) are problem+json like everywhere.
    if (type.includes('problem+json')) return assertProblem(req, status, type, res.body);
    const geoReport = (): boolean => {
      if (type.includes('xml')) return res.body.includes('<errors>') && res.body.includes('<description>');
      const parsed: unknown = JSON.parse(res.body);
      return (
        Array.isArray(parsed) &&
        parsed.length > 0 &&
        parsed.every((e) => e && typeof e === 'object' && 'code' in e && typeof e.description === 'string')
      );
    };
    let ok = false;
    try {
      ok = geoReport();
    } catch {
      ok = false;
    }
    if (!ok)
      throw new Error(
        `${status} is neither problem+json nor a GeoReport v2 error\nrequest: ${describeRequest(req)}\nresponse: ${clip(res.body)}`,
      );
  }

  async function fuzzOperation(op: Operation, mode: Mode, index: number) {
    const seed = (SEED + index * 7919 + MODES.indexOf(mode) * 104_729) | 0;
    const property = fc.asyncProperty(requestArbitrary(op, pool), ANONYMOUS_CREDENTIALS, (req, anonymous) =>
      sendAndCheck(op, mode, req, anonymous),
    );
    const details = await fc.check(property, { seed, numRuns: RUNS, endOnFailure: true });
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      throw new Error(
        `${mode} ${op.method} ${op.path}: ${cause}\n` +
          `reproduce with FUZZ_SEED=${SEED} (fast-check seed ${details.seed}, path ${details.counterexamplePath})`,
      );
    }
  }

  it('fuzzes a non-trivial API over every table', () => {
    expect(ops.length).toBeGreaterThanOrEqual(15);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'audit_log', 'units']));
  });

  it.each(MODES)(
    '%s: no 5xx, every 4xx is problem+json, and a 4xx changes nothing',
    async (mode) => {
      for (const [index, op] of ops.entries()) await fuzzOperation(op, mode, index);
    },
    600_000,
  );
});
