import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AppraisalBody,
  CompletionSchema,
  ComponentAcrossUnitsSchema,
  EvidenceCreate,
  Evidence as EvidenceItem,
  ExclusionResultSchema,
  FrameworkSaveResultSchema,
  FrameworkTemplateSchema,
  HistoryEntrySchema,
  Period,
  PeriodCreate,
  PeriodResults,
  PeriodTargets,
  ProfileSchema,
  PublishPreview,
  RankingQuery,
  RankingSchema,
  ReasonBody,
  ReopenResultSchema,
  ReturnBody,
  SnapshotSummarySchema,
  StoredFramework,
  StoredFrameworkDetailSchema,
  SubmissionView,
  ValuesBody,
} from '../../../core/contracts/measure.js';
import type {
  DropOneSchema,
  InStructureQuery,
  InStructureSchema,
  RobustnessQuery,
  RobustnessSchema,
  UnitHistorySchema,
  WhatIfBody,
  WhatIfResultSchema,
} from '../../../core/contracts/measure-analysis.js';
import type {
  ComponentValue,
  Framework,
  MeasureUnitKind,
  UnitResult,
} from '../../../core/contracts/measure-framework.js';
import type { KpiPrefillResult } from '../../../core/contracts/measure-kpi-prefill.js';
import type { PublicPeriodDetail } from '../../../core/contracts/measure-public.js';
import type { AppraisalQueue } from '../../../core/contracts/measure-queue.js';
import type { CompiledFramework } from '../../../core/measure/compile.js';
import type { RobustnessUnit } from '../../../core/measure/robustness.js';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { AccessGuard } from '../../lib/access-guard.js';
import type { Actor } from '../../lib/actor.js';
import type { AuditContext, AuditService } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import type { StoredBody } from '../../lib/download.js';
import type { FileRow } from '../files/files.types.js';
import type { KpiReader } from '../kpis/kpis.types.js';
import type { NotifyResult } from '../notifications/notifications.types.js';
import type { AppraisalQueueRepository } from './appraisal/appraisal-queue.repository.js';
import type { ExportsRepository } from './exports/exports.repository.js';
import type { ReportOptions } from './exports/report-docx.issuer.js';
import type { FrameworkOwners } from './frameworks/framework-owners.js';
import type {
  FrameworkRow,
  FrameworkStampRow,
  FrameworksRepository,
} from './frameworks/frameworks.repository.js';
import type { HistoryRepository } from './history/history.repository.js';
import type { Reexpression } from './history/reexpression.js';
import type { PeriodRow, PeriodsRepository, PeriodWithFramework } from './periods/periods.repository.js';
import type { PublicationRepository } from './publication/publication.repository.js';
import type { PublicMeasureRepository } from './results/public.repository.js';
import type { ResultsRepository } from './results/results.repository.js';
import type { SnapshotValuesRepository } from './results/snapshot-values.repository.js';
import type { MeasureEngine, ScoringUnit } from './scoring/measure-engine.js';
import type { RankingUnitRow, ScoresRepository } from './scoring/scores.repository.js';
import type { MeasureUnit, MeasureUnitsRepository } from './shared/measure-units.repository.js';
import type {
  ScoringValueRow,
  SubmissionRow,
  SubmissionsRepository,
  ValueRow,
} from './submissions/submissions.repository.js';

// The Measure module's types: what it needs from the container, what each service receives and what each
// service offers. Services implement these types and routes and other services depend on them, so no route
// or service imports another service file (no type-only import cycles). Types of data passed between
// features (a submission's context, a ranking row, an export's data) live here for the same reason.

/** What the Measure module needs from the container (the KPI reader is built from `db`, the notifier from jobs). */
export type MeasureModuleDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'files' | 'config' | 'jobs'>;

// ---- Notices to a unit's officers (notices/measure-notices.ts) ----

/** The unit an event concerns, named in the message. */
export type NoticeUnit = { periodId: number; periodName: string; unitId: number; unitName: string };
type Notice<P> = (exec: Executor, unit: NoticeUnit, p: P) => Promise<NotifyResult>;
export type MeasureNotices = {
  /** `items`: the names of the components to fix. */
  returned: Notice<{ submissionId: number; round: number; items: string[]; comment: string }>;
  approved: Notice<{ submissionId: number; round: number; points: number | null }>;
  /** `points` null: the unit is not in the published ranking (not approved or excluded). */
  published: Notice<{ snapshotId: number; points: number | null; rank: number | null }>;
  reopened: Notice<{ submissionId: number; reopenedAt: string; reason: string }>;
  deadlineSoon: Notice<{ dueOn: string; daysLeft: number }>;
};

