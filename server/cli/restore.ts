import { resolve } from 'node:path';
import type { Deps } from '../deps.js';
import { restoreBackup } from '../modules/backup/backup.module.js';

export const RESTORE_USAGE = 'restore <file.dxb.gz>   (into a new, empty install)';

// `npx dxboard restore <file>`: everything or nothing, into an install that has no data yet.
export async function runRestore(args: string[], deps: Deps): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length || file.startsWith('-')) {
    console.error(`Usage: npx dxboard ${RESTORE_USAGE}`);
    return 2;
  }
  const started = Date.now();
  console.info(`Restoring ${resolve(file)} into the ${deps.database.dialect} database …`);
  const summary = await restoreBackup(deps, resolve(file), {
    onProgress: (line) => console.info(`  ${line}`),
  });
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.info(
    `Restored ${rows} rows and ${summary.files} files from a ${summary.header.dialect} backup of ` +
      `${summary.header.createdAt} in ${seconds} s.`,
  );
  return 0;
}
