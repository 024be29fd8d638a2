import type { AppraisalBody } from '../../../../core/contracts/measure.js';
import { componentsOf, effectiveValuesOf } from '../../../../core/measure/values.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, type FieldError } from '../../../lib/errors.js';
import { canAppraiseSubmission, canAppraiseUnit } from '../measure.policy.js';
import type { AppraisalDeps, AppraisalService, SubmissionContext, SubmissionIds } from '../measure.types.js';
import { scoreWithOverrides } from '../scoring/measure-engine.js';
import { loadSubmissionContext, scoreIds } from '../submissions/submission-context.js';
import { buildSubmissionView } from '../submissions/submission-view.js';

// Appraisal (thẩm định): the appraiser sets appraised values or points and comments per component,
// returns the submission with the components to fix, or approves it, which locks the data. Returning and
// approving tell the unit's officers (in-app and email) in the same transaction.

export function createAppraisalService(deps: AppraisalDeps): AppraisalService {
  const { db, submissions, audit, clock, engine, notices } = deps;
  const noticeUnit = (ctx: SubmissionContext) => ({
    periodId: ctx.period.id,
    periodName: ctx.period.name,
    unitId: ctx.unit.id,
    unitName: ctx.unit.name,
  });

  function requireSubmitted(actor: Actor, ctx: SubmissionContext) {
    const state = {
      status: ctx.submission?.status ?? 'draft',
      periodStatus: ctx.period.status,
      reopened: Boolean(ctx.submission?.reopenedAt),
    };
    if (!ctx.submission || !canAppraiseSubmission(actor, ctx.ancestors, state)) {
      throw new AppError('INVALID_STATE', {
        detailKey: 'measure.submission_not_submitted',
        params: { status: state.status },
      });
    }
    return ctx.submission;
  }

  function checkBody(ctx: SubmissionContext, body: AppraisalBody) {
    const max = new Map(componentsOf(ctx.framework).map((c) => [c.code, c.maxPoints]));
    const errors: FieldError[] = [];
    const values = Object.fromEntries(
      Object.entries(body.components).flatMap(([code, c]) => (c.value ? [[code, c.value]] : [])),
    );
    for (const i of engine.checkValues(ctx.framework, values, ctx.scoringUnit)) {
      errors.push({
        field: ['body.components', i.componentCode, 'value', i.field].filter(Boolean).join('.'),
        code: i.code,
        params: i.params,
      });
    }
    for (const [code, c] of Object.entries(body.components)) {
      const m = max.get(code);
      if (m === undefined) {
        if (!c.value) errors.push({ field: `body.components.${code}`, code: 'measure.unknown_component' });
      } else if (c.points !== undefined && c.points !== null && c.points > m) {
        errors.push({ field: `body.components.${code}.points`, code: 'too_big', params: { maximum: m } });
      }
    }
    if (errors.length) throw new AppError('VALIDATION', { fieldErrors: errors });
  }

  const view = async (actor: Actor | null, ids: SubmissionIds, exec: Executor = db) => {
    const ctx = await loadSubmissionContext(deps, actor, ids, canAppraiseUnit, exec);
    const evidence = ctx.submission ? await submissions.evidence(ctx.submission.id, exec) : [];
    return buildSubmissionView(engine, ctx.actor, ctx, evidence);
  };

  return {
    get: (actor, ids) => view(actor, ids),

    async appraise(actx, ids, body) {
      return db.transaction().execute(async (trx) => {
        const ctx = await loadSubmissionContext(deps, actx.actor, ids, canAppraiseUnit, trx);
        const { actor } = ctx;
        const submission = requireSubmitted(actor, ctx);
        checkBody(ctx, body);
        const now = clock.now().toISOString();
        const current = new Map(ctx.rows.map((r) => [r.componentCode, r]));
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const [code, c] of Object.entries(body.components)) {
          const row = current.get(code);
          if (!row) {
            await submissions.upsertValues(
              [
                {
                  submissionId: submission.id,
                  componentCode: code,
                  rawJson: null,
                  isNa: 0,
                  selfPoints: null,
                  needsFix: 0,
                  updatedBy: null,
                  updatedAt: now,
                },
              ],
              trx,
            );
          }
          const patch: Record<string, unknown> = {};
          if (c.value !== undefined) {
            patch.appraisedIsNa = c.value && 'notApplicable' in c.value ? 1 : c.value ? 0 : null;
            patch.appraisedRawJson =
              c.value && !('notApplicable' in c.value) ? JSON.stringify(c.value) : null;
          }
          if (c.points !== undefined) patch.appraisedPoints = c.points;
          if (c.comment !== undefined) patch.appraisalComment = c.comment;
          before[code] = row
            ? { value: row.appraisedRawJson, points: row.appraisedPoints, comment: row.appraisalComment }
            : null;
          after[code] = c;
          await submissions.updateValue(submission.id, code, patch, trx);
        }
        // Appraised values without explicit points take the engine's points, so the column is always the final word.
        const rows = await submissions.values(submission.id, trx);
        const { values, overrides } = effectiveValuesOf(rows);
        const scored = scoreWithOverrides(ctx.framework, values, ctx.scoringUnit, overrides);
        const pointsOf = new Map(
          scored.components.map((x) => [x.code, x.status === 'scored' ? x.points : null]),
        );
        for (const [code, c] of Object.entries(body.components)) {
          if (c.value !== undefined && c.points === undefined) {
            await submissions.updateValue(
              submission.id,
              code,
              { appraisedPoints: c.value ? (pointsOf.get(code) ?? null) : null },
              trx,
            );
          }
        }
        const saved = await submissions.values(submission.id, trx);
        const finalRows = new Map(saved.map((r) => [r.componentCode, r]));
        await submissions.insertHistory(
          Object.keys(body.components).map((code) => {
            const r = finalRows.get(code);
            return {
              submissionId: submission.id,
              componentCode: code,
              kind: 'appraisal' as const,
              rawJson: r?.appraisedRawJson ?? null,
              isNa: r?.appraisedIsNa ? 1 : 0,
              points: r?.appraisedPoints ?? null,
              comment: r?.appraisalComment ?? null,
              changedBy: actor.userId,
              changedAt: now,
            };
          }),
          trx,
        );
        await submissions.update(submission.id, { updatedAt: now }, trx);
        await deps.scoresService.rescoreSubmission(trx, scoreIds(submission.id, ids), ctx, saved);
        await audit.record(trx, actx, {
          action: 'measure.appraisal.save',
          entity: 'measure_submission',
          entityId: submission.id,
          before,
          after,
        });
        return view(actor, ids, trx);
      });
    },

    async returnForCorrection(actx, ids, body) {
      return db.transaction().execute(async (trx) => {
        const ctx = await loadSubmissionContext(deps, actx.actor, ids, canAppraiseUnit, trx);
        const { actor } = ctx;
        const submission = requireSubmitted(actor, ctx);
        const known = new Set(componentsOf(ctx.framework).map((c) => c.code));
        const unknown = body.components.findIndex((c) => !known.has(c.code));
        if (unknown >= 0) {
          throw new AppError('VALIDATION', {
            fieldErrors: [{ field: `body.components.${unknown}.code`, code: 'measure.unknown_component' }],
          });
        }
        const now = clock.now().toISOString();
        const existing = new Set(ctx.rows.map((r) => r.componentCode));
        for (const c of body.components) {
          if (!existing.has(c.code)) {
            await submissions.upsertValues(
              [
                {
                  submissionId: submission.id,
                  componentCode: c.code,
                  rawJson: null,
                  isNa: 0,
                  selfPoints: null,
                  needsFix: 1,
                  updatedBy: null,
                  updatedAt: now,
                },
              ],
              trx,
            );
          }
          await submissions.updateValue(
            submission.id,
            c.code,
            { needsFix: 1, appraisalComment: c.comment },
            trx,
          );
        }
        await submissions.insertHistory(
          body.components.map((c) => ({
            submissionId: submission.id,
            componentCode: c.code,
            kind: 'appraisal' as const,
            rawJson: null,
            isNa: 0,
            points: null,
            comment: c.comment,
            changedBy: actor.userId,
            changedAt: now,
          })),
          trx,
        );
        await submissions.update(
          submission.id,
          { status: 'returned', returnComment: body.comment, updatedAt: now },
          trx,
        );
        // Cached rankings re-read a submission whose status changed (only approved ones are ranked).
        await deps.scoresService.touchSubmission(trx, {
          submissionId: submission.id,
          periodId: ids.periodId,
        });
        await audit.record(trx, actx, {
          action: 'measure.submission.return',
          entity: 'measure_submission',
          entityId: submission.id,
          before: { status: submission.status },
          after: { status: 'returned', comment: body.comment, components: body.components },
        });
        await notices.returned(trx, noticeUnit(ctx), {
          submissionId: submission.id,
          round: submission.round,
          items: body.components.map((c) => {
            const named = componentsOf(ctx.framework).find((x) => x.code === c.code);
            return named ? `${c.code} ${named.name} (${c.comment})` : c.code;
          }),
          comment: body.comment,
        });
        return view(actor, ids, trx);
      });
    },

    async approve(actx, ids) {
      return db.transaction().execute(async (trx) => {
        const ctx = await loadSubmissionContext(deps, actx.actor, ids, canAppraiseUnit, trx);
        const { actor } = ctx;
        const submission = requireSubmitted(actor, ctx);
        const now = clock.now().toISOString();
        await submissions.update(
          submission.id,
          // A reopened submission is locked again once approved.
          {
            status: 'approved',
            approvedAt: now,
            approvedBy: actor.userId,
            updatedAt: now,
            reopenedAt: null,
            reopenedBy: null,
          },
          trx,
        );
        // Approval puts the unit in the live ranking, which reads its stored score; its values did not change.
        await deps.scoresService.rescoreSubmission(trx, scoreIds(submission.id, ids), ctx, ctx.rows);
        await audit.record(trx, actx, {
          action: 'measure.submission.approve',
          entity: 'measure_submission',
          entityId: submission.id,
          before: { status: submission.status },
          after: { status: 'approved', approvedAt: now },
        });
        const approved = await view(actor, ids, trx);
        await notices.approved(trx, noticeUnit(ctx), {
          submissionId: submission.id,
          round: submission.round,
          points: approved.appraisedScore?.total.points ?? approved.selfScore.total.points,
        });
        return approved;
      });
    },
  };
}
