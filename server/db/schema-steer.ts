import type { Generated } from 'kysely';

// Steer's plans and tasks (migration 2026-12-06-0400-steer-tasks). Dates are 'YYYY-MM-DD' in
// Asia/Ho_Chi_Minh, instants ISO UTC strings, booleans 0/1, JSON as text.

export type SteerPlanStatus = 'draft' | 'issued' | 'superseded';

export interface SteerPlansTable {
  id: Generated<number>;
  numberSymbol: string;
  issuingBody: string;
  issuingUnitId: number;
  issuedOn: string;
  title: string;
  /** JSON: [{ title, url? }] */
  legalBasisJson: Generated<string>;
  signedFileId: number | null;
  periodFrom: string;
  periodTo: string;
  status: SteerPlanStatus;
  supersededById: number | null;
  isDemo: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SteerTaskGroupsTable {
  id: Generated<number>;
  planId: number;
  code: string;
  title: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface SteerTasksTable {
  id: Generated<number>;
  planId: number | null;
  groupId: number | null;
  parentId: number | null;
  ownerUnitId: number;
  code: string | null;
  position: Generated<number>;
  title: string;
  description: string | null;
  isKey: Generated<number>;
  leadUnitId: number;
  expectedProduct: string | null;
  kpiCode: string | null;
  deadlineWritten: string;
  deadlineKind: string;
  deadlineDue: string | null;
  deadlineStart: string | null;
  deadlineCycle: string | null;
  currentDue: string | null;
  state: string;
  stateOn: string;
  progressPercent: Generated<number>;
  confidential: Generated<number>;
  assignedOn: string;
  sourceKind: string;
  sourceRef: string | null;
  sourceLabel: string | null;
  isDemo: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SteerTaskCoordinatorsTable {
  taskId: number;
  unitId: number;
}

export interface SteerTaskHistoryTable {
  id: Generated<number>;
  taskId: number;
  at: string;
  onDate: string;
  actorUserId: number | null;
  actorLabel: string;
  kind: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
}

export interface SteerTaskExtensionsTable {
  id: Generated<number>;
  taskId: number;
  requestedDue: string;
  previousDue: string | null;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requestedBy: number | null;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decidedOn: string | null;
  decisionNote: string | null;
}

export interface SteerProgressUpdatesTable {
  id: Generated<number>;
  taskId: number;
  unitId: number;
  kind: 'progress' | 'done';
  percent: number | null;
  text: string;
  difficulties: string | null;
  proposals: string | null;
  reportedOn: string;
  createdBy: number | null;
  createdAt: string;
  answer: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  isDemo: Generated<number>;
}

export interface SteerProgressFilesTable {
  progressId: number;
  fileId: number;
}

/** A task's status over a range of as-of dates (migration 2026-12-07-1200-steer-status-spans). */
export interface SteerTaskStatusSpansTable {
  taskId: number;
  status: string;
  bucket: string | null;
  /** First day of the span, as a day number (core/steer/calendar.ts toDay). */
  fromDay: number;
  /** First day after the span, as a day number; after every date for the last one. */
  toDay: number;
}

/** Tasks written since their spans were computed (set by triggers). */
/**
 * Running sums of the spans (migration 2026-12-07-1500): each span adds +1 to its (status, bucket) on from_day
 * and -1 on to_day, so the tasks in a status on D are the sum of n over days ≤ D. Kept by triggers on the spans.
 */
export interface SteerTaskStatusDayCountsTable {
  day: number;
  status: string;
  /** '' for none. */
  bucket: string;
  n: number;
}

export interface SteerTaskStatusStaleTable {
  taskId: number;
}

export interface SteerTables {
  steerPlans: SteerPlansTable;
  steerTaskGroups: SteerTaskGroupsTable;
  steerTasks: SteerTasksTable;
  steerTaskCoordinators: SteerTaskCoordinatorsTable;
  steerTaskHistory: SteerTaskHistoryTable;
  steerTaskExtensions: SteerTaskExtensionsTable;
  steerProgressUpdates: SteerProgressUpdatesTable;
  steerProgressFiles: SteerProgressFilesTable;
  steerTaskStatusSpans: SteerTaskStatusSpansTable;
  steerTaskStatusStale: SteerTaskStatusStaleTable;
  steerTaskStatusDayCounts: SteerTaskStatusDayCountsTable;
}