// ---- Publication (publication/): what a publish would leave out, reopening and excluding a unit ----

export type PublicationDeps = {
  db: Kysely<DB>;
  periods: PeriodsRepository;
  submissions: SubmissionsRepository;
  results: ResultsRepository;
  publication: PublicationRepository;
  scoresService: Pick<ScoresService, 'touchSubmission'>;
  notices: MeasureNotices;
  audit: AuditService;
  clock: Clock;
  guard: AccessGuard;
};
export type PublicationService = {
  preview(actor: Actor | null, periodId: number): Promise<PublishPreview>;
  reopen(
    actx: AuditContext,
    ids: { periodId: number; unitId: number },
    body: ReasonBody,
  ): Promise<ReopenResult>;
  exclude(
    actx: AuditContext,
    ids: { periodId: number; unitId: number },
    body: ReasonBody,
  ): Promise<ExclusionResult>;
  include(actx: AuditContext, ids: { periodId: number; unitId: number }): Promise<ExclusionResult>;
};
export type ReopenResult = Output<typeof ReopenResultSchema>;
export type ExclusionResult = Output<typeof ExclusionResultSchema>;

/** Every repository of the module, built once by measure.module.ts. */
export type MeasureRepositories = {
  frameworks: FrameworksRepository;
  periods: PeriodsRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  results: ResultsRepository;
  scores: ScoresRepository;
  snapshotValues: SnapshotValuesRepository;
  exports: ExportsRepository;
  history: HistoryRepository;
  publication: PublicationRepository;
};

type Output<S extends z.ZodType> = z.infer<S>;
type Download = { fileName: string; body: Buffer };

// ---- Frameworks ----

export type FrameworksDeps = {
  db: Kysely<DB>;
  frameworks: FrameworksRepository;
  /** Who owns a framework and what that allows (framework-owners.ts). */
  owners: FrameworkOwners;
  audit: AuditService;
  clock: Clock;
  engine: MeasureEngine;
};
export type FrameworkDetail = Output<typeof StoredFrameworkDetailSchema>;
export type FrameworkSaveResult = Output<typeof FrameworkSaveResultSchema>;
export type FrameworksService = {
  listTemplates(actor: Actor | null): Output<typeof FrameworkTemplateSchema>[];
  list(actor: Actor | null): Promise<StoredFramework[]>;
  get(actor: Actor | null, id: number): Promise<FrameworkDetail>;
  exportDefinition(actor: Actor | null, id: number): Promise<Framework>;
  /** The owner is `ownerUnitId`, else the caller's first measure.manage unit (see framework-owners.ts). */
  createFromTemplate(ctx: AuditContext, templateKey: string, ownerUnitId?: number): Promise<FrameworkDetail>;
  importDefinition(
    ctx: AuditContext,
    definition: unknown,
    ownerUnitId?: number,
  ): Promise<FrameworkSaveResult>;
  saveDefinition(ctx: AuditContext, id: number, definition: unknown): Promise<FrameworkSaveResult>;
  /** Called when a period using this version is published. */
  freeze(trx: Executor, ctx: AuditContext, id: number): Promise<void>;
};
export type FrameworkXlsxService = {
  exportXlsx(actor: Actor | null, id: number): Promise<Download>;
  /** Called before the upload is read: a caller who may not import learns nothing about the file's checks. */
  assertCanImport(actor: Actor | null): void;
  importXlsx(ctx: AuditContext, buffer: Buffer, ownerUnitId?: number): Promise<FrameworkSaveResult>;
};

// ---- Periods ----

export type PeriodsDeps = {
  db: Kysely<DB>;
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  audit: AuditService;
  clock: Clock;
  guard: AccessGuard;
};
export type PeriodsService = {
  /** The period, if the actor may read it: read on its root, or on one of its units (officers). */
  readable(actor: Actor | null, id: number): Promise<PeriodWithFramework>;
  list(actor: Actor | null): Promise<Period[]>;
  get(actor: Actor | null, id: number): Promise<Period>;
  create(ctx: AuditContext, input: PeriodCreate): Promise<Period>;
  setTargets(ctx: AuditContext, id: number, input: PeriodTargets): Promise<Period>;
  open(ctx: AuditContext, id: number): Promise<Period>;
  close(ctx: AuditContext, id: number): Promise<Period>;
};

// ---- Submissions, appraisal, KPI prefill ----

export type SubmissionIds = { periodId: number; unitId: number };

