import type { KpiSummary } from '../../../../core/contracts/kpis.js';
import type {
  Conclusion,
  ConclusionInput,
  ConvertConclusionInput,
  MeetingDetail,
  MeetingDocumentInput,
  MeetingInput,
  MeetingPatch,
  MeetingSummary,
  NoticeInput,
} from '../../../../core/contracts/steer-meetings.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { Download } from '../../../lib/download.js';
import type { SteerTasksService } from '../tasks/tasks.types.js';
import type { BriefingRepository } from './briefing.repository.js';
import type { MeetingsRepository } from './meetings.repository.js';

// The public face of Steer's committee meetings (types only): what the routes, the demo seed and the other
// Steer features call. The services live in meetings.service.ts and briefing.service.ts.

export type MeetingsServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock'> & {
  repo: MeetingsRepository;
  guard: AccessGuard;
  /** The upload store: a document's or notice's file by its public id, handed to the committee's unit. */
  files: Pick<Deps['files'], 'getByPublicId' | 'assignUnit'>;
  /** The tasks core: a conclusion's task is created in the conversion's transaction and read back for its status. */
  tasks: Pick<SteerTasksService, 'createTask' | 'getTask'>;
};

export type MeetingsService = {
  list(actor: Actor | null, query: { unitId?: number; year?: number }): Promise<{ items: MeetingSummary[] }>;
  get(actor: Actor | null, id: number): Promise<MeetingDetail>;
  create(ctx: AuditContext, input: MeetingInput, options?: { isDemo?: boolean }): Promise<MeetingDetail>;
  update(ctx: AuditContext, id: number, patch: MeetingPatch): Promise<MeetingDetail>;
  addDocument(ctx: AuditContext, id: number, input: MeetingDocumentInput): Promise<MeetingDetail>;
  removeDocument(ctx: AuditContext, id: number, documentId: number): Promise<MeetingDetail>;
  setNotice(ctx: AuditContext, id: number, input: NoticeInput): Promise<MeetingDetail>;
  addConclusion(ctx: AuditContext, id: number, input: ConclusionInput): Promise<MeetingDetail>;
  updateConclusion(
    ctx: AuditContext,
    id: number,
    conclusionId: number,
    input: ConclusionInput,
  ): Promise<MeetingDetail>;
  removeConclusion(ctx: AuditContext, id: number, conclusionId: number): Promise<MeetingDetail>;
  /** One step: the task (source = the notice) and the conclusion marked converted, in one transaction. */
  convertConclusion(
    ctx: AuditContext,
    id: number,
    conclusionId: number,
    input: ConvertConclusionInput,
  ): Promise<{ conclusion: Conclusion; taskId: number }>;
};

/** Published DX-index results, read through the measure module's face. */
export type BriefingMeasureReader = {
  /** Periods whose results were published in (from, to], newest first. */
  publishedBetween(
    actor: Actor,
    from: string | null,
    to: string,
  ): Promise<{ id: number; name: string; publishedAt: string }[]>;
  /** One published period's ranking of the units (total, rank and change from the previous period). */
  ranking(
    actor: Actor,
    periodId: number,
  ): Promise<{
    periodName: string;
    units: {
      unitId: number;
      unitName: string;
      total: number | null;
      rank: number | null;
      valueDelta: number | null;
      rankDelta: number | null;
    }[];
  }>;
};

/** KPI values of a unit and its subtree for a period, read through the kpis module's face. */
export type BriefingKpiReader = {
  summary(actor: Actor, unitId: number, period: string): Promise<KpiSummary>;
};

export type BriefingServiceDeps = Pick<Deps, 'clock'> & {
  meetings: MeetingsRepository;
  briefing: BriefingRepository;
  guard: AccessGuard;
  tasks: Pick<SteerTasksService, 'listTasks'>;
  measure: BriefingMeasureReader;
  kpis: BriefingKpiReader;
};

export type BriefingService = {
  /** The briefing pack before a meeting, as DOCX in the administrative format (steer.read on the committee). */
  briefingDocx(actor: Actor | null, id: number): Promise<Omit<Download, 'mime'>>;
};
