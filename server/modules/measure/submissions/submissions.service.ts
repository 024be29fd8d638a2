import type { ComponentValue, UnitValues } from '../../../../core/contracts/measure-framework.js';
import { parseRaw, selfValuesOf } from '../../../../core/measure/values.js';
import type { Executor } from '../../../db/executor.js';
import type { UnitRule } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, type FieldError, notFound } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import { canEditSubmission, canEnterUnit, canPreviewUnit, canReadUnit } from '../measure.policy.js';
import type {
  SubmissionContext,
  SubmissionIds,
  SubmissionsDeps,
  SubmissionsService,
} from '../measure.types.js';
import { conflictOnUnique } from '../shared/measure-db-errors.js';
import { loadSubmissionContext, scoreIds } from './submission-context.js';
import { buildSubmissionView, toEvidence } from './submission-view.js';
import { submissionIssues } from './submit-checks.js';

// Self-assessment: a unit enters raw values and evidence per component, sees its score live, and submits.
// Every value change is kept in measure_value_history (who/when) besides the audit log.

// Not applicable is the is_na flag; its reason, when the unit gave one, is kept as the row's raw JSON so it
// reaches the appraiser, the history and the exports (it was dropped before: input acknowledged, then lost).
const rawJsonOf = (v: ComponentValue | null | undefined) =>
  !v
    ? null
    : 'notApplicable' in v
      ? v.reason?.trim()
        ? JSON.stringify({ notApplicable: true, reason: v.reason.trim() })
        : null
      : JSON.stringify(v);

export function createSubmissionsService(deps: SubmissionsDeps): SubmissionsService {
  const { db, submissions, audit, clock, engine, files } = deps;
  const load = (actor: Actor | null, ids: SubmissionIds, rule: UnitRule, exec: Executor = db) =>
    loadSubmissionContext(deps, actor, ids, rule, exec);

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
    const state = {
      status: ctx.submission?.status ?? 'draft',
      periodStatus: ctx.period.status,
      reopened: Boolean(ctx.submission?.reopenedAt),
    };
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

  async function view(actor: Actor | null, ids: SubmissionIds, exec: Executor = db) {
    const ctx = await load(actor, ids, canReadUnit, exec);
    const evidence = ctx.submission ? await submissions.evidence(ctx.submission.id, exec) : [];
    return buildSubmissionView(engine, ctx.actor, ctx, evidence);
  }

  return {
    get: (actor, ids) => view(actor, ids),

    async preview(actor, ids, body) {
      const ctx = await load(actor, ids, canPreviewUnit);
      checkValuesOrThrow(ctx, body.values, 'body.values');
      return engine.score(ctx.framework, { ...selfValuesOf(ctx.rows), ...body.values }, ctx.scoringUnit);
    },

    async saveValues(actx, ids, body) {
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const ctx = await load(actx.actor, ids, canEnterUnit, trx);
          const { actor } = ctx;
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

    async addEvidence(actx, ids, body) {
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const ctx = await load(actx.actor, ids, canEnterUnit, trx);
          const { actor } = ctx;
          requireEditable(actor, ctx);
          const fieldErrors: FieldError[] = [];
          if (
            !ctx.framework.groups.some((g) =>
              g.mainIndices.some((m) => m.components.some((c) => c.code === body.componentCode)),
            )
          ) {
            fieldErrors.push({ field: 'body.componentCode', code: 'measure.unknown_component' });
          }
          // A file is attached by its uploader or by a writer of the unit it already belongs to (issue 8 #2): an
          // admin elsewhere must not hand another unit's evidence to the readers of its own.
          const file = body.fileId === undefined ? undefined : await submissions.findFile(body.fileId, trx);
          const fileAncestors = file?.unitId ? await unitAncestorIds(trx, file.unitId) : [];
          if (
            body.fileId !== undefined &&
            (!file || !canAttachFile(actor, file, fileAncestors, 'measure.enter'))
          ) {
            fieldErrors.push({ field: 'body.fileId', code: 'measure.unknown_file' });
          }
          if (fieldErrors.length) throw new AppError('VALIDATION', { fieldErrors });
          const submission = await ensureSubmission(trx, ctx);
          const row = await submissions.insertEvidence(
            {
              submissionId: submission.id,
              componentCode: body.componentCode,
              fileId: file?.id ?? null,
              docNumber: body.document?.number ?? null,
              docDate: body.document?.date ?? null,
              docTitle: body.document?.title ?? null,
              createdBy: actor.userId,
              createdAt: clock.now().toISOString(),
            },
            trx,
          );
          // A file without a unit now belongs to the unit whose evidence it is.
          if (file) await submissions.assignFileUnit(file.id, ctx.unit.id, trx);
          await audit.record(trx, actx, {
            action: 'measure.evidence.add',
            entity: 'measure_evidence',
            entityId: row.id,
            after: row,
          });
          const listed = (await submissions.evidence(submission.id, trx)).find((e) => e.id === row.id);
          return toEvidence(listed ?? { ...row, fileName: null, filePublicId: null });
        }),
      );
    },

    async removeEvidence(actx, ids, evidenceId) {
      await db.transaction().execute(async (trx) => {
        const ctx = await load(actx.actor, ids, canEnterUnit, trx);
        const { actor } = ctx;
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

    async submit(actx, ids) {
      return db.transaction().execute(async (trx) => {
        const ctx = await load(actx.actor, ids, canEnterUnit, trx);
        const { actor } = ctx;
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

    async evidenceFile(actor, ids, evidenceId) {
      const ctx = await load(actor, ids, canReadUnit);
      const row = await submissions.findEvidence(evidenceId);
      if (!row || row.submissionId !== ctx.submission?.id || row.fileId === null) throw notFound();
      const file = await files.get(row.fileId);
      if (!file) throw notFound();
      return {
        file,
        body: {
          path: files.pathOf(file),
          size: file.size,
          sha256: file.sha256,
          open: () => files.open(file),
          logContext: { fileId: file.id, storageKey: file.storageKey, evidenceId },
        },
      };
    },

    async history(actor, ids) {
      const ctx = await load(actor, ids, canReadUnit);
      if (!ctx.submission) return [];
      return (await submissions.history(ctx.submission.id)).map((h) => ({
        id: h.id,
        componentCode: h.componentCode,
        kind: h.kind,
        value: h.isNa
          ? (parseRaw(h.rawJson) ?? { notApplicable: true })
          : h.rawJson === null
            ? null
            : JSON.parse(h.rawJson),
        points: h.points,
        comment: h.comment,
        changedBy: h.changedBy,
        changedByName: h.changedByName ?? null,
        changedAt: h.changedAt,
      }));
    },
  };
}
