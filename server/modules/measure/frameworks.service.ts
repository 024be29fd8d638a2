import type { Kysely } from 'kysely';
import type { StoredFramework } from '../../../core/contracts/measure.js';
import type { Framework, FrameworkIssue } from '../../../core/contracts/measure-framework.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, type FieldError, notFound } from '../../lib/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditContext, AuditService } from '../audit/audit.service.js';
import type { FrameworkRow, FrameworksRepository } from './frameworks.repository.js';
import { canManageFrameworks, canReadFrameworks } from './measure.policy.js';
import { conflictOnUnique } from './measure-db-errors.js';
import type { MeasureEngine } from './measure-engine.js';

// Indicator frameworks stored as versioned JSON definitions. A version used by a published period is
// frozen: saving it makes a new draft version, so published results keep the rules they were computed with.

type FrameworksDeps = {
  db: Kysely<DB>;
  frameworks: FrameworksRepository;
  audit: AuditService;
  clock: Clock;
  engine: MeasureEngine;
};

export function componentCount(def: Framework): number {
  return def.groups.reduce((n, g) => n + g.mainIndices.reduce((m, i) => m + i.components.length, 0), 0);
}

export function parseDefinition(row: FrameworkRow): Framework {
  return JSON.parse(row.definitionJson) as Framework;
}

export function toStoredFramework(row: FrameworkRow): StoredFramework {
  const def = parseDefinition(row);
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    status: row.status,
    derivedFromId: row.derivedFromId,
    componentCount: componentCount(def),
    maxPoints: def.maxPoints,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const toDetail = (row: FrameworkRow) => ({
  ...toStoredFramework(row),
  definition: parseDefinition(row),
  canEdit: true,
});

export function issuesToFieldErrors(issues: FrameworkIssue[]): FieldError[] {
  return issues.map((i) => ({
    field: ['body', 'definition', ...i.path.map(String)].join('.'),
    code: i.code,
    params: i.params,
  }));
}

function requireManage(actor: Actor | null) {
  if (!canManageFrameworks(actor)) throw new AppError('FORBIDDEN');
}

export function createFrameworksService(deps: FrameworksDeps) {
  const { db, frameworks, audit, clock, engine } = deps;

  function validateOrThrow(definition: unknown) {
    const outcome = engine.validate(definition);
    if (!outcome.ok) throw new AppError('VALIDATION', { fieldErrors: issuesToFieldErrors(outcome.issues) });
    return outcome;
  }

  async function insertVersion(
    trx: Executor,
    ctx: AuditContext,
    framework: Framework,
    derivedFromId: number | null,
  ): Promise<FrameworkRow> {
    const now = clock.now().toISOString();
    const version = (await frameworks.maxVersion(framework.code, trx)) + 1;
    const row = await frameworks.insert(
      {
        code: framework.code,
        version,
        name: framework.name,
        status: 'draft',
        definitionJson: JSON.stringify(framework),
        derivedFromId,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      },
      trx,
    );
    await audit.record(trx, ctx, {
      action: 'measure.framework.create',
      entity: 'measure_framework',
      entityId: row.id,
      after: { code: row.code, version, name: row.name, derivedFromId },
    });
    return row;
  }

  async function findOr404(id: number, exec: Executor = db) {
    const row = await frameworks.find(id, exec);
    if (!row) throw notFound();
    return row;
  }

  return {
    listTemplates(actor: Actor | null) {
      requireManage(actor);
      return engine.templates().map(({ key, framework }) => ({
        key,
        code: framework.code,
        name: framework.name,
        componentCount: componentCount(framework),
        maxPoints: framework.maxPoints,
      }));
    },

    async list(actor: Actor | null) {
      if (!canReadFrameworks(actor)) throw new AppError('FORBIDDEN');
      return (await frameworks.list()).map(toStoredFramework);
    },

    async get(actor: Actor | null, id: number) {
      if (!canReadFrameworks(actor)) throw new AppError('FORBIDDEN');
      const row = await findOr404(id);
      return { ...toDetail(row), canEdit: canManageFrameworks(actor) };
    },

    async exportDefinition(actor: Actor | null, id: number): Promise<Framework> {
      if (!canReadFrameworks(actor)) throw new AppError('FORBIDDEN');
      return parseDefinition(await findOr404(id));
    },

    async createFromTemplate(ctx: AuditContext, templateKey: string) {
      requireManage(ctx.actor);
      const template = engine.templates().find((t) => t.key === templateKey);
      if (!template) {
        throw new AppError('VALIDATION', {
          fieldErrors: [{ field: 'body.templateKey', code: 'measure.unknown_template' }],
        });
      }
      const row = await conflictOnUnique(
        db.transaction().execute((trx) => insertVersion(trx, ctx, template.framework, null)),
      );
      return toDetail(row);
    },

    async importDefinition(ctx: AuditContext, definition: unknown) {
      requireManage(ctx.actor);
      const outcome = validateOrThrow(definition);
      const row = await conflictOnUnique(
        db.transaction().execute((trx) => insertVersion(trx, ctx, outcome.framework, null)),
      );
      return { framework: toDetail(row), createdNewVersion: false, warnings: outcome.warnings };
    },

    async saveDefinition(ctx: AuditContext, id: number, definition: unknown) {
      requireManage(ctx.actor);
      const outcome = validateOrThrow(definition);
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const row = await findOr404(id, trx);
          if (outcome.framework.code !== row.code) {
            throw new AppError('VALIDATION', {
              fieldErrors: [{ field: 'body.definition.code', code: 'measure.framework_code_changed' }],
            });
          }
          const frozen = row.status === 'frozen' || (await frameworks.isUsedByPublishedPeriod(id, trx));
          if (frozen) {
            const copy = await insertVersion(trx, ctx, outcome.framework, row.id);
            return { framework: toDetail(copy), createdNewVersion: true, warnings: outcome.warnings };
          }
          const now = clock.now().toISOString();
          const definitionJson = JSON.stringify(outcome.framework);
          await frameworks.update(id, { name: outcome.framework.name, definitionJson, updatedAt: now }, trx);
          await audit.record(trx, ctx, {
            action: 'measure.framework.update',
            entity: 'measure_framework',
            entityId: id,
            before: { name: row.name, definition: parseDefinition(row) },
            after: { name: outcome.framework.name, definition: outcome.framework },
          });
          const updated = await findOr404(id, trx);
          return { framework: toDetail(updated), createdNewVersion: false, warnings: outcome.warnings };
        }),
      );
    },

    /** Called when a period using this version is published. */
    async freeze(trx: Executor, ctx: AuditContext, id: number) {
      const row = await findOr404(id, trx);
      if (row.status === 'frozen') return;
      await frameworks.update(id, { status: 'frozen', updatedAt: clock.now().toISOString() }, trx);
      await audit.record(trx, ctx, {
        action: 'measure.framework.freeze',
        entity: 'measure_framework',
        entityId: id,
        before: { status: row.status },
        after: { status: 'frozen' },
      });
    },
  };
}
export type FrameworksService = ReturnType<typeof createFrameworksService>;
