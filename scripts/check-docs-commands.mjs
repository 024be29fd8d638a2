#!/usr/bin/env node
// Keeps the docs true: runs every shell block that README.md and docs/operations.md mark with
// `<!-- ci: run -->` on the line before it, in order, one bash script per document (so `export`s carry over),
// on a fresh data directory with embedded SQLite. Absolute example paths (/backups, /srv) are mapped into a
// temporary folder. Needs the build (`npm run build`) when a block sets NODE_ENV=production.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCS = ['README.md', 'docs/operations.md'];
const MARK = /<!--\s*ci:\s*run\s*-->\s*\n```(?:sh|bash)\n([\s\S]*?)```/g;

export function runnableBlocks(markdown) {
  return [...markdown.matchAll(MARK)].map((m) => m[1]);
}

let failed = 0;
let ran = 0;
for (const doc of DOCS) {
  const blocks = runnableBlocks(readFileSync(doc, 'utf8'));
  if (!blocks.length) continue;
  const tmp = mkdtempSync(join(tmpdir(), 'dxboard-docs-'));
  for (const d of ['backups', 'srv', 'data']) mkdirSync(join(tmp, d));
  const script = blocks
    .join('\n')
    .replaceAll('/backups/', `${tmp}/backups/`)
    .replaceAll('/srv/', `${tmp}/srv/`);
  const started = Date.now();
  const r = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    stdio: 'inherit',
    env: { ...process.env, DATA_DIR: join(tmp, 'data'), DATABASE_URL: '', REDIS_URL: '' },
  });
  ran += blocks.length;
  const ok = r.status === 0;
  if (!ok) failed++;
  console.info(
    `${ok ? 'ok  ' : 'FAIL'} ${doc}: ${blocks.length} block(s) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  rmSync(tmp, { recursive: true, force: true });
}
console.info(JSON.stringify({ docsCommands: true, blocks: ran, failedDocuments: failed }));
process.exit(failed || !ran ? 1 : 0);
