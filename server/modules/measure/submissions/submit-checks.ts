import { componentsOf, selfValuesOf } from '../../../../core/measure/values.js';
import type { FieldError } from '../../../lib/errors.js';
import type { SubmissionContext } from '../measure.types.js';
import type { MeasureEngine } from '../scoring/measure-engine.js';
import { consistencyIssues } from './consistency-checks.js';
import type { EvidenceRow } from './submissions.repository.js';

/**
 * What stops a submission: every applicable component answered (a value or N/A; formulas are computed),
 * every answer evaluable (e.g. no zero denominator), evidence attached where the framework asks for it, and
 * the framework's consistency rules between components kept.
 */
export function submissionIssues(
  engine: MeasureEngine,
  ctx: SubmissionContext,
  evidence: EvidenceRow[],
): FieldError[] {
  const values = selfValuesOf(ctx.rows);
  const result = engine.score(ctx.framework, values, ctx.scoringUnit);
  const byCode = new Map(result.components.map((c) => [c.code, c]));
  const withEvidence = new Set(evidence.map((e) => e.componentCode));
  const issues: FieldError[] = [];
  for (const component of componentsOf(ctx.framework)) {
    const scored = byCode.get(component.code);
    if (!scored || scored.explanation.code === 'not_applicable_to_unit') continue;
    const value = values[component.code];
    const isFormula = component.rule.kind === 'formula';
    if (!isFormula && (value === undefined || value === null)) {
      issues.push({ field: `values.${component.code}`, code: 'required' });
      continue;
    }
    if (scored.status === 'not_evaluable') {
      issues.push({
        field: `values.${component.code}`,
        code: 'measure.not_evaluable',
        params: { reason: scored.explanation.code },
      });
    }
    const isNa = !!value && 'notApplicable' in value;
    if (!isFormula && !isNa && component.requiredEvidence && !withEvidence.has(component.code)) {
      issues.push({
        field: `evidence.${component.code}`,
        code: 'measure.evidence_required',
        params: { evidence: component.requiredEvidence },
      });
    }
  }
  issues.push(...consistencyIssues(ctx.framework, values));
  return issues;
}
