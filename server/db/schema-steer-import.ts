import type { Generated } from 'kysely';

// Pending task-appendix imports of a plan (migration 2026-12-06-0450-steer-import).

export type SteerImportStatus = 'parsing' | 'ready' | 'invalid' | 'failed' | 'confirmed';

export interface SteerImportsTable {
  id: Generated<number>;
  planId: number;
  status: SteerImportStatus;
  fileName: string;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  processedRows: Generated<number>;
  totalRows: Generated<number>;
  /** JSON: [{ code, params? }] — why the file as a whole was refused. */
  fileErrorsJson: string;
  /** JSON: the parsed appendix (core/steer/appendix.ts ParsedAppendix) once read. */
  parsedJson: string | null;
  /** JSON: { groups, tasks } created on confirmation. */
  resultJson: string | null;
  confirmedAt: string | null;
}

export interface SteerImportFilesTable {
  importId: number;
  contentBase64: string;
}

export interface SteerImportTables {
  steerImports: SteerImportsTable;
  steerImportFiles: SteerImportFilesTable;
}
