import type { z } from 'zod';
import type {
  FeedbackAnswerSchema,
  FeedbackAssignSchema,
  FeedbackCalendarDayInputSchema,
  FeedbackCategory,
  FeedbackCategoryInput,
  FeedbackExtensionRequestSchema,
  FeedbackMergeSchema,
  FeedbackQueue,
  FeedbackQueueQuery,
  FeedbackRefuseSchema,
  FeedbackReport,
  FeedbackRoutingRule,
  FeedbackRoutingRuleInput,
} from '../../../core/contracts/feedback.js';
import type {
  NearbySchema,
  OtpIssuedSchema,
  OtpRequestSchema,
  PublicListQuerySchema,
  PublicReport,
  PublicStatsSchema,
  RateSchema,
  SubmitReport,
  SubscribeSchema,
} from '../../../core/contracts/feedback-public.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { KpiFeed } from '../kpis/kpis.types.js';
import type { Notifier } from '../notifications/notifications.types.js';
import type { FeedbackRepository } from './shared/feedback.repository.js';

// The Feedback module's public face (types only): categories, the staff queue and actions, the citizen API,
// Open311 and the KPI writer. Routes depend on these types, never on a service file.

export type FeedbackModuleDeps = Pick<
  Deps,
  'db' | 'clock' | 'audit' | 'config' | 'jobs' | 'files' | 'rateLimiter' | 'mailer' | 'cache'
>;

/** Settings read once from the environment (feedback.settings.ts). */
export type FeedbackSettings = {
  /** The province's bounding box: a pin outside is refused. */
  bbox: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  powDifficulty: number;
  /** Tile server of the public map ({z}/{x}/{y}); empty: no map, address and GPS only. */
  tileUrl: string;
  /** Log phone one-time codes (no SMS gateway): development and demos only. */
  logPhoneCodes: boolean;
};

export type FeedbackBase = Pick<Deps, 'db' | 'clock' | 'audit' | 'files'> & {
  repo: FeedbackRepository;
  guard: AccessGuard;
  notifier: Notifier;
  kpis: FeedbackKpiWriter;
};

export type FeedbackKpiWriter = {
  /** Rewrites the unit's FEEDBACK_ON_TIME_RATE / FEEDBACK_SATISFACTION_RATE of the quarters around `date`. */
  writeForUnit(
    exec: import('../../db/executor.js').Executor,
    ctx: AuditContext,
    unitId: number,
    date: string,
  ): Promise<void>;
  /** The daily job: every unit with reports, for the current quarter. */
  writeAll(ctx: AuditContext): Promise<number>;
};
export type FeedbackKpiDeps = Pick<Deps, 'db' | 'clock'> & { repo: FeedbackRepository; feed: KpiFeed };

export type CategoriesService = {
  list(actor: Actor | null): Promise<{ items: FeedbackCategory[] }>;
  create(ctx: AuditContext, input: FeedbackCategoryInput): Promise<FeedbackCategory>;
  update(ctx: AuditContext, id: number, input: FeedbackCategoryInput): Promise<FeedbackCategory>;
};

export type FeedbackRulesService = {
  calendar(
    actor: Actor | null,
    year: number,
  ): Promise<{ year: number; items: import('../../../core/contracts/feedback.js').FeedbackCalendarDay[] }>;
  setCalendarDay(
    ctx: AuditContext,
    day: string,
    input: z.infer<typeof FeedbackCalendarDayInputSchema>,
  ): Promise<import('../../../core/contracts/feedback.js').FeedbackCalendarDay>;
  deleteCalendarDay(ctx: AuditContext, day: string): Promise<void>;
  routingRules(actor: Actor | null): Promise<{ items: FeedbackRoutingRule[] }>;
  createRoutingRule(ctx: AuditContext, input: FeedbackRoutingRuleInput): Promise<FeedbackRoutingRule>;
  deleteRoutingRule(ctx: AuditContext, id: number): Promise<void>;
};

export type NewReport = Omit<SubmitReport, 'otp' | 'subscribe' | 'photoIds'> & {
  photoFileIds: number[];
  source: 'web' | 'open311' | 'demo';
  subscribeEmail?: string | null;
  isDemo?: boolean;
};

