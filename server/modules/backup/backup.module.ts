// The backup module's public face for the CLI (`dxboard backup` / `dxboard restore`): it has no HTTP routes, so
// there is nothing to register; callers import the two operations from here.
export { createBackup } from './backup.service.js';
export { BackupFileError, restoreBackup } from './restore.service.js';
