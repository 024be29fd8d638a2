import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRow } from '../../server/lib/access-table.js';
import { changedKeys, createFingerprinter, type Fingerprint, listTables } from '../fuzz/db-fingerprint.js';
import { type Operation, operationsOf } from '../fuzz/openapi-operations.js';
import { createTestApp } from '../helpers/test-app.js';
import { testDialects } from '../helpers/test-db.js';
import { createPrincipals, type Principal } from './authz-principals.js';
import { buildRequest, expectedOutcome, findLeaks, type Outcome, textOf } from './authz-rules.js';
import { loadAccessTable, operationKey } from './authz-table.js';
import { MARKERS, seedWorld, type Target, type World } from './authz-world.js';

// The authorisation matrix of issue 8: every operation of the OpenAPI document × every principal of another
// unit × the sibling and the province as targets. The expected outcome of each cell comes from the modules'
// access tables (server/modules/<module>/<module>.access.ts); the test asserts the status class, problem+json
// on refusals, an unchanged database on refusals, and that no body names anything outside the principal's
// scope. Counts go to test-results/authz-matrix.json and docs/security.md.

const RESULTS = join(import.meta.dirname, '../../test-results/authz-matrix.json');

type Counts = {
  operations: number;
  principals: number;
  tried: number;
  allowed: number;
  refusals: number;
  leaks: number;
  controlReads: number;
};

function targetsOf(row: AccessRow): (Target | undefined)[] {
  if (row.unit === 'none' || row.unit === 'top-level') return [undefined];
  return [...(row.targets ?? ['sibling', 'province'])];
}

