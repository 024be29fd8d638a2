import type { Kysely } from 'kysely';
import type {
  Component,
  ComponentValue,
  Framework,
  UnitValues,
} from '../../../core/contracts/measure-framework.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FrameworkRow, FrameworksRepository } from './frameworks.repository.js';
import { parseDefinition } from './frameworks.service.js';
import { measureUnitKind } from './measure.policy.js';
import type { MeasureEngine, ScoringUnit } from './measure-engine.js';
import type { MeasureUnit, MeasureUnitsRepository } from './measure-units.repository.js';
import type { PeriodsRepository, PeriodWithFramework } from './periods.repository.js';
import type { ScoresService } from './scores.service.js';
import type {
  ScoringValueRow,
  SubmissionRow,
  SubmissionsRepository,
  ValueRow,
} from './submissions.repository.js';

// Loads what every submission use case needs (period, framework, unit, submission, values) in one place,
// checking the permission on the unit BEFORE revealing whether the period or submission exists.

export type SubmissionContext = {
  period: PeriodWithFramework;
  /** The stored row the framework was parsed from; its id and stamp go with every stored score. */
  frameworkRow: FrameworkRow;
  framework: Framework;
  unit: MeasureUnit;
  scoringUnit: ScoringUnit;
  ancestors: number[];
  submission: SubmissionRow | undefined;
  rows: ValueRow[];
};

export type ContextDeps = {
  periods: PeriodsRepository;
  frameworks: FrameworksRepository;
  units: MeasureUnitsRepository;
  submissions: SubmissionsRepository;
};

export type SubmissionIds = { periodId: number; unitId: number };

/** What the self-assessment and appraisal services both need: the context loaders plus the write side. */
export type SubmissionServiceDeps = ContextDeps & {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  engine: MeasureEngine;
  scoresService: ScoresService;
};

export const scoreIds = (submissionId: number, ids: SubmissionIds) => ({ submissionId, ...ids });

export async function loadSubmissionContext(
  deps: ContextDeps,
  actor: Actor | null,
  ids: SubmissionIds,
  allowed: (actor: Actor, ancestors: number[]) => boolean,
  exec: Executor,
): Promise<SubmissionContext> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const ancestors = await deps.units.ancestorIds(ids.unitId, exec);
  if (!allowed(actor, ancestors)) throw new AppError('FORBIDDEN');
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
    framework: parseDefinition(frameworkRow),
    unit,
    scoringUnit: { kind: measureUnitKind(unit), groups },
    ancestors,
    submission,
    rows,
  };
}

export const parseRaw = (json: string | null): ComponentValue | null =>
  json === null ? null : (JSON.parse(json) as ComponentValue);

export function selfValuesOf(rows: Pick<ValueRow, 'componentCode' | 'rawJson' | 'isNa'>[]): UnitValues {
  const values: UnitValues = {};
  for (const r of rows) {
    if (r.isNa) values[r.componentCode] = { notApplicable: true };
    else if (r.rawJson !== null) values[r.componentCode] = parseRaw(r.rawJson);
  }
  return values;
}

/** Appraised values where the appraiser gave one, else the unit's own; explicit appraised points override. */
export function effectiveValuesOf(rows: ScoringValueRow[]): {
  values: UnitValues;
  overrides: Record<string, number>;
} {
  const values = selfValuesOf(rows);
  const overrides: Record<string, number> = {};
  for (const r of rows) {
    if (r.appraisedIsNa) values[r.componentCode] = { notApplicable: true };
    else if (r.appraisedRawJson !== null) values[r.componentCode] = parseRaw(r.appraisedRawJson);
    if (r.appraisedPoints !== null) overrides[r.componentCode] = r.appraisedPoints;
  }
  return { values, overrides };
}

export const hasAppraisal = (rows: ValueRow[]) =>
  rows.some((r) => r.appraisedPoints !== null || r.appraisedRawJson !== null || r.appraisedIsNa);

export function componentsOf(framework: Framework): Component[] {
  return framework.groups.flatMap((g) => g.mainIndices.flatMap((m) => m.components));
}
