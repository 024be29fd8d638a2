import { mkdirSync, writeFileSync } from 'node:fs';
import type { DialectName } from '../server/db/database.js';
import { type CommunityFigures, formatCommunityTable, runCommunityBench } from './community.bench.js';
import { type ContestFigures, formatContestTable, runContestBench } from './contest.bench.js';
import { type FeedbackFigures, formatFeedbackTable, runFeedbackBench } from './feedback.bench.js';
import { formatTable, type MeasureFigures, runMeasureBench } from './measure.bench.js';
import { formatSteerTable, runSteerBench, type SteerFigures } from './steer.bench.js';

// `npm run bench -- <name> [--db sqlite|postgres|both] [--seconds N] [--quick]`. Benchmarks print a readable
// table and, as the last line, one JSON object with their figures. Only 127.0.0.1 is ever targeted. `--quick`
// (steer, community): a tenth of the data, for a smoke test.

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
  const valued = ['--db', '--seconds'];
  const name = args.find((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1]));
  if (
    name !== 'measure' &&
    name !== 'steer' &&
    name !== 'feedback' &&
    name !== 'contest' &&
    name !== 'community'
  )
    throw new Error(
      `unknown benchmark "${name ?? ''}"; available: measure, steer, feedback, contest, community`,
    );
  const seconds = Number(flag(args, 'seconds') ?? 6);
  const out: string[] = [];
  const log = (s: string) => {
    out.push(s);
    console.log(s);
  };
  const figures: (MeasureFigures | SteerFigures | FeedbackFigures | ContestFigures | CommunityFigures)[] = [];
  if (name === 'community') {
    const quick = args.includes('--quick');
    const community: CommunityFigures[] = [];
    for (const dialect of dialectsOf(flag(args, 'db')))
      community.push(await runCommunityBench(dialect, { seconds: quick ? 4 : seconds, quick, log }));
    figures.push(...community);
    log('');
    log(formatCommunityTable(community));
  } else if (name === 'contest') {
    const contest: ContestFigures[] = [];
    for (const dialect of dialectsOf(flag(args, 'db')))
      contest.push(await runContestBench(dialect, { quick: args.includes('--quick'), log }));
    figures.push(...contest);
    log('');
    log(formatContestTable(contest));
  } else if (name === 'feedback') {
    const quick = args.includes('--quick');
    const feedback: FeedbackFigures[] = [];
    for (const dialect of dialectsOf(flag(args, 'db')))
      feedback.push(await runFeedbackBench(dialect, { seconds: quick ? 2 : seconds, quick, log }));
    figures.push(...feedback);
    log('');
    log(formatFeedbackTable(feedback));
  } else if (name === 'steer') {
    const quick = args.includes('--quick');
    const steer: SteerFigures[] = [];
    for (const dialect of dialectsOf(flag(args, 'db')))
      steer.push(await runSteerBench(dialect, { seconds: quick ? 2 : seconds, quick, log }));
    figures.push(...steer);
    log('');
    log(formatSteerTable(steer));
  } else {
    const measure: MeasureFigures[] = [];
    for (const dialect of dialectsOf(flag(args, 'db')))
      measure.push(await runMeasureBench(dialect, { seconds, log }));
    figures.push(...measure);
    log('');
    log(formatTable(measure));
  }
  const json = figures.length === 1 ? figures[0] : Object.fromEntries(figures.map((f) => [f.db, f]));
  log(JSON.stringify(json));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    `bench/results/latest-${name}${args.includes('--quick') ? '-quick' : ''}.txt`,
    `${out.join('\n')}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
