import type { Generated } from 'kysely';

// Steer's urging (migration 2026-12-06-0420-steer-urging): reminders sent per task slot, urging letters sent
// to units (with the snapshot they were written from), the reminder settings and the reminder job's daily runs.

export type SteerReminderKind = 'before' | 'due_today' | 'overdue' | 'cycle_cutoff';

export interface SteerRemindersTable {
  id: Generated<number>;
  idempotencyKey: string;
  taskId: number;
  unitId: number;
  kind: SteerReminderKind;
  due: string;
  days: number;
  sentOn: string;
  sentAt: string;
  notificationId: number | null;
  isDemo: Generated<number>;
}

export interface SteerUrgingLettersTable {
  id: Generated<number>;
  unitId: number;
  issuerUnitId: number;
  number: string | null;
  issuedOn: string;
  replyBy: string;
  overdueCount: number;
  dueSoonCount: number;
  /** JSON: the UrgingLetterInput the DOCX is built from. */
  letterJson: string;
  createdBy: number | null;
  createdByLabel: string;
  createdAt: string;
  notificationId: number | null;
  isDemo: Generated<number>;
}

export interface SteerUrgingLetterTasksTable {
  letterId: number;
  taskId: number;
}

export interface SteerUrgingSettingsTable {
  id: number;
  beforeDays: string;
  overdueEveryDays: number;
  cycleBeforeDays: number;
  updatedBy: number | null;
  updatedAt: string;
}

export interface SteerUrgingRunsTable {
  runOn: string;
  tasks: number;
  reminders: number;
  finishedAt: string;
}

export interface SteerUrgingTables {
  steerReminders: SteerRemindersTable;
  steerUrgingLetters: SteerUrgingLettersTable;
  steerUrgingLetterTasks: SteerUrgingLetterTasksTable;
  steerUrgingSettings: SteerUrgingSettingsTable;
  steerUrgingRuns: SteerUrgingRunsTable;
}
