import type { Village } from '../../../../core/contracts/community.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, validation } from '../../../lib/errors.js';
import { canManageCommunity, isCommuneLevel } from '../community.policy.js';
import type { VillagesService, VillagesServiceDeps } from '../community.types.js';
import '../community.messages.js';

// Villages and residential groups (thôn, tổ dân phố) are units of kind 'village' below a commune, so a commune's
// scope covers them through unit_closure and their mergers are lineage like any unit's. They are created, closed
// and linked by the units module's own services; Community only decides who may: a commune's officers keep its
// villages (community.manage on the commune), so the units services are asked with an actor whose grant is that
// commune alone.

/** The caller, narrowed to managing the units of one commune (never more than the guard has just allowed). */
export function communeDelegate(actor: Actor, communeId: number): Actor {
  if (actor.kind === 'user') return { ...actor, grants: [{ role: 'admin', unitId: communeId }] };
  return { ...actor, grants: [{ unitId: communeId, permissions: ['units.read', 'units.manage'] }] };
}

export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function createVillagesService(deps: VillagesServiceDeps): VillagesService {
  const { repo, guard } = deps;

  async function commune(actor: Actor | null, communeId: number, manage: boolean) {
    const guarded = await guard.forUnit(actor, manage ? canManageCommunity : 'community.read', communeId);
    const unit = await repo.unit(communeId);
    if (!unit || !isCommuneLevel(unit))
      throw validation([
        { field: manage ? 'body.communeId' : 'query.communeId', code: 'community.not_commune' },
      ]);
    return { actor: guarded.actor, unit };
  }

  async function villageView(communeId: number, id: number): Promise<Village> {
    const v = (await repo.villagesOf(communeId)).find((x) => x.id === id);
    if (!v) throw new AppError('NOT_FOUND');
    return { ...v, communeId, teamId: v.teamId ?? null };
  }

  function delegated(ctx: AuditContext, actor: Actor, communeId: number) {
    const as = communeDelegate(actor, communeId);
    return { actor: as, ctx: { ...ctx, actor: as } };
  }

  return {
    async list(actor, communeId) {
      const { unit } = await commune(actor, communeId, false);
      const rows = await repo.villagesOf(communeId);
      return {
        communeId,
        communeName: unit.name,
        items: rows.map((v) => ({ ...v, communeId, teamId: v.teamId ?? null })),
      };
    },

    async create(ctx, input) {
      const { actor } = await commune(ctx.actor, input.communeId, true);
      const d = delegated(ctx, actor, input.communeId);
      const created = await deps.unitsEdit.createUnit(d.actor, d.ctx, {
        parentId: input.communeId,
        code: input.code,
        name: input.name,
        type: input.type,
        kind: 'village',
      });
      return villageView(input.communeId, created.id);
    },

    async merge(ctx, input) {
      const { actor } = await commune(ctx.actor, input.communeId, true);
      const villages = await repo.villagesOf(input.communeId);
      const olds = input.fromIds.map((id) => villages.find((v) => v.id === id));
      const errors = olds.flatMap((v, i) =>
        !v || (v.validTo !== null && v.validTo < input.effectiveDate)
          ? [{ field: `body.fromIds.${i}`, code: 'community.merge_other_commune' }]
          : [],
      );
      if (new Set(input.fromIds).size !== input.fromIds.length)
        errors.push({ field: 'body.fromIds', code: 'invalid_value' });
      if (errors.length) throw validation(errors);
      const d = delegated(ctx, actor, input.communeId);
      const created = await deps.unitsEdit.createUnit(d.actor, d.ctx, {
        parentId: input.communeId,
        code: input.into.code,
        name: input.into.name,
        type: input.into.type,
        kind: 'village',
        validFrom: input.effectiveDate,
      });
      for (const old of olds) {
        await deps.unitsEdit.updateUnit(d.actor, d.ctx, old!.id, { validTo: dayBefore(input.effectiveDate) });
        await deps.lineage.createLineage(d.actor, d.ctx, {
          fromUnitId: old!.id,
          toUnitId: created.id,
          kind: 'full',
          effectiveDate: input.effectiveDate,
          note: 'Sáp nhập thôn, tổ dân phố',
        });
      }
      return villageView(input.communeId, created.id);
    },
  };
}
