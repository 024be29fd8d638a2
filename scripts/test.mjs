#!/usr/bin/env node
// `npm test`: type check, lint, import layout, unit + route tests (SQLite and, with TEST_DATABASE_URL,
// PostgreSQL), the build (web + compiled server), then end-to-end tests in Chromium against the built web app.
// Other runtimes (set by .ci/run, optional locally; bin folders separated by ':'):
//   DXBOARD_UNIT_NODES    the Node.js builds the unit and route tests run on (`machine` = this Node; the default)
//   DXBOARD_SMOKE_NODES   `npm start` started, probed and stopped on each (the machine's Node always)
//   DXBOARD_PRODUCTION_CHECK=1   `npm ci --omit=dev` + the built output started with plain node
// Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';

const isCi = process.env.CI === 'true';
const steps = [];
let passed = 0;
let failed = 0;
const failedNames = [];

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.info(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // Name every failure in the summary: CI keeps only the tail of the output, and a flaky test must be findable.
  for (const suite of report.testResults ?? []) {
    const failures = (suite.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failures)
      failedNames.push(`${suite.name.replace(`${process.cwd()}/`, '')} › ${t.fullName}`);
    if (suite.status === 'failed' && failures.length === 0) {
      failedNames.push(
        `${suite.name.replace(`${process.cwd()}/`, '')} (suite: ${String(suite.message ?? '').split('\n')[0]})`,
      );
    }
  }
  failed +=
    (report.numFailedTests ?? 0) +
    (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  return true;
}

if (isCi && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true requires TEST_DATABASE_URL (PostgreSQL) so database tests run on both databases.');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('lint', 'npx', ['biome', 'check', '.']);
run('import layout (no cycles, no upward imports)', 'node', ['scripts/check-imports.mjs']);
const nodeBins = (name) => (process.env[name] ?? '').split(':').filter(Boolean);
const withNode = (bin) => ({ PATH: `${bin}${delimiter}${process.env.PATH}` });
const versionOf = (bin) =>
  spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout?.trim() || `(no node in ${bin})`;
// The runtimes the unit and route suite runs on: `machine` is the Node running this script.
const unitNodes = nodeBins('DXBOARD_UNIT_NODES');
if (unitNodes.length === 0) unitNodes.push('machine');
const versionOfUnitNode = (bin) => (bin === 'machine' ? process.version : versionOf(bin));
if (isCi && !unitNodes.some((bin) => versionOfUnitNode(bin).startsWith('v24.'))) {
  console.error('CI=true requires DXBOARD_UNIT_NODES to name a Node 24 build (see .ci/run).');
  process.exit(1);
}
// Test files spend much of their time waiting on PostgreSQL, Redis and child processes: two workers on a 2-core
// machine (vitest's default there is one) shorten the suite; DXBOARD_UNIT_WORKERS overrides (decision 0005).
const unitWorkers = process.env.DXBOARD_UNIT_WORKERS ?? String(Math.max(2, availableParallelism() - 1));
for (const bin of unitNodes) {
  const machine = bin === 'machine';
  const version = versionOfUnitNode(bin);
  const report = `test-results/unit-${version}.json`;
  run(
    `unit and route tests on Node ${version}`,
    machine ? process.execPath : join(bin, 'node'),
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'unit',
      `--maxWorkers=${unitWorkers}`,
      `--reporter=${unitNodes.length > 1 && !machine ? 'dot' : 'default'}`,
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    machine ? {} : withNode(bin),
  );
  countVitest(report);
}

// When the suite ran on other builds only, the database layer's own tests (the SQLite driver this runtime loads,
// its prepared-statement lifecycle) still run on this one: decision 0005.
if (!unitNodes.includes('machine')) {
  const report = `test-results/db-${process.version}.json`;
  run(`database layer tests on Node ${process.version}`, process.execPath, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--project',
    'unit',
    'server/db',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  countVitest(report);
}

if (run('build (web + compiled server)', 'npm', ['run', 'build'])) {
  run('end-to-end tests', 'npx', [
    'vitest',
    'run',
    '--project',
    'e2e',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/e2e.json',
  ]);
  countVitest('test-results/e2e.json');
}

run('docs commands (README, operations.md) on a fresh install', 'node', ['scripts/check-docs-commands.mjs']);
for (const bin of ['', ...nodeBins('DXBOARD_SMOKE_NODES')]) {
  const label = bin ? versionOf(bin) : process.version;
  run(
    `npm start, probe and stop on Node ${label}`,
    bin ? join(bin, 'node') : 'node',
    ['scripts/smoke-start.mjs'],
    bin ? withNode(bin) : {},
  );
}
if (process.env.DXBOARD_PRODUCTION_CHECK === '1') {
  run('production install (npm ci --omit=dev + built output)', 'node', ['scripts/check-production.mjs']);
}

console.info('\nSummary:');
for (const s of steps) console.info(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
for (const name of failedNames) console.info(`  failed: ${name}`);
const stepFailures = steps.filter((s) => !s.ok).length;
if (stepFailures && failed === 0) failed = stepFailures;
console.info(`${passed} passed, ${failed} failed`);
process.exit(stepFailures ? 1 : 0);
