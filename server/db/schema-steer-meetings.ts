import type { Generated } from 'kysely';

// Steer's committee meetings, their attendees, agenda, documents, conclusion notice and conclusions
// (migration 2026-12-06-0410-steer-meetings).

export const MEETING_KINDS = ['regular_monthly', 'regular_quarterly', 'extraordinary', 'conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export interface SteerMeetingsTable {
  id: Generated<number>;
  /** The committee's unit (the scope owner). */
  unitId: number;
  title: string;
  kind: MeetingKind;
  /** UTC instant. */
  startsAt: string;
  /** The start's calendar date in Asia/Ho_Chi_Minh. */
  meetingDate: string;
  location: string | null;
  chairName: string;
  chairTitle: string | null;
  isDemo: Generated<number>;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SteerMeetingAttendeesTable {
  id: Generated<number>;
  meetingId: number;
  unitId: number;
  representative: string | null;
}

export interface SteerMeetingAgendaItemsTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  title: string;
  presenterUnitId: number | null;
}

export interface SteerMeetingDocumentsTable {
  id: Generated<number>;
  meetingId: number;
  fileId: number;
  title: string;
  createdBy: number | null;
  createdAt: string;
}

export interface SteerMeetingNoticesTable {
  id: Generated<number>;
  meetingId: number;
  numberSymbol: string;
  issuedOn: string;
  signer: string | null;
  fileId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SteerMeetingConclusionsTable {
  id: Generated<number>;
  meetingId: number;
  position: number;
  text: string;
  taskId: number | null;
  convertedAt: string | null;
  convertedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface SteerMeetingTables {
  steerMeetings: SteerMeetingsTable;
  steerMeetingAttendees: SteerMeetingAttendeesTable;
  steerMeetingAgendaItems: SteerMeetingAgendaItemsTable;
  steerMeetingDocuments: SteerMeetingDocumentsTable;
  steerMeetingNotices: SteerMeetingNoticesTable;
  steerMeetingConclusions: SteerMeetingConclusionsTable;
}
