import type { Migration } from 'kysely';
import * as foundation from './2026-11-21-0001-foundation.js';
import * as measure from './2026-11-21-0100-measure.js';
import * as units from './2026-11-21-0110-units.js';
import * as kpis from './2026-11-21-0200-kpis.js';
import * as kpisImportFiles from './2026-11-21-0201-kpis-import-files.js';
import * as measureScores from './2026-11-21-0300-measure-scores.js';
import * as measureSnapshotValues from './2026-11-22-0100-measure-snapshot-values.js';
import * as measureComponentScores from './2026-11-22-0200-measure-component-scores.js';
import * as measurePeriodTargets from './2026-11-22-0300-measure-period-targets.js';

// Append-only, in order. Names sort by date; each file runs on SQLite and PostgreSQL.
export const migrations: Record<string, Migration> = {
  '2026-11-21-0001-foundation': foundation,
  '2026-11-21-0100-measure': measure,
  '2026-11-21-0110-units': units,
  '2026-11-21-0200-kpis': kpis,
  '2026-11-21-0201-kpis-import-files': kpisImportFiles,
  '2026-11-21-0300-measure-scores': measureScores,
  '2026-11-22-0100-measure-snapshot-values': measureSnapshotValues,
  '2026-11-22-0200-measure-component-scores': measureComponentScores,
  '2026-11-22-0300-measure-period-targets': measurePeriodTargets,
};
