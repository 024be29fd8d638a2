import type { Generated } from 'kysely';

// Operational KPIs: definitions, values per (kpi, unit, period) with their history, targets and
// xlsx imports awaiting commit.

export interface KpiDefinitionsTable {
  id: Generated<number>;
  code: string;
  nameVi: string;
  nameEn: string;
  description: string | null;
  unitOfMeasure: string;
  valueType: string;
  periodicity: string;
  timeAggregation: string;
  /** JSON array of unit kinds; empty = every kind. */
  appliesToKinds: string;
  higherIsBetter: number;
  dhis2DataElement: string | null;
  isBuiltin: number;
  createdAt: string;
  updatedAt: string;
}

export interface KpiValuesTable {
  id: Generated<number>;
  kpiId: number;
  unitId: number;
  periodCode: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
  note: string | null;
  isDemo: number;
  enteredByUserId: number | null;
  enteredByTokenId: number | null;
  enteredByLabel: string;
  enteredAt: string;
  createdAt: string;
}

export interface KpiValueHistoryTable {
  id: Generated<number>;
  valueId: number;
  batchId: string;
  action: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
  note: string | null;
  actorUserId: number | null;
  actorTokenId: number | null;
  actorLabel: string;
  at: string;
}

export interface KpiTargetsTable {
  id: Generated<number>;
  kpiId: number;
  unitId: number;
  year: number;
  appliesToSubtree: number;
  target: number;
  updatedAt: string;
}

export interface KpiImportsTable {
  id: Generated<number>;
  status: string;
  fileName: string;
  createdByUserId: number | null;
  createdByTokenId: number | null;
  createdAt: string;
  processedRows: number;
  totalRows: number;
  errorCount: number;
  fileErrorsJson: string;
  errorsJson: string;
  rowsJson: string;
  resultJson: string | null;
  committedAt: string | null;
}

export interface KpiImportFilesTable {
  importId: number;
  contentBase64: string;
}

export interface KpiTables {
  kpiDefinitions: KpiDefinitionsTable;
  kpiValues: KpiValuesTable;
  kpiValueHistory: KpiValueHistoryTable;
  kpiTargets: KpiTargetsTable;
  kpiImports: KpiImportsTable;
  kpiImportFiles: KpiImportFilesTable;
}
