import type { Generated } from 'kysely';

// Steer's issued periodic reports (migration 2026-12-06-0440-steer-reports): append-only snapshots taken at
// the period's cut-off. Dates 'YYYY-MM-DD' (Asia/Ho_Chi_Minh), instants ISO UTC, JSON as text.

export interface SteerReportsTable {
  id: Generated<number>;
  scopeUnitId: number;
  periodType: string;
  periodCode: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  numberSymbol: string | null;
  title: string;
  snapshotJson: string;
  taskCount: number;
  onTimeRate: number | null;
  completionRate: number | null;
  issuedBy: number | null;
  issuedByLabel: string;
  issuedAt: string;
  isDemo: Generated<number>;
}

export interface SteerReportTables {
  steerReports: SteerReportsTable;
}