/** What every submission use case loads: period, framework, unit, submission and values. */
export type SubmissionContext = {
  period: PeriodWithFramework;
  /** The stored row the framework was parsed from; its id and stamp go with every stored score. */
  frameworkRow: FrameworkRow;
  framework: Framework;
  unit: MeasureUnit;
  scoringUnit: ScoringUnit;
  actor: Actor;
  ancestors: number[];
  submission: SubmissionRow | undefined;
  rows: ValueRow[];
};

export type ContextDeps = {
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  guard: AccessGuard;
};

/** The stored files an evidence item may point to (the container's file store). */
export type EvidenceFiles = {
  get(id: number): Promise<FileRow | undefined>;
  pathOf(file: Pick<FileRow, 'storageKey'>): string;
  open(file: Pick<FileRow, 'storageKey'>): ReturnType<StoredBody['open']>;
};

/** What the self-assessment and appraisal services both need: the context loaders plus the write side. */
export type SubmissionServiceDeps = ContextDeps & {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  engine: MeasureEngine;
  scoresService: ScoresService;
};
export type SubmissionsDeps = SubmissionServiceDeps & { files: EvidenceFiles };
export type AppraisalDeps = SubmissionServiceDeps & { notices: MeasureNotices };

export type EvidenceFile = { file: FileRow; body: StoredBody };

export type SubmissionsService = {
  get(actor: Actor | null, ids: SubmissionIds): Promise<SubmissionView>;
  preview(actor: Actor | null, ids: SubmissionIds, body: ValuesBody): Promise<UnitResult>;
  saveValues(actx: AuditContext, ids: SubmissionIds, body: ValuesBody): Promise<SubmissionView>;
  addEvidence(actx: AuditContext, ids: SubmissionIds, body: EvidenceCreate): Promise<EvidenceItem>;
  removeEvidence(actx: AuditContext, ids: SubmissionIds, evidenceId: number): Promise<void>;
  submit(actx: AuditContext, ids: SubmissionIds): Promise<SubmissionView>;
  /** The stored file behind an evidence item, for anyone who may read the unit's submission. */
  evidenceFile(actor: Actor | null, ids: SubmissionIds, evidenceId: number): Promise<EvidenceFile>;
  history(actor: Actor | null, ids: SubmissionIds): Promise<Output<typeof HistoryEntrySchema>[]>;
};

export type AppraisalService = {
  get(actor: Actor | null, ids: SubmissionIds): Promise<SubmissionView>;
  appraise(actx: AuditContext, ids: SubmissionIds, body: AppraisalBody): Promise<SubmissionView>;
  returnForCorrection(actx: AuditContext, ids: SubmissionIds, body: ReturnBody): Promise<SubmissionView>;
  approve(actx: AuditContext, ids: SubmissionIds): Promise<SubmissionView>;
};

/** The appraiser's queue: submissions waiting for appraisal, returned, or resubmitted, in the caller's scope. */
export type AppraisalQueueDeps = { repo: AppraisalQueueRepository };
export type AppraisalQueueService = {
  queue(actor: Actor | null): Promise<AppraisalQueue>;
};

export type KpiPrefillDeps = ContextDeps & {
  engine: MeasureEngine;
  submissionsService: Pick<SubmissionsService, 'saveValues'>;
  kpis: KpiReader;
};
export type KpiPrefillService = {
  prefill(actx: AuditContext, ids: SubmissionIds): Promise<KpiPrefillResult>;
};

// ---- Scoring ----

export type ScoresDeps = {
  db: Kysely<DB>;
  frameworks: FrameworksRepository;
  periods: PeriodsRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  scores: ScoresRepository;
};
/** An approved unit with its node sums (layout of core/measure/aggregate.ts nodeSlotCount). */
export type RankingRow = RankingUnitRow & { sums: Float64Array };
export type ScoresService = {
  /** Re-scores one submission from its stored values; call inside the transaction that changed them. */
  rescoreSubmission(
    exec: Executor,
    ids: { submissionId: number; periodId: number; unitId: number },
    ctx: Pick<SubmissionContext, 'frameworkRow' | 'framework' | 'scoringUnit'>,
    currentRows?: ScoringValueRow[],
  ): Promise<void>;
  /** Stamps a submission whose status changed, so cached rankings pick the change up. */
  touchSubmission(exec: Executor, ids: { submissionId: number; periodId: number }): Promise<unknown>;
  /** Evaluates every rule of every submission of a period again and rewrites all contributions. */
  rescorePeriod(period: PeriodRow, exec?: Executor): Promise<number>;
  /** The approved units of a period with their results, aggregated from the stored contributions. */
  rankingRows(
    period: PeriodRow,
    options?: { exec?: Executor; cached?: boolean },
  ): Promise<{ frameworkRow: FrameworkStampRow; compiled: CompiledFramework; rows: RankingRow[] }>;
};

