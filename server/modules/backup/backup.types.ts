import type { Deps } from '../../deps.js';
import type { BackupHeader } from './backup-format.js';

// The backup module's types. Backup and restore are operations of the CLI (no HTTP routes); they share these
// types here rather than importing each other.

/** What backup and restore need from the container: the database, the clock and the files folder. */
export type BackupDeps = Pick<Deps, 'database' | 'clock' | 'files'>;
export type Progress = (message: string) => void;
export type BackupSummary = { path: string; tables: Record<string, number>; files: number; bytes: number };
export type RestoreSummary = { tables: Record<string, number>; files: number; header: BackupHeader };