describe('the authorisation table', () => {
  it('has one row per OpenAPI operation and no row without an operation', async () => {
    const t = await createTestApp('sqlite');
    try {
      const ops = operationsOf((await t.app.inject({ url: '/api/openapi.json' })).json());
      const { rows } = await loadAccessTable();
      const opKeys = ops.map((o) => operationKey(o.method, o.path));
      const rowKeys = rows.map((r) => r.operation);
      expect(
        opKeys.filter((k) => !rowKeys.includes(k)),
        'operations without a row',
      ).toEqual([]);
      expect(
        rowKeys.filter((k) => !opKeys.includes(k)),
        'rows without an operation',
      ).toEqual([]);
      expect(
        rowKeys.filter((k, i) => rowKeys.indexOf(k) !== i),
        'duplicate rows',
      ).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe.each(testDialects())('the authorisation matrix on %s', (dialect) => {
  let world: World;
  let principals: Principal[];
  let ops: Operation[];
  let rows: Map<string, AccessRow>;
  let takeFingerprint: () => Promise<Fingerprint>;

  beforeAll(async () => {
    const t = await createTestApp(dialect);
    world = await seedWorld(t);
    principals = await createPrincipals(t, world.home);
    ops = operationsOf((await t.app.inject({ url: '/api/openapi.json' })).json());
    rows = new Map((await loadAccessTable()).rows.map((r) => [r.operation, r]));
    takeFingerprint = await createFingerprinter(t, await listTables(t));
  }, 180_000);

  afterAll(async () => {
    await world?.t.close();
  });

  async function send(
    row: AccessRow,
    op: Operation,
    headers: Record<string, string>,
    target: Target | undefined,
  ) {
    const req = await buildRequest(world, row, op, target);
    const res = await world.t.app.inject({ ...req, headers: { ...req.headers, ...headers } });
    return { req, res };
  }

  type Tally = { counts: Counts; failures: string[]; controlSawMarkers: number; controlSawXlsx: number };

  /** One principal on one target: the status class, problem+json and an unchanged database on refusal, no leak. */
  async function tryCell(
    op: Operation,
    row: AccessRow,
    principal: Principal,
    target: Target | undefined,
    tally: Tally,
  ) {
    const { counts, failures } = tally;
    const expected: Outcome = expectedOutcome(world, row, principal, target);
    const headers = row.consumesSession ? await principal.clone() : principal.headers;
    const before = await takeFingerprint();
    const { req, res } = await send(row, op, headers, target);
    counts.tried++;
    const cell = `${principal.name} ${row.operation} → ${target ?? '-'}: ${res.statusCode}`;
    const body = res.body;
    const leaks = await findLeaks(world, row, res.headers['content-type'], res.rawPayload);
    if (leaks.length) {
      counts.leaks++;
      failures.push(`${cell} LEAKS ${leaks.join(', ')}: ${body.slice(0, 300)}`);
    }
    if (expected === 'allow') {
      counts.allowed++;
      const is4xx = res.statusCode >= 400 && res.statusCode < 500;
      if (row.expectPublic === '4xx' ? !is4xx : res.statusCode >= 300) {
        failures.push(`${cell} expected ${row.expectPublic ?? '2xx'} (${req.url}) ${body.slice(0, 300)}`);
      }
      return;
    }
    counts.refusals++;
    // A protocol the API mirrors (DHIS2's ImportSummary) refuses a value in its own documented 4xx body.
    const documented = principal.kind !== 'anonymous' && op.documented4xx.includes(res.statusCode);
    const wanted = principal.kind === 'anonymous' ? [401] : [403, 404];
    if (!wanted.includes(res.statusCode) && !documented) {
      failures.push(`${cell} expected ${wanted.join('/')} (${req.url}) ${body.slice(0, 300)}`);
    }
    const type = String(res.headers['content-type'] ?? '');
    if (!documented && !type.startsWith('application/problem+json')) {
      failures.push(`${cell} refusal is not problem+json`);
    }
    const changed = changedKeys(before, await takeFingerprint());
    if (changed.length) failures.push(`${cell} refusal changed ${changed.join(', ')}`);
  }

  /** The control (the province's admin) proves a read's example is a valid request: it succeeds. */
  async function tryControl(op: Operation, row: AccessRow, target: Target | undefined, tally: Tally) {
    if (op.method !== 'GET' || row.uploaderOnly) return;
    const { req, res } = await send(row, op, world.control.headers, target);
    tally.counts.controlReads++;
    if (res.statusCode >= 300) {
      tally.failures.push(
        `control ${row.operation} → ${target ?? '-'}: ${res.statusCode} (${req.url}) ${res.body.slice(0, 300)}`,
      );
    }
    const text = await textOf(String(res.headers['content-type'] ?? ''), res.rawPayload);
    if (text?.toLowerCase().includes(MARKERS.sibling)) tally.controlSawMarkers++;
    if (text !== null && res.headers['content-type']?.toString().includes('spreadsheet'))
      tally.controlSawXlsx++;
  }

  it('answers every operation × principal × target as its row predicts, leaking nothing', async () => {
    const counts: Counts = {
      operations: ops.length,
      principals: principals.length,
      tried: 0,
      allowed: 0,
      refusals: 0,
      leaks: 0,
      controlReads: 0,
    };
    const tally: Tally = { counts, failures: [], controlSawMarkers: 0, controlSawXlsx: 0 };
    for (const op of ops) {
      const row = rows.get(operationKey(op.method, op.path));
      if (!row) continue; // reported by the coverage test
      for (const target of targetsOf(row)) {
        for (const principal of principals) await tryCell(op, row, principal, target, tally);
        await tryControl(op, row, target, tally);
      }
    }
    writeCounts(dialect, counts);
    console.info(
      `authorisation matrix on ${dialect}: ${counts.operations} operations × ${counts.principals} principals = ` +
        `${counts.tried} requests, ${counts.refusals} refusals, ${counts.allowed} allowed, ${counts.leaks} leaks`,
    );
    expect(tally.failures, tally.failures.join('\n')).toEqual([]);
    expect(counts.leaks).toBe(0);
    // The markers are really there: the province's admin sees the sibling's things in its lists.
    expect(tally.controlSawMarkers).toBeGreaterThan(5);
    // Workbooks are searched cell by cell, not skipped as binary.
    expect(tally.controlSawXlsx).toBeGreaterThan(2);
    console.info(
      `control: ${tally.controlSawMarkers} reads showed the sibling's marker, ${tally.controlSawXlsx} workbooks read`,
    );
  }, 300_000);
});

function writeCounts(dialect: string, counts: Counts) {
  mkdirSync(join(RESULTS, '..'), { recursive: true });
  let all: Record<string, Counts> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {
    all = {};
  }
  all[dialect] = counts;
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}
