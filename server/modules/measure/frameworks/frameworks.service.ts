import type { StoredFramework } from '../../../../core/contracts/measure.js';
import type { Framework, FrameworkIssue } from '../../../../core/contracts/measure-framework.js';
import { componentCount, parseDefinition } from '../../../../core/measure/values.js';
import type { Executor } from '../../../db/executor.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, type FieldError, notFound } from '../../../lib/errors.js';
import { canManageFrameworks, canReadFrameworks } from '../measure.policy.js';
import type { FrameworksDeps, FrameworksService } from '../measure.types.js';
import { conflictOnUnique } from '../shared/measure-db-errors.js';
import type { FrameworkRow } from './frameworks.repository.js';

// Indicator frameworks stored as versioned JSON definitions. A version used by any period (open or published)
// is never changed in place: saving it makes a new draft version, so a period keeps the rules it started with.
// Each framework belongs to an owner unit; managing it needs measure.manage there (framework-owners.ts).

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

// Frameworks belong to no unit: reading needs measure.read and managing measure.manage somewhere.
function requireManage(actor: Actor | null) {
  if (!canManageFrameworks(requireSignedIn(actor))) throw new AppError('FORBIDDEN');
}
function requireRead(actor: Actor | null) {
  if (!canReadFrameworks(requireSignedIn(actor))) throw new AppError('FORBIDDEN');
}

export function createFrameworksService(deps: FrameworksDeps): FrameworksService {
  const { db, frameworks, audit, clock, engine, owners } = deps;

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
    ownerUnitId: number | null,
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
        ownerUnitId,
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
      after: { code: row.code, version, name: row.name, derivedFromId, ownerUnitId },
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
      requireRead(actor);
      return (await owners.readable(requireSignedIn(actor), await frameworks.list())).map(toStoredFramework);
    },

    async get(actor: Actor | null, id: number) {
      requireRead(actor);
      const row = await findOr404(id);
      await owners.requireRead(actor, row);
      return { ...toDetail(row), canEdit: await owners.canManage(actor, row) };
    },

    async exportDefinition(actor: Actor | null, id: number): Promise<Framework> {
      requireRead(actor);
      const row = await findOr404(id);
      await owners.requireRead(actor, row);
      return parseDefinition(row);
    },

    async createFromTemplate(ctx: AuditContext, templateKey: string, ownerUnitId?: number) {
      requireManage(ctx.actor);
      const template = engine.templates().find((t) => t.key === templateKey);
      if (!template) {
        throw new AppError('VALIDATION', {
          fieldErrors: [{ field: 'body.templateKey', code: 'measure.unknown_template' }],
        });
      }
      const row = await conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const owner = await owners.ownerForNew(ctx.actor, template.framework.code, ownerUnitId, trx);
          return insertVersion(trx, ctx, template.framework, null, owner);
        }),
      );
      return toDetail(row);
    },

    async importDefinition(ctx: AuditContext, definition: unknown, ownerUnitId?: number) {
      requireManage(ctx.actor);
      // The unit asked for is checked before the definition, so a caller learns nothing about another's.
      if (ownerUnitId !== undefined) await owners.requireManage(ctx.actor, { ownerUnitId });
      const outcome = validateOrThrow(definition);
      const row = await conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const owner = await owners.ownerForNew(ctx.actor, outcome.framework.code, ownerUnitId, trx);
          return insertVersion(trx, ctx, outcome.framework, null, owner);
        }),
      );
      return { framework: toDetail(row), createdNewVersion: false, warnings: outcome.warnings };
    },

    async saveDefinition(ctx: AuditContext, id: number, definition: unknown) {
      requireManage(ctx.actor);
      const outcome = validateOrThrow(definition);
      return conflictOnUnique(
        db.transaction().execute(async (trx) => {
          const row = await findOr404(id, trx);
          await owners.requireManage(ctx.actor, row, trx);
          if (outcome.framework.code !== row.code) {
            throw new AppError('VALIDATION', {
              fieldErrors: [{ field: 'body.definition.code', code: 'measure.framework_code_changed' }],
            });
          }
          const frozen = row.status === 'frozen' || (await frameworks.isUsedByAnyPeriod(id, trx));
          if (frozen) {
            const copy = await insertVersion(trx, ctx, outcome.framework, row.id, row.ownerUnitId);
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
