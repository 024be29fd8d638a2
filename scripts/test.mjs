#!/usr/bin/env node
// `npm test`: type check, lint, unit + route tests (SQLite and, with TEST_DATABASE_URL, PostgreSQL),
// then end-to-end tests in Chromium against a built web app. Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const isCi = process.env.CI === 'true';
const steps = [];
let passed = 0;
let failed = 0;

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
run('unit and route tests', 'npx', [
  'vitest',
  'run',
  '--project',
  'unit',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
countVitest('test-results/unit.json');
if (run('build web', 'npx', ['vite', 'build', '--logLevel', 'warn'])) {
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

console.info('\nSummary:');
for (const s of steps) console.info(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
const stepFailures = steps.filter((s) => !s.ok).length;
if (stepFailures && failed === 0) failed = stepFailures;
console.info(`${passed} passed, ${failed} failed`);
process.exit(stepFailures ? 1 : 0);
