import type { EvidenceCreate, ValuesBody } from '../../../core/contracts/measure.js';
import type { ComponentValue, UnitResult, UnitValues } from '../../../core/contracts/measure-framework.js';
import { type Actor, canOnUnit } from '../../lib/actor.js';
import { AppError, type FieldError, notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditContext } from '../audit/audit.service.js';
import { canDownloadFile } from '../files/files.policy.js';
import { canEditSubmission } from './measure.policy.js';
import { conflictOnUnique } from './measure-db-errors.js';
import {
  loadSubmissionContext,
  type SubmissionContext,
  type SubmissionIds,
  type SubmissionServiceDeps,
  scoreIds,
  selfValuesOf,
} from './submission-context.js';
import { buildSubmissionView, toEvidence } from './submission-view.js';
import { submissionIssues } from './submit-checks.js';

// Self-assessment: a unit enters raw values and evidence per component, sees its score live, and submits.
// Every value change is kept in measure_value_history (who/when) besides the audit log.

const canRead = (a: Actor, anc: number[]) => canOnUnit(a, 'measure.read', anc);
const canEnter = (a: Actor, anc: number[]) => canOnUnit(a, 'measure.enter', anc);
const canEnterOrAppraise = (a: Actor, anc: number[]) =>
  canEnter(a, anc) || canOnUnit(a, 'measure.appraise', anc);

const rawJsonOf = (v: ComponentValue | null | undefined) =>
  !v || 'notApplicable' in v ? null : JSON.stringify(v);

