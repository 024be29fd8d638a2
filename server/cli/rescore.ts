import { parseArgs } from 'node:util';
import type { Deps } from '../deps.js';
import { createMeasureServices } from '../modules/measure/measure.module.js';
import { createPeriodsRepository } from '../modules/measure/periods/periods.repository.js';

export const RESCORE_USAGE = 'rescore [--period <id>]';

// Stored scores are derived from the entered values and are kept current by the application itself. After
// values were changed behind its back (a hand edit in the database, a partial restore), this evaluates every
// rule again and rewrites them: one period, or every period.
export async function runRescore(args: string[], deps: Deps): Promise<number> {
  let period: string | undefined;
  try {
    ({
      values: { period },
    } = parseArgs({ args, options: { period: { type: 'string' } }, strict: true }));
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nUsage: npx dxboard ${RESCORE_USAGE}`,
    );
    return 2;
  }
  const periodId = period === undefined ? undefined : Number(period);
  if (periodId !== undefined && (!Number.isInteger(periodId) || periodId <= 0)) {
    console.error(`--period must be a period id (a positive integer), got "${period}"`);
    return 2;
  }
  const periods = createPeriodsRepository(deps.db);
  const ids =
    periodId !== undefined
      ? [periodId]
      : (await deps.db.selectFrom('measurePeriods').select('id').orderBy('id').execute()).map((p) => p.id);
  const services = createMeasureServices(deps);
  for (const id of ids) {
    const row = await periods.find(id);
    if (!row) {
      console.error(`Period ${id} not found`);
      return 1;
    }
    const started = performance.now();
    const count = await services.scores.rescorePeriod(row);
    const ms = Math.round(performance.now() - started);
    console.info(`Period ${id} (${row.name}): ${count} submissions re-scored in ${ms} ms`);
  }
  if (ids.length === 0) console.info('No assessment periods.');
  return 0;
}
