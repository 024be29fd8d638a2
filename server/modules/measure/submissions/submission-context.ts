import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import { measureUnitKind } from '../../../../core/units/kind.js';
import type { Executor } from '../../../db/executor.js';
import type { UnitRule } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/errors.js';
import type { ContextDeps, SubmissionContext, SubmissionIds } from '../measure.types.js';

// Loads what every submission use case needs (period, framework, unit, submission, values) in one place.
// The unit is named by the request, so the guard checks the permission on it BEFORE revealing whether the
// period or submission exists (401 → 403 → 404).

export const scoreIds = (submissionId: number, ids: SubmissionIds) => ({ submissionId, ...ids });

export async function loadSubmissionContext(
  deps: ContextDeps,
  actor: Actor | null,
  ids: SubmissionIds,
  rule: UnitRule,
  exec?: Executor,
): Promise<SubmissionContext> {
  const access = await deps.guard.forUnit(actor, rule, ids.unitId, exec);
  const unit = await deps.units.findUnit(ids.unitId, exec);
  const period = await deps.periods.find(ids.periodId, exec);
  const groups = unit && period ? await deps.periods.periodUnitGroups(period.id, unit.id, exec) : undefined;
  if (!unit || !period || !groups) throw notFound();
  const frameworkRow = await deps.frameworks.find(period.frameworkId, exec);
  if (!frameworkRow) throw notFound();
  const submission = await deps.submissions.find(period.id, unit.id, exec);
  const rows = submission ? await deps.submissions.values(submission.id, exec) : [];
  return {
    period,
    frameworkRow,
    // Relative deadlines ('{year}-03-31') fall in the period's year.
    framework: frameworkForYear(parseDefinition(frameworkRow), period.year),
    unit,
    scoringUnit: { kind: measureUnitKind(unit), groups },
    actor: access.actor,
    ancestors: access.ancestors,
    submission,
    rows,
  };
}
