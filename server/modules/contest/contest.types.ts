import type {
  ContestInput,
  ContestResults,
  ContestView,
  ImportResult,
  Participation,
  QuestionInput,
  QuestionView,
} from '../../../core/contracts/contest.js';
import type {
  AnswersBody,
  AttemptView,
  Leaderboard,
  Me,
  PublicContest,
  RegisterBody,
} from '../../../core/contracts/contest-public.js';
import type {
  ContestFlag,
  ContestFlagList,
  ContestFlagReview,
} from '../../../core/contracts/contest-review.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { PowGate } from '../feedback/feedback.types.js';
import type { KpiFeed } from '../kpis/kpis.types.js';
import type { Notifier } from '../notifications/notifications.types.js';
import type { ContestRepository } from './contest.repository.js';

// The contest module's faces (types only): what routes, the demo seed and the jobs depend on.

export type ContestModuleDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'config' | 'jobs' | 'rateLimiter'>;
export type ContestServiceDeps = ContestModuleDeps & {
  repo: ContestRepository;
  guard: AccessGuard;
  notifier: Notifier;
  kpis: KpiFeed;
  /** The self-hosted proof of work a registration must carry (Feedback's, shared). */
  pow: PowGate;
};

export type BankService = {
  list(
    actor: Actor | null,
    query: { unitId: number; categoryId?: number },
  ): Promise<{
    items: QuestionView[];
    categories: { id: number; name: string; questions: number }[];
  }>;
  create(ctx: AuditContext, input: QuestionInput, opts?: { isDemo?: boolean }): Promise<QuestionView>;
  archive(ctx: AuditContext, id: number): Promise<void>;
  importQuestions(
    ctx: AuditContext,
    query: {
      unitId: number;
      format: 'gift' | 'aiken' | 'xlsx';
      mode: 'preview' | 'commit';
      category?: string;
    },
    content: string,
  ): Promise<ImportResult>;
};

export type ContestListItem = Omit<ContestView, 'config' | 'summary'>;

export type ContestsService = {
  list(actor: Actor | null, query: { unitId?: number }): Promise<{ items: ContestListItem[] }>;
  get(actor: Actor | null, id: number): Promise<ContestView>;
  create(ctx: AuditContext, input: ContestInput, opts?: { isDemo?: boolean }): Promise<ContestView>;
  update(ctx: AuditContext, id: number, patch: Omit<ContestInput, 'unitId'>): Promise<ContestView>;
  open(ctx: AuditContext, id: number): Promise<ContestView>;
  /** Computes and publishes a round's final results (the round must have ended); idempotent. */
  closeRound(ctx: AuditContext, id: number, roundKey: string): Promise<ContestResults>;
  /** Ends the contest: every ended round's results, the collective table, the participation KPI. */
  close(ctx: AuditContext, id: number): Promise<ContestView>;
  results(actor: Actor | null, id: number, limit: number): Promise<ContestResults>;
  participation(actor: Actor | null, id: number): Promise<Participation>;
  exportResults(actor: Actor | null, id: number): Promise<{ fileName: string; body: Uint8Array }>;
  /** The start-up job: organisers reminded once when an attempt round of an open contest has ended. */
  remindEndedRounds(): Promise<number>;
};

/** For the public portal: the open contests (title, slug, participants so far), no actor. */
export type PublicContestList = {
  openContests(): Promise<{ slug: string; title: string; participants: number }[]>;
};

/** citizenToken: the citizen single sign-on cookie (a contest with verification 'sso'). */
export type ParticipantMeta = { ip: string; token?: string; device?: string; citizenToken?: string };

export type PlayService = {
  contest(slug: string): Promise<PublicContest>;
  searchUnits(slug: string, q: string): Promise<{ items: { id: number; name: string }[] }>;
  /** A proof-of-work challenge for the next registration. */
  challenge(slug: string, ip: string): Promise<{ challenge: string; difficulty: number; expiresAt: string }>;
  register(
    slug: string,
    body: RegisterBody,
    meta: ParticipantMeta,
    opts?: { isDemo?: boolean },
  ): Promise<{ token: string; me: Me }>;
  requestOtp(slug: string, meta: ParticipantMeta): Promise<void>;
  verify(slug: string, code: string, meta: ParticipantMeta): Promise<Me>;
  me(slug: string, meta: ParticipantMeta): Promise<Me>;
  start(slug: string, meta: ParticipantMeta, opts?: { isDemo?: boolean }): Promise<AttemptView>;
  attempt(id: number, meta: ParticipantMeta): Promise<AttemptView>;
  save(id: number, body: AnswersBody, meta: ParticipantMeta): Promise<AttemptView>;
  submit(
    id: number,
    body: AnswersBody,
    meta: ParticipantMeta,
  ): Promise<AttemptView & { alreadySubmitted: boolean }>;
  leaderboard(slug: string, query: { round: string; group: string }): Promise<Leaderboard>;
};

export type PrivacyService = {
  /** Seals CCCD and phone written in plain text (or by an older key) with the current key; the rows rewritten. */
  sealAll(): Promise<number>;
  /** Erases CCCD and phone of contests closed longer than the retention; the participants cleared. */
  eraseExpired(): Promise<number>;
  /** The participants with CCCD and phone opened, for organisers only (audited). */
  exportParticipants(ctx: AuditContext, id: number): Promise<{ fileName: string; body: Uint8Array }>;
};

export type ReviewService = {
  /** The background scan: runs the suspicion rules over open and recently closed contests; new flags stored. */
  scanAll(): Promise<number>;
  list(actor: Actor | null, contestId: number, status?: string): Promise<ContestFlagList>;
  review(ctx: AuditContext, flagId: number, input: ContestFlagReview): Promise<ContestFlag>;
  /** Participants an organiser excluded from prizes by confirming a flag (never automatic). */
  excludedFromPrizes(contestId: number): Promise<Set<number>>;
};