export function createSubmissionsService(deps: SubmissionServiceDeps) {
  const { db, submissions, audit, clock, engine } = deps;
  const load = (actor: Actor | null, ids: SubmissionIds, allowed: typeof canRead, exec: Executor = db) =>
    loadSubmissionContext(deps, actor, ids, allowed, exec);

  function checkValuesOrThrow(ctx: SubmissionContext, values: UnitValues, prefix: string) {
    const applicable = new Set(engine.applicableCodes(ctx.framework, ctx.scoringUnit));
    const errors: FieldError[] = engine.checkValues(ctx.framework, values, ctx.scoringUnit).map((i) => ({
      field: [prefix, i.componentCode, i.field].filter(Boolean).join('.'),
      code: i.code,
      params: i.params,
    }));
    for (const [code, value] of Object.entries(values)) {
      const isKnown = !errors.some(
        (e) => e.field === `${prefix}.${code}` && e.code === 'measure.unknown_component',
      );
      if (value && isKnown && !applicable.has(code) && !('notApplicable' in value)) {
        errors.push({ field: `${prefix}.${code}`, code: 'measure.component_not_applicable' });
      }
    }
    if (errors.length) throw new AppError('VALIDATION', { fieldErrors: errors });
  }

  function requireEditable(actor: Actor, ctx: SubmissionContext) {
    const state = { status: ctx.submission?.status ?? 'draft', periodStatus: ctx.period.status };
    if (!canEditSubmission(actor, ctx.ancestors, state)) {
      throw new AppError('INVALID_STATE', {
        detailKey: 'measure.submission_not_editable',
        params: { status: state.status, periodStatus: state.periodStatus },
      });
    }
  }

  async function ensureSubmission(trx: Executor, ctx: SubmissionContext) {
    if (ctx.submission) return ctx.submission;
    const now = clock.now().toISOString();
    return submissions.insert(
      {
        periodId: ctx.period.id,
        unitId: ctx.unit.id,
        status: 'draft',
        round: 0,
        createdAt: now,
        updatedAt: now,
      },
      trx,
    );
  }

  async function view(actor: Actor, ids: SubmissionIds, exec: Executor = db) {
    const ctx = await load(actor, ids, canRead, exec);
    const evidence = ctx.submission ? await submissions.evidence(ctx.submission.id, exec) : [];
    return buildSubmissionView(engine, actor, ctx, evidence);
  }

  return {
    get: (actor: Actor | null, ids: SubmissionIds) => {
      if (!actor) throw new AppError('UNAUTHENTICATED');
      return view(actor, ids);
    },

    async preview(actor: Actor | null, ids: SubmissionIds, body: ValuesBody): Promise<UnitResult> {
      const ctx = await load(actor, ids, canEnterOrAppraise);
      checkValuesOrThrow(ctx, body.values, 'body.values');
      return engine.score(ctx.framework, { ...selfValuesOf(ctx.rows), ...body.values }, ctx.scoringUnit);
    },

    async saveValues(actx: AuditContext, ids: SubmissionIds, body: ValuesBody) {
      const actor = actx.actor as Actor;
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const ctx = await load(actx.actor, ids, canEnter, trx);
          requireEditable(actor, ctx);
          checkValuesOrThrow(ctx, body.values, 'body.values');
          const submission = await ensureSubmission(trx, ctx);
          const current = new Map(ctx.rows.map((r) => [r.componentCode, r]));
          const merged = { ...selfValuesOf(ctx.rows), ...body.values };
          const scored = engine.score(ctx.framework, merged, ctx.scoringUnit);
          const pointsOf = new Map(
            scored.components.map((c) => [c.code, c.status === 'scored' ? c.points : null]),
          );
          const now = clock.now().toISOString();
          const userId = actor.userId;
          const changed = Object.entries(body.values).filter(([code, v]) => {
            const row = current.get(code);
            return rawJsonOf(v) !== (row?.rawJson ?? null) || (!!v && 'notApplicable' in v) !== !!row?.isNa;
          });
          await submissions.upsertValues(
            changed.map(([code, v]) => ({
              submissionId: submission.id,
              componentCode: code,
              rawJson: rawJsonOf(v),
              isNa: v && 'notApplicable' in v ? 1 : 0,
              selfPoints: v ? (pointsOf.get(code) ?? null) : null,
              needsFix: 0,
              updatedBy: userId,
              updatedAt: now,
            })),
            trx,
          );
          // Formula components follow their inputs: refresh stored points that moved.
          for (const row of ctx.rows) {
            const points = pointsOf.get(row.componentCode) ?? null;
            if (!(row.componentCode in body.values) && row.selfPoints !== points) {
              await submissions.updateValue(submission.id, row.componentCode, { selfPoints: points }, trx);
            }
          }
          await submissions.insertHistory(
            changed.map(([code, v]) => ({
              submissionId: submission.id,
              componentCode: code,
              kind: 'self' as const,
              rawJson: rawJsonOf(v),
              isNa: v && 'notApplicable' in v ? 1 : 0,
              points: v ? (pointsOf.get(code) ?? null) : null,
              comment: null,
              changedBy: userId,
              changedAt: now,
            })),
            trx,
          );
          if (changed.length) {
            await submissions.update(submission.id, { updatedAt: now }, trx);
            await deps.scoresService.rescoreSubmission(trx, scoreIds(submission.id, ids), ctx);
            await audit.record(trx, actx, {
              action: 'measure.values.save',
              entity: 'measure_submission',
              entityId: submission.id,
              before: Object.fromEntries(changed.map(([code]) => [code, current.get(code)?.rawJson ?? null])),
              after: Object.fromEntries(changed),
            });
          }
          return view(actor, ids, trx);
        }),
      );
    },

    async addEvidence(actx: AuditContext, ids: SubmissionIds, body: EvidenceCreate) {
      const actor = actx.actor as Actor;
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const ctx = await load(actx.actor, ids, canEnter, trx);
          requireEditable(actor, ctx);
          const fieldErrors: FieldError[] = [];
          if (
            !ctx.framework.groups.some((g) =>
              g.mainIndices.some((m) => m.components.some((c) => c.code === body.componentCode)),
            )
          ) {
            fieldErrors.push({ field: 'body.componentCode', code: 'measure.unknown_component' });
          }
          // Only a file the caller could download may be attached: nobody cites another user's upload by guessing ids.
          const file = body.fileId === undefined ? undefined : await submissions.findFile(body.fileId, trx);
          if (body.fileId !== undefined && (!file || !canDownloadFile(actor, file))) {
            fieldErrors.push({ field: 'body.fileId', code: 'measure.unknown_file' });
          }
          if (fieldErrors.length) throw new AppError('VALIDATION', { fieldErrors });
          const submission = await ensureSubmission(trx, ctx);
          const row = await submissions.insertEvidence(
            {
              submissionId: submission.id,
              componentCode: body.componentCode,
              fileId: body.fileId ?? null,
              docNumber: body.document?.number ?? null,
              docDate: body.document?.date ?? null,
              docTitle: body.document?.title ?? null,
              createdBy: actor.userId,
              createdAt: clock.now().toISOString(),
            },
            trx,
          );
          await audit.record(trx, actx, {
            action: 'measure.evidence.add',
            entity: 'measure_evidence',
            entityId: row.id,
            after: row,
          });
          const listed = (await submissions.evidence(submission.id, trx)).find((e) => e.id === row.id);
          return toEvidence(listed ?? { ...row, fileName: null });
        }),
      );
    },

    async removeEvidence(actx: AuditContext, ids: SubmissionIds, evidenceId: number) {
      const actor = actx.actor as Actor;
      await db.transaction().execute(async (trx) => {
        const ctx = await load(actx.actor, ids, canEnter, trx);
        requireEditable(actor, ctx);
        const row = await submissions.findEvidence(evidenceId, trx);
        if (!row || row.submissionId !== ctx.submission?.id) throw notFound();
        await submissions.deleteEvidence(evidenceId, trx);
        await audit.record(trx, actx, {
          action: 'measure.evidence.remove',
          entity: 'measure_evidence',
          entityId: row.id,
          before: row,
        });
      });
    },

    async submit(actx: AuditContext, ids: SubmissionIds) {
      const actor = actx.actor as Actor;
      return db.transaction().execute(async (trx) => {
        const ctx = await load(actx.actor, ids, canEnter, trx);
        requireEditable(actor, ctx);
        const evidence = ctx.submission ? await submissions.evidence(ctx.submission.id, trx) : [];
        const issues = submissionIssues(engine, ctx, evidence);
        if (issues.length) throw new AppError('VALIDATION', { fieldErrors: issues });
        const submission = ctx.submission as NonNullable<typeof ctx.submission>;
        const now = clock.now().toISOString();
        const patch = {
          status: 'submitted' as const,
          round: submission.round + 1,
          submittedAt: now,
          submittedBy: actor.userId,
          updatedAt: now,
        };
        await submissions.update(submission.id, patch, trx);
        for (const r of ctx.rows.filter((x) => x.needsFix)) {
          await submissions.updateValue(submission.id, r.componentCode, { needsFix: 0 }, trx);
        }
        await audit.record(trx, actx, {
          action: 'measure.submission.submit',
          entity: 'measure_submission',
          entityId: submission.id,
          before: { status: submission.status, round: submission.round },
          after: { status: patch.status, round: patch.round },
        });
        return view(actor, ids, trx);
      });
    },

    /** The stored file behind an evidence item, for anyone who may read the unit's submission. */
    async evidenceFileId(actor: Actor | null, ids: SubmissionIds, evidenceId: number): Promise<number> {
      const ctx = await load(actor, ids, canRead);
      const row = await submissions.findEvidence(evidenceId);
      if (!row || row.submissionId !== ctx.submission?.id || row.fileId === null) throw notFound();
      return row.fileId;
    },

    async history(actor: Actor | null, ids: SubmissionIds) {
      const ctx = await load(actor, ids, canRead);
      if (!ctx.submission) return [];
      return (await submissions.history(ctx.submission.id)).map((h) => ({
        id: h.id,
        componentCode: h.componentCode,
        kind: h.kind,
        value: h.isNa ? { notApplicable: true } : h.rawJson === null ? null : JSON.parse(h.rawJson),
        points: h.points,
        comment: h.comment,
        changedBy: h.changedBy,
        changedByName: h.changedByName ?? null,
        changedAt: h.changedAt,
      }));
    },
  };
}
export type SubmissionsService = ReturnType<typeof createSubmissionsService>;
