import type { Generated } from 'kysely';

// Contest tables (migration 2026-12-06-0700-contest): question bank, contests, participants with their unique
// registration keys, attempts, and the results written when a round closes.

export interface ContestCategoriesTable {
  id: Generated<number>;
  unitId: number;
  name: string;
  createdAt: string;
}

export interface ContestQuestionsTable {
  id: Generated<number>;
  unitId: number;
  categoryId: number;
  difficulty: 'easy' | 'medium' | 'hard';
  kind: 'single' | 'multiple';
  text: string;
  optionsJson: string;
  explanation: string | null;
  archived: Generated<number>;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface ContestsTable {
  id: Generated<number>;
  unitId: number;
  title: string;
  slug: string;
  status: 'draft' | 'open' | 'closed';
  configJson: string;
  questionsJson: string | null;
  closedRoundsJson: Generated<string>;
  openedAt: string | null;
  closedAt: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  isDemo: Generated<number>;
}

export interface ContestParticipantsTable {
  id: Generated<number>;
  contestId: number;
  groupKey: string;
  fullName: string;
  phone: string | null;
  cccd: string | null;
  email: string | null;
  birthDate: string | null;
  gender: string | null;
  unitId: number | null;
  address: string | null;
  tokenHash: string;
  verified: Generated<number>;
  otpHash: string | null;
  otpExpiresAt: string | null;
  otpTries: Generated<number>;
  ip: string | null;
  /** SHA-256 of the registering browser's user agent and languages (suspicion review). */
  deviceHash: string | null;
  createdAt: string;
  isDemo: Generated<number>;
}

export interface ContestRegistrationKeysTable {
  id: Generated<number>;
  contestId: number;
  field: string;
  valueHash: string;
  participantId: number;
}

export interface ContestAttemptsTable {
  id: Generated<number>;
  contestId: number;
  participantId: number;
  roundKey: string;
  seq: number;
  seed: string;
  drawJson: string;
  answersJson: Generated<string>;
  prediction: number | null;
  status: 'open' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  score: number | null;
  total: number;
  durationMs: number | null;
  late: Generated<number>;
  ip: string | null;
  isDemo: Generated<number>;
}

export interface ContestResultsTable {
  id: Generated<number>;
  contestId: number;
  roundKey: string;
  groupKey: string;
  participantId: number;
  attemptId: number;
  rank: number;
  predictionDistance: number | null;
  prize: string | null;
}

export interface ContestRoundTruthsTable {
  id: Generated<number>;
  contestId: number;
  roundKey: string;
  truth: number | null;
  closedAt: string;
}

export interface ContestCollectiveTable {
  id: Generated<number>;
  contestId: number;
  unitId: number;
  participants: number;
  headcount: number | null;
  prizePoints: number;
  score: number | null;
  rank: number | null;
  prize: string | null;
}

export interface ContestCertificatesTable {
  id: Generated<number>;
  contestId: number;
  roundKey: string;
  participantId: number;
  code: string;
  issuedAt: string;
  isDemo: Generated<number>;
}

export interface ContestTables {
  contestCategories: ContestCategoriesTable;
  contestQuestions: ContestQuestionsTable;
  contests: ContestsTable;
  contestParticipants: ContestParticipantsTable;
  contestRegistrationKeys: ContestRegistrationKeysTable;
  contestAttempts: ContestAttemptsTable;
  contestResults: ContestResultsTable;
  contestRoundTruths: ContestRoundTruthsTable;
  contestCollective: ContestCollectiveTable;
  contestCertificates: ContestCertificatesTable;
}
