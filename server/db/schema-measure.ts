import type { Generated } from 'kysely';

// Row types of the Measure module (see migrations/2026-11-21-0100-measure.ts).

export interface MeasureFrameworksTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  status: 'draft' | 'frozen';
  /** The framework definition as JSON text, validated by core/measure on every save. */
  definitionJson: string;
  /** The version this one was copied from, when a frozen framework was edited. */
  derivedFromId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** The unit whose measure.manage may change it; readers of its subtree and of units below it read it. */
  ownerUnitId: number | null;
}

export interface MeasurePeriodsTable {
  id: Generated<number>;
  name: string;
  year: number;
  frameworkId: number;
  rootUnitId: number;
  /** {unitIds:number[], kinds:string[]}: how the unit list was chosen, kept for display and re-expansion. */
  assignmentJson: string;
  opensOn: string;
  dueOn: string;
  status: 'draft' | 'open' | 'closed' | 'published';
  /** Bumped with every change of a stored score of the period; readers fetch what changed since theirs. */
  scoresRevision: Generated<number>;
  /** The framework state (id:updatedAt) the stored contributions were computed under; null when none. */
  scoresStamp: string | null;
  targetsJson: string | null; // plan targets {total, mainIndices: {code: 0–1}}; null when none
  createdAt: string;
  updatedAt: string;
}

export interface MeasurePeriodUnitsTable {
  periodId: number;
  unitId: number;
  /** JSON array of the unit group codes the unit belongs to in this period. */
  groupsJson: Generated<string>;
  /** Set when a manager excluded the unit from the ranking ("không tham gia xếp hạng"), with the reason. */
  excludedReason: Generated<string | null>;
  excludedAt: Generated<string | null>;
  excludedBy: Generated<number | null>;
}

export interface MeasureSubmissionsTable {
  id: Generated<number>;
  periodId: number;
  unitId: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  /** Incremented on every submit; appraisal returns refer to it. */
  round: number;
  returnComment: string | null;
  submittedAt: string | null;
  submittedBy: number | null;
  approvedAt: string | null;
  approvedBy: number | null;
  /** Set when a manager reopened the submission after the period closed or was published; cleared on approval. */
  reopenedAt: Generated<string | null>;
  reopenedBy: Generated<number | null>;
  /** The period's scores_revision when this submission's stored score or status last changed. */
  scoresRevision: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface MeasureValuesTable {
  id: Generated<number>;
  submissionId: number;
  componentCode: string;
  /** What the unit entered: the raw parts ({kind:'ratio', numerator, denominator}, …). */
  rawJson: string | null;
  isNa: number;
  selfPoints: number | null;
  appraisedRawJson: string | null;
  appraisedIsNa: number | null;
  appraisedPoints: number | null;
  appraisalComment: string | null;
  /** 1 when the appraiser returned this component for correction and the unit has not yet changed it. */
  needsFix: number;
  updatedBy: number | null;
  updatedAt: string;
}

export interface MeasureEvidenceTable {
  id: Generated<number>;
  submissionId: number;
  componentCode: string;
  fileId: number | null;
  docNumber: string | null;
  docDate: string | null;
  docTitle: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface MeasureValueHistoryTable {
  id: Generated<number>;
  submissionId: number;
  componentCode: string;
  /** 'self' (unit's entry), 'appraisal' (appraiser's value/points/comment). */
  kind: 'self' | 'appraisal';
  rawJson: string | null;
  isNa: number;
  points: number | null;
  comment: string | null;
  changedBy: number | null;
  changedAt: string;
}

export interface MeasureSnapshotsTable {
  id: Generated<number>;
  periodId: number;
  frameworkId: number;
  frameworkVersion: number;
  resultsJson: string;
  computedAt: string;
  publishedBy: number | null;
}

/**
 * What each component contributes to a submission's result, derived from measure_values by the scoring engine;
 * see migrations/2026-11-22-0200-measure-component-scores.ts.
 */
export interface MeasureComponentScoresTable {
  submissionId: number;
  componentCode: string;
  periodId: number;
  mainIdx: number;
  pillarIdx: number;
  points: number;
  applicableMax: number;
}

export interface MeasureTables {
  measureComponentScores: MeasureComponentScoresTable;
  measureFrameworks: MeasureFrameworksTable;
  measurePeriods: MeasurePeriodsTable;
  measurePeriodUnits: MeasurePeriodUnitsTable;
  measureSubmissions: MeasureSubmissionsTable;
  measureValues: MeasureValuesTable;
  measureEvidence: MeasureEvidenceTable;
  measureValueHistory: MeasureValueHistoryTable;
  measureSnapshots: MeasureSnapshotsTable;
}
