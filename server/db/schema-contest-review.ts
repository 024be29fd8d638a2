import type { Generated } from 'kysely';

// Contest suspicion review (migration 2026-12-07-0900-contest-review): flags with their evidence and review.
// (The participant's `device_hash` column is in schema-contest.ts.)

export interface ContestFlagsTable {
  id: Generated<number>;
  contestId: number;
  kind: string;
  subject: string;
  roundKey: string | null;
  participantIdsJson: string;
  evidenceJson: string;
  status: Generated<'open' | 'cleared' | 'confirmed'>;
  note: string | null;
  excludeFromPrizes: Generated<number>;
  reviewedBy: number | null;
  reviewedAt: string | null;
  createdAt: string;
}

export interface ContestReviewTables {
  contestFlags: ContestFlagsTable;
}
