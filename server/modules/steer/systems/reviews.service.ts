import type { CampaignDetail, CampaignView } from '../../../../core/contracts/steer-registers.js';
import { campaignProgress } from '../../../../core/steer/registers.js';
import { vietnamDate, vietnameseDateText } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, notFound, validation } from '../../../lib/errors.js';
import { unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';
import '../products/products.messages.js';
import { canEditSystem, canRunCampaign } from './systems.policy.js';
import type { CampaignRow, ItemRow } from './systems.repository.js';
import type { ReviewsServiceDeps, SteerReviewsService } from './systems.types.js';

// Review campaigns ("rà soát, đánh giá thực trạng… các hệ thống thông tin"): the secretariat asks every owner
// unit below a root to re-confirm its systems by a date; the unit's officers confirm each system, correcting it
// in the same step when something changed; unconfirmed systems past the date are listed and their units
// reminded through the notifications module (one notification per unit, campaign and day: idempotent keys).

export function createReviewsService(deps: ReviewsServiceDeps): SteerReviewsService {
  const { db, repo, guard, audit, clock, notifier, systems } = deps;
  const today = () => vietnamDate(clock.now());

  function view(c: CampaignRow, items: ItemRow[]): CampaignView {
    return {
      id: c.id,
      name: c.name,
      dueDate: c.dueDate,
      status: c.status,
      createdAt: c.createdAt,
      closedAt: c.closedAt,
      progress: campaignProgress(
        items.map((i) => ({ confirmed: i.confirmedAt !== null })),
        c.dueDate,
        today(),
      ),
    };
  }

  async function detailOf(actor: Actor, c: CampaignRow, unitId: number, exec: Executor = db) {
    const items = await repo.itemsOf(c.id, unitId, exec);
    const ancestors = await unitAncestorIdsMany(exec, [c.rootUnitId, ...new Set(items.map((i) => i.unitId))]);
    const runs = canRunCampaign(actor, ancestors.get(c.rootUnitId) ?? []);
    const byUnit = new Map<number, ItemRow[]>();
    for (const i of items) byUnit.set(i.unitId, [...(byUnit.get(i.unitId) ?? []), i]);
    const open = c.status === 'open';
    const detail: CampaignDetail = {
      ...view(c, items),
      can: { close: open && runs, remind: open && runs },
      units: [...byUnit.entries()].map(([id, list]) => ({
        unitId: id,
        unitName: list[0].unitName,
        ...campaignProgress(
          list.map((i) => ({ confirmed: i.confirmedAt !== null })),
          c.dueDate,
          today(),
        ),
      })),
      items: items.map((i) => ({
        id: i.id,
        systemId: i.systemId,
        systemName: i.systemName,
        unitId: i.unitId,
        unitName: i.unitName,
        confirmedAt: i.confirmedAt,
        changed: i.changed === 1,
        note: i.note,
        canConfirm: open && i.confirmedAt === null && canEditSystem(actor, ancestors.get(i.unitId) ?? []),
      })),
    };
    return detail;
  }

  async function loadToRun(ctx: AuditContext, id: number, exec: Executor) {
    const { actor, entity } = await guard.forEntity(
      ctx.actor,
      canRunCampaign,
      () => repo.findCampaign(id, exec),
      (c) => c.rootUnitId,
      { exec },
    );
    if (entity.status !== 'open') throw new AppError('INVALID_STATE', { detailKey: 'steer.campaign_closed' });
    return { actor, campaign: entity };
  }

  /** Notifies each owner unit's officers of its unconfirmed systems; returns how many units were new today. */
  async function notifyUnits(trx: Executor, c: CampaignRow, isDemo = false) {
    const items = (await repo.itemsOf(c.id, null, trx)).filter((i) => i.confirmedAt === null);
    const byUnit = new Map<number, ItemRow[]>();
    for (const i of items) byUnit.set(i.unitId, [...(byUnit.get(i.unitId) ?? []), i]);
    const date = today();
    const late = date > c.dueDate;
    const due = vietnameseDateText(c.dueDate);
    let reminded = 0;
    for (const [unitId, list] of byUnit) {
      const names = list.map((i) => i.systemName).join('; ');
      const result = await notifier.notify(trx, {
        kind: 'steer.system_review_reminder',
        recipients: { roles: [{ role: 'officer', unitId, reach: 'unit' }] },
        title: late
          ? { vi: 'Quá hạn xác nhận hệ thống thông tin', en: 'Information systems not confirmed in time' }
          : { vi: 'Đề nghị xác nhận hệ thống thông tin', en: 'Please confirm your information systems' },
        body: {
          vi: `Đợt rà soát "${c.name}" (hạn ${due}): ${list.length} hệ thống của đơn vị chưa được xác nhận: ${names}.`,
          en: `Review "${c.name}" (due ${c.dueDate}): ${list.length} of your unit's systems are not confirmed yet: ${names}.`,
        },
        link: `/app/steer/systems/reviews/${c.id}`,
        idempotencyKey: `steer:system-review:${c.id}:unit:${unitId}:${date}`,
        urgent: late,
        isDemo,
      });
      if (result.created) reminded++;
    }
    return { reminded, unconfirmed: items.length };
  }

  return {
    async open(ctx, input) {
      const { actor } = await guard.forUnit(ctx.actor, canRunCampaign, input.rootUnitId);
      if (input.dueDate < today())
        throw validation([{ field: 'body.dueDate', code: 'steer.campaign_due_past' }]);
      const campaign = await db.transaction().execute(async (trx) => {
        const live = (await repo.listIn(input.rootUnitId, trx)).filter((s) => s.status !== 'retired');
        if (!live.length) throw validation([{ field: 'body.rootUnitId', code: 'steer.campaign_empty' }]);
        const row = await repo.insertCampaign(
          {
            name: input.name,
            rootUnitId: input.rootUnitId,
            dueDate: input.dueDate,
            status: 'open',
            createdBy: actor.userId,
            createdAt: clock.now().toISOString(),
            closedAt: null,
          },
          trx,
        );
        await repo.insertItems(
          live.map((s) => ({
            campaignId: row.id,
            systemId: s.id,
            unitId: s.unitId,
            confirmedAt: null,
            confirmedBy: null,
            note: null,
          })),
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.review.open',
          entity: 'steer_review_campaign',
          entityId: row.id,
          after: { name: row.name, rootUnitId: row.rootUnitId, dueDate: row.dueDate, systems: live.length },
        });
        await notifyUnits(trx, row);
        return row;
      });
      return detailOf(actor, campaign, input.rootUnitId);
    },

    async list(actorIn, unitId) {
      await guard.forUnit(actorIn, 'steer.read', unitId);
      const campaigns = await repo.campaignsFor(unitId);
      const items = [];
      for (const c of campaigns) items.push(view(c, await repo.itemsOf(c.id, unitId)));
      return { items };
    },

    async detail(actorIn, id, unitId) {
      const { actor } = await guard.forUnit(actorIn, 'steer.read', unitId);
      const c = await repo.findCampaign(id);
      if (!c) throw notFound();
      const detail = await detailOf(actor, c, unitId);
      const rootInside = (await unitAncestorIdsMany(db, [c.rootUnitId])).get(c.rootUnitId)?.includes(unitId);
      // A campaign that asks nothing of this subtree is not shown to it.
      if (!detail.items.length && !rootInside) throw notFound();
      return detail;
    },

    async confirm(ctx, id, itemId, input) {
      const actor = await db.transaction().execute(async (trx) => {
        const { actor, entity: item } = await guard.forEntity(
          ctx.actor,
          canEditSystem,
          async () => {
            const found = await repo.findItem(itemId, trx);
            return found && found.campaignId === id ? found : undefined;
          },
          (i) => i.unitId,
          { exec: trx },
        );
        const campaign = await repo.findCampaign(id, trx);
        if (campaign?.status !== 'open')
          throw new AppError('INVALID_STATE', { detailKey: 'steer.campaign_closed' });
        if (item.confirmedAt !== null)
          throw new AppError('INVALID_STATE', { detailKey: 'steer.item_confirmed' });
        const changed = await systems.applyUpdate(trx, ctx, item.systemId, input.system ?? null, {
          lastReviewDate: today(),
        });
        const content = input.system !== undefined && changed;
        await repo.confirmItem(
          itemId,
          {
            confirmedAt: clock.now().toISOString(),
            confirmedBy: actor.userId,
            changed: content ? 1 : 0,
            note: input.note ?? null,
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.review.confirm',
          entity: 'steer_review_item',
          entityId: itemId,
          after: { campaignId: id, systemId: item.systemId, changed: content, note: input.note ?? null },
        });
        return actor;
      });
      const c = await repo.findCampaign(id);
      const item = await repo.findItem(itemId);
      return detailOf(actor, c as CampaignRow, item?.unitId ?? 0);
    },

    async close(ctx, id) {
      const { actor, campaign } = await db.transaction().execute(async (trx) => {
        const loaded = await loadToRun(ctx, id, trx);
        const closedAt = clock.now().toISOString();
        await repo.updateCampaign(id, { status: 'closed', closedAt }, trx);
        await audit.record(trx, ctx, {
          action: 'steer.review.close',
          entity: 'steer_review_campaign',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'closed' },
        });
        return { actor: loaded.actor, campaign: { ...loaded.campaign, status: 'closed' as const, closedAt } };
      });
      return detailOf(actor, campaign, campaign.rootUnitId);
    },

    async remind(ctx, id) {
      return db.transaction().execute(async (trx) => {
        const { campaign } = await loadToRun(ctx, id, trx);
        const out = await notifyUnits(trx, campaign);
        await audit.record(trx, ctx, {
          action: 'steer.review.remind',
          entity: 'steer_review_campaign',
          entityId: id,
          after: { unitsReminded: out.reminded, unconfirmed: out.unconfirmed },
        });
        return { unitsReminded: out.reminded, unconfirmed: out.unconfirmed };
      });
    },

    async remindOverdue(asOf) {
      let reminded = 0;
      for (const c of await repo.openCampaigns()) {
        if (asOf <= c.dueDate) continue;
        reminded += await db
          .transaction()
          .execute(async (trx) => (await notifyUnits(trx, c, c.isDemo === 1)).reminded);
      }
      return reminded;
    },
  };
}