// ---- Results ----

export type ResultsDeps = {
  db: Kysely<DB>;
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  frameworksService: Pick<FrameworksService, 'freeze'>;
  results: ResultsRepository;
  snapshotValues: SnapshotValuesRepository;
  scoresService: Pick<ScoresService, 'rankingRows'>;
  audit: AuditService;
  clock: Clock;
  guard: AccessGuard;
  notices: MeasureNotices;
  publication: PublicationRepository;
};
export type ResultsSource = {
  source: 'published' | 'live';
  snapshotId: number | null;
  results: PeriodResults;
};
export type LatestResults = {
  id: number;
  frameworkId: number;
  frameworkVersion: number;
  computedAt: string;
  results: PeriodResults;
};
export type PublishedSnapshot = {
  id: number;
  periodId: number;
  frameworkId: number;
  frameworkVersion: number;
  computedAt: string;
  unitCount: number;
};
export type ResultsCore = {
  /** Live results of the approved units (this process's cached sums unless `fresh` or in a transaction). */
  compute(period: PeriodRow, exec?: Executor, options?: { fresh?: boolean }): Promise<PeriodResults>;
  /** Published snapshot when there is one (or when live is not allowed); else live results for staff. */
  resultsFor(
    actor: Actor | null,
    period: PeriodRow & { latestSnapshotId?: number | null; rootInScope?: unknown },
    wanted: 'published' | 'live' | undefined,
  ): Promise<ResultsSource>;
  /** The latest snapshot of the most recent published period of the same root before this one. */
  previousResults(
    period: PeriodRow & { previousSnapshotId?: number | null; previousPeriodId?: number | null },
  ): Promise<{ periodId: number; snapshotId: number; results: PeriodResults } | null>;
  publish(actx: AuditContext, periodId: number): Promise<PublishedSnapshot>;
  /** The latest published results of a period, if any. */
  latestResults(periodId: number): Promise<LatestResults | undefined>;
  snapshotResults(id: number): Promise<PeriodResults>;
};

export type ResultsViewsDeps = {
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  results: ResultsRepository;
  snapshotValues: SnapshotValuesRepository;
  clock: Clock;
  engine: MeasureEngine;
  guard: AccessGuard;
  core: ResultsCore;
  history: HistoryRepository;
  reexpression: Reexpression;
};
/** The whole ranking as one list: the page's header fields and every row with its change. */
export type FullRankingList = Omit<
  Output<typeof RankingSchema>,
  'unitCount' | 'groups' | 'total' | 'limit' | 'offset'
>;
export type ResultsViews = {
  /** The whole ranking as one list (exports and the benchmark's full-list size). */
  fullRanking(actor: Actor | null, periodId: number, wanted?: 'published' | 'live'): Promise<FullRankingList>;
  /** One page of the ranking, serialised (pages of published rankings are cached). */
  rankingJson(actor: Actor | null, periodId: number, query: RankingQuery): Promise<string>;
  publicRankingJson(periodId: number, query: Omit<RankingQuery, 'source'>): Promise<string>;
  snapshots(actor: Actor | null, periodId: number): Promise<Output<typeof SnapshotSummarySchema>[]>;
  profile(actor: Actor | null, periodId: number, unitId: number): Promise<Output<typeof ProfileSchema>>;
  componentAcrossUnits(
    actor: Actor | null,
    periodId: number,
    code: string,
  ): Promise<Output<typeof ComponentAcrossUnitsSchema>>;
  completion(actor: Actor | null, periodId: number): Promise<Output<typeof CompletionSchema>>;
};

export type PublicMeasureService = {
  publishedPeriods(): Promise<{ id: number; name: string; year: number; publishedAt: string }[]>;
  /** 404 unless the period is published. */
  publishedPeriod(periodId: number): Promise<PublicPeriodDetail>;
};
/** For the public portal: the latest published periods and the first rows of a published ranking (no actor). */
export type MeasurePublicReader = PublicMeasureService & {
  /** The first `limit` rows of a published period's ranking (404 unless published). */
  rankingTop(periodId: number, limit: number): Promise<FullRankingList & { unitCount: number }>;
};
export type PublicMeasureDeps = {
  repo: PublicMeasureRepository;
  periods: PeriodsRepository;
  units: MeasureUnitsRepository;
  frameworks: FrameworksRepository;
  core: Pick<ResultsCore, 'latestResults'>;
};

