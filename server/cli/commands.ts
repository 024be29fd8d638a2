import { migrateToLatest } from '../db/migrate.js';
import type { Deps } from '../deps.js';
import { BACKUP_USAGE, runBackup } from './backup.js';
import { CREATE_ADMIN_USAGE, runCreateAdmin } from './create-admin.js';
import { IMPORT_LINEAGE_USAGE, runImportLineage } from './import-lineage.js';
import { IMPORT_UNITS_USAGE, runImportUnits } from './import-units.js';
import { REBUILD_STEER_STATUS_USAGE, runRebuildSteerStatus } from './rebuild-steer-status.js';
import { RESCORE_USAGE, runRescore } from './rescore.js';
import { RESTORE_USAGE, runRestore } from './restore.js';
import { runSeedDemo } from './seed-demo.js';

export type CliCommand = {
  summary: string;
  /** Default true: the command runs on a migrated database. */
  migrateFirst?: boolean;
  run(args: string[], deps: Deps): Promise<number>;
};

// Each command lives in its own file and is listed here.
export const commands: Record<string, CliCommand> = {
  'create-admin': {
    summary: `Create an admin: ${CREATE_ADMIN_USAGE}`,
    run: (args, deps) => runCreateAdmin(args, deps),
  },
  migrate: {
    summary: 'Apply database migrations',
    migrateFirst: false,
    async run(_args, deps) {
      const result = await migrateToLatest(deps.db);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.info(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      return 0;
    },
  },
  'import-units': { summary: `Import units from a CSV: ${IMPORT_UNITS_USAGE}`, run: runImportUnits },
  'import-lineage': { summary: `Import lineage from a CSV: ${IMPORT_LINEAGE_USAGE}`, run: runImportLineage },
  backup: { summary: `Back up the database and uploaded files: ${BACKUP_USAGE}`, run: runBackup },
  restore: { summary: `Restore a backup: ${RESTORE_USAGE}`, run: runRestore },
  rescore: {
    summary: `Evaluate every scoring rule again and rewrite stored scores: ${RESCORE_USAGE}`,
    run: runRescore,
  },
  'rebuild-steer-status': {
    summary: `Recompute Steer's stored task statuses from the tasks: ${REBUILD_STEER_STATUS_USAGE}`,
    run: runRebuildSteerStatus,
  },
  'seed-demo': {
    summary: 'Load the demo province, its history, departments and demo users',
    run: runSeedDemo,
  },
};
