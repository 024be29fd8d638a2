import type { Evidence, SubmissionView } from '../../../../core/contracts/measure.js';
import {
  componentsOf,
  effectiveValuesOf,
  hasAppraisal,
  parseRaw,
  selfValuesOf,
} from '../../../../core/measure/values.js';
import type { Actor } from '../../../lib/actor.js';
import { canAppraiseSubmission, canEditSubmission } from '../measure.policy.js';
import type { SubmissionContext } from '../measure.types.js';
import type { MeasureEngine } from '../scoring/measure-engine.js';
import { scoreWithOverrides } from '../scoring/measure-engine.js';
import type { EvidenceRow } from './submissions.repository.js';

export function toEvidence(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    componentCode: row.componentCode,
    fileId: row.filePublicId,
    fileName: row.fileName,
    document:
      row.docNumber !== null
        ? { number: row.docNumber, date: row.docDate ?? '', title: row.docTitle ?? '' }
        : null,
    createdAt: row.createdAt,
  };
}

/** The submission as the form and the appraisal screen show it, with the actions the actor may take. */
export function buildSubmissionView(
  engine: MeasureEngine,
  actor: Actor,
  ctx: SubmissionContext,
  evidence: EvidenceRow[],
): SubmissionView {
  const { submission, rows, framework, scoringUnit } = ctx;
  const status = submission?.status ?? 'draft';
  const state = { status, periodStatus: ctx.period.status, reopened: Boolean(submission?.reopenedAt) };
  const byCode = new Map(rows.map((r) => [r.componentCode, r]));
  const selfScore = engine.score(framework, selfValuesOf(rows), scoringUnit);
  const effective = effectiveValuesOf(rows);
  const appraisedScore =
    hasAppraisal(rows) || status === 'approved'
      ? scoreWithOverrides(framework, effective.values, scoringUnit, effective.overrides)
      : null;
  const selfPoints = new Map(selfScore.components.map((c) => [c.code, c]));
  const canEdit = canEditSubmission(actor, ctx.ancestors, state);
  return {
    id: submission?.id ?? null,
    periodId: ctx.period.id,
    unitId: ctx.unit.id,
    unitName: ctx.unit.name,
    status,
    round: submission?.round ?? 0,
    returnComment: submission?.returnComment ?? null,
    submittedAt: submission?.submittedAt ?? null,
    approvedAt: submission?.approvedAt ?? null,
    reopenedAt: submission?.reopenedAt ?? null,
    components: componentsOf(framework).map((c) => {
      const row = byCode.get(c.code);
      const scored = selfPoints.get(c.code);
      return {
        code: c.code,
        value: row
          ? row.isNa
            ? (parseRaw(row.rawJson) ?? { notApplicable: true })
            : parseRaw(row.rawJson)
          : null,
        selfPoints: scored && scored.status === 'scored' ? scored.points : null,
        appraisedValue: row?.appraisedIsNa
          ? { notApplicable: true }
          : parseRaw(row?.appraisedRawJson ?? null),
        appraisedPoints: row?.appraisedPoints ?? null,
        appraisalComment: row?.appraisalComment ?? null,
        needsFix: !!row?.needsFix,
        evidence: evidence.filter((e) => e.componentCode === c.code).map(toEvidence),
        updatedAt: row?.updatedAt ?? null,
      };
    }),
    selfScore,
    appraisedScore,
    actions: {
      canEdit,
      canSubmit: canEdit,
      canAppraise: canAppraiseSubmission(actor, ctx.ancestors, state),
    },
  };
}
