import { mkdirSync, writeFileSync } from 'node:fs';
import type { DialectName } from '../server/db/database.js';
import { formatTable, type MeasureFigures, runMeasureBench } from './measure.bench.js';

// `npm run bench -- <name> [--db sqlite|postgres|both] [--seconds N]`. Benchmarks print a readable table
// and, as the last line, one JSON object with their figures. Only 127.0.0.1 is ever targeted.

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function dialectsOf(choice: string | undefined): DialectName[] {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (pgUrl && !process.env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = pgUrl;
  const wanted = choice ?? (pgUrl ? 'both' : 'sqlite');
  if (wanted !== 'sqlite' && !pgUrl) throw new Error('PostgreSQL needs TEST_DATABASE_URL or DATABASE_URL');
  if (wanted === 'both') return ['sqlite', 'postgres'];
  if (wanted === 'sqlite' || wanted === 'postgres') return [wanted];
  throw new Error(`--db must be sqlite, postgres or both (got ${wanted})`);
}

async function main() {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1]?.startsWith('--') !== true);
  if (name !== 'measure') throw new Error(`unknown benchmark "${name ?? ''}"; available: measure`);
  const seconds = Number(flag(args, 'seconds') ?? 6);
  const out: string[] = [];
  const log = (s: string) => {
    out.push(s);
    console.log(s);
  };
  const figures: MeasureFigures[] = [];
  for (const dialect of dialectsOf(flag(args, 'db')))
    figures.push(await runMeasureBench(dialect, { seconds, log }));
  log('');
  log(formatTable(figures));
  const json = figures.length === 1 ? figures[0] : Object.fromEntries(figures.map((f) => [f.db, f]));
  log(JSON.stringify(json));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/latest-${name}.txt`, `${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