export type ReportsService = {
  queue(actor: Actor | null, query: FeedbackQueueQuery): Promise<FeedbackQueue>;
  get(actor: Actor | null, id: number): Promise<FeedbackReport>;
  /** Creates a report (citizen, Open311, demo), routed by its category; the caller checked the contact. */
  create(
    ctx: AuditContext,
    input: NewReport,
    /** Runs first inside the creating transaction (using the one-time code, claiming the photos). */
    prepare?: (trx: import('../../db/executor.js').Executor) => Promise<void>,
  ): Promise<{ id: number; code: string; status: string }>;
  assign(ctx: AuditContext, id: number, input: z.infer<typeof FeedbackAssignSchema>): Promise<FeedbackReport>;
  accept(ctx: AuditContext, id: number): Promise<FeedbackReport>;
  answer(ctx: AuditContext, id: number, input: z.input<typeof FeedbackAnswerSchema>): Promise<FeedbackReport>;
  refuse(ctx: AuditContext, id: number, input: z.infer<typeof FeedbackRefuseSchema>): Promise<FeedbackReport>;
  /** Marks `id` as a duplicate of another report: refused ('duplicate') with a link; followers move over. */
  merge(ctx: AuditContext, id: number, input: z.infer<typeof FeedbackMergeSchema>): Promise<FeedbackReport>;
  /** The queue's rows (same filters, no paging) as an xlsx workbook; contacts masked unless the reader handles. */
  exportXlsx(
    actor: Actor | null,
    query: import('../../../core/contracts/feedback.js').FeedbackExportQuery,
  ): Promise<{ fileName: string; body: Uint8Array }>;
  close(ctx: AuditContext, id: number, note?: string): Promise<FeedbackReport>;
  note(ctx: AuditContext, id: number, text: string): Promise<FeedbackReport>;
  requestExtension(
    ctx: AuditContext,
    id: number,
    input: z.infer<typeof FeedbackExtensionRequestSchema>,
  ): Promise<FeedbackReport>;
  decideExtension(ctx: AuditContext, id: number, approve: boolean): Promise<FeedbackReport>;
  /** The citizen's rating (checked by the citizen service); unsatisfied reopens the report. */
  rate(ctx: AuditContext, id: number, satisfied: boolean, reason: string | null): Promise<void>;
  /** The daily reminder: due-soon and overdue notices to the handling units, once each. */
  remindDue(today: string): Promise<number>;
  /** Notices for reports still not routed two hours before and after their receive-by time (once each). */
  remindReceive(): Promise<number>;
};

export type CitizenService = {
  categories(): Promise<{ items: import('../../../core/contracts/feedback-public.js').PublicCategory[] }>;
  areas(): Promise<{ items: { id: number; name: string }[] }>;
  challenge(ip: string): Promise<{ challenge: string; difficulty: number; expiresAt: string }>;
  requestOtp(
    ctx: AuditContext,
    input: z.infer<typeof OtpRequestSchema>,
  ): Promise<z.infer<typeof OtpIssuedSchema>>;
  uploadPhoto(ctx: AuditContext, data: Buffer, name: string, keepLocation: boolean): Promise<{ id: string }>;
  /** citizenToken: the single sign-on cookie; a signed-in citizen's own contact needs no one-time code. */
  submit(
    ctx: AuditContext,
    input: SubmitReport,
    citizenToken?: string,
  ): Promise<{ code: string; status: import('../../../core/feedback/lifecycle.js').FeedbackStatus }>;
  follow(code: string): Promise<PublicReport>;
  photo(code: string, fileId: string): Promise<import('../../lib/file-store.js').FileRow>;
  pathOf(file: import('../../lib/file-store.js').FileRow): string;
  open(file: import('../../lib/file-store.js').FileRow): import('node:fs').ReadStream;
  rate(ctx: AuditContext, code: string, input: z.infer<typeof RateSchema>): Promise<PublicReport>;
  subscribe(
    ctx: AuditContext,
    code: string,
    input: z.infer<typeof SubscribeSchema>,
  ): Promise<{ subscribed: true }>;
  /**
   * The public list of reports by area, category and status as JSON bytes, from the cache of public answers
   * (exact: keyed by the tables' revisions).
   */
  listBody(query: z.infer<typeof PublicListQuerySchema>): Promise<Buffer>;
  nearby(query: {
    categoryId: number;
    lat?: number;
    lng?: number;
    areaUnitId?: number;
  }): Promise<z.infer<typeof NearbySchema>>;
  stats(year: number): Promise<z.infer<typeof PublicStatsSchema>>;
  /** `stats(year)` as JSON bytes, from the cache of public answers (exact: keyed by the tables' revisions). */
  statsBody(year: number): Promise<Buffer>;
  settings(): { tileUrl: string; powDifficulty: number; bbox: FeedbackSettings['bbox'] };
};

/** The public forms' proof-of-work check (Feedback's own, offered to Contest's registration). */
export type PowGate = {
  issue(): Promise<{ challenge: string; difficulty: number; expiresAt: string }>;
  /** True once for a correct, unexpired solution of an issued challenge; false for anything else. */
  verify(pow: { challenge: string; nonce: string } | undefined | null): Promise<boolean>;
};
