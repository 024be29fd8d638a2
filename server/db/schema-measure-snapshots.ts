// Row types of the published snapshots' component values; see
// migrations/2026-11-22-0100-measure-snapshot-values.ts.

export interface MeasureSnapshotValuesTable {
  snapshotId: number;
  unitId: number;
  componentCode: string;
  /** The value scored (appraised where given), N/A as {"notApplicable":true}; null when none. */
  rawJson: string | null;
  /** The unit's own entry, N/A as {"notApplicable":true}; null when none. */
  selfRawJson: string | null;
  selfPoints: number | null;
  appraisedPoints: number | null;
  /** 1 when the component counted as not applicable. */
  isNa: number;
  /** Points the component counted for in the published results. */
  points: number;
}

export interface MeasureSnapshotTables {
  measureSnapshotValues: MeasureSnapshotValuesTable;
}
