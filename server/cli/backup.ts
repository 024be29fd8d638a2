import { resolve } from 'node:path';
import type { Deps } from '../deps.js';
import { createBackup } from '../modules/backup/backup.module.js';

export const BACKUP_USAGE = 'backup <file.dxb.gz>';

// `npx dxboard backup <file>`: the whole database and the uploaded files, from one snapshot, in one file.
export async function runBackup(args: string[], deps: Deps): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length || file.startsWith('-')) {
    console.error(`Usage: npx dxboard ${BACKUP_USAGE}`);
    return 2;
  }
  const started = Date.now();
  console.info(`Backing up the ${deps.database.dialect} database and ${deps.files.filesDir} …`);
  const summary = await createBackup(deps, resolve(file), {
    onProgress: (line) => console.info(`  ${line}`),
  });
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  const tables = Object.keys(summary.tables).length;
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.info(
    `Backup written to ${summary.path}: ${rows} rows in ${tables} tables, ${summary.files} files, ${mb} MB, ${seconds} s.`,
  );
  return 0;
}