// ---- Analysis, history, exports ----

/** A unit as robustness and the what-if sandbox score it. */
export type AnalysisUnit = RobustnessUnit & { unitId: number; peerGroup: string };
export type AnalysisDeps = ContextDeps & {
  snapshotValues: SnapshotValuesRepository;
  engine: MeasureEngine;
  core: Pick<ResultsCore, 'latestResults'>;
};
export type AnalysisService = {
  sandbox(
    actor: Actor | null,
    periodId: number,
    unitId: number,
    body: WhatIfBody,
  ): Promise<Output<typeof WhatIfResultSchema>>;
  robustness(
    actor: Actor | null,
    periodId: number,
    q: RobustnessQuery,
  ): Promise<Output<typeof RobustnessSchema>>;
  dropOne(actor: Actor | null, periodId: number): Promise<Output<typeof DropOneSchema>>;
  /** Approved units of a period scored as the ranking scores them. */
  approvedUnits(periodId: number): Promise<AnalysisUnit[]>;
};

export type HistoryDeps = {
  history: HistoryRepository;
  units: MeasureUnitsRepository;
  periods: PeriodsRepository;
  frameworks: Pick<FrameworksRepository, 'find'>;
  guard: AccessGuard;
  core: Pick<ResultsCore, 'latestResults'>;
  reexpression: Reexpression;
};
export type HistoryOptions = Pick<InStructureQuery, 'rule' | 'weight' | 'missing'>;
export type InStructureOptions = HistoryOptions & { with?: number[] };
export type HistoryService = {
  inStructure(
    actor: Actor | null,
    periodId: number,
    structureId: number,
    o: InStructureOptions,
  ): Promise<Output<typeof InStructureSchema>>;
  unitHistory(
    actor: Actor | null,
    unitId: number,
    o: HistoryOptions,
  ): Promise<Output<typeof UnitHistorySchema>>;
};

/** One cell of an export: what a component of a ranked unit counted for. */
export type ComponentCell = {
  /** What the unit entered (N/A as {notApplicable: true}). */
  selfValue: ComponentValue | null;
  selfPoints: number | null;
  /** Points the component counted for (appraised where given); 0 for a missing value. */
  points: number;
  isNa: boolean;
};
/** Cells by valueKey(unit, code); an absent cell is a component with no value and 0 points. */
export type ComponentCells = Map<string, ComponentCell>;
export type ComponentGain = { code: string; name: string; gainPoints: number; units: number };

/** Everything an export of one published snapshot shows. */
export type ExportData = {
  period: PeriodWithFramework;
  rootUnit: MeasureUnit;
  snapshotId: number;
  results: PeriodResults;
  framework: Framework;
  /** Change against the previous published period of the same root, by unit id. */
  previous: Map<number, { value: number | null; rank: number | null }>;
  /** What each component of each ranked unit counted for, by valueKey(unit, code). */
  components: ComponentCells;
  /** Sum over units of the points each component could still add, largest first. */
  gains: ComponentGain[];
  /** The appraiser's comment per component, by valueKey(unit, code). */
  comments: Map<string, string>;
};
export type ExportsDeps = {
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
  results: ResultsRepository;
  snapshotValues: SnapshotValuesRepository;
  exports: ExportsRepository;
  engine: MeasureEngine;
  clock: Clock;
  guard: AccessGuard;
  core: Pick<ResultsCore, 'snapshotResults' | 'previousResults'>;
};
export type ExportsService = {
  resultsXlsx(actor: Actor | null, periodId: number, snapshotId?: number): Promise<Download>;
  reportDocx(
    actor: Actor | null,
    periodId: number,
    options: ReportOptions & { snapshotId?: number },
  ): Promise<Download>;
};

/** Workbooks of the staff screens' tables, read through the same views (same access, same numbers). */
export type ViewExportsDeps = {
  views: Pick<ResultsViews, 'completion' | 'fullRanking' | 'profile'>;
  periods: Pick<PeriodsRepository, 'find'>;
  frameworks: Pick<FrameworksRepository, 'find'>;
};
export type ViewExportsService = {
  completionXlsx(actor: Actor | null, periodId: number): Promise<Download>;
  rankingXlsx(actor: Actor | null, periodId: number, source?: 'published' | 'live'): Promise<Download>;
  profileXlsx(actor: Actor | null, periodId: number, unitId: number): Promise<Download>;
};

export type { KpiReader, MeasureUnitKind };
