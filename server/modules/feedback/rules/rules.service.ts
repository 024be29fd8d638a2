import type {
  FeedbackCalendarDay,
  FeedbackRoutingRule,
  FeedbackRoutingRuleInput,
} from '../../../../core/contracts/feedback.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, scopeRootsFor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, validation } from '../../../lib/errors.js';
import type { FeedbackBase, FeedbackRulesService } from '../feedback.types.js';
import '../feedback.messages.js';

// The province's rules for citizen reports, kept as data by the secretariat (feedback.manage on a top-level
// unit; admins hold it everywhere): the working calendar the deadlines count on (public holidays and swapped
// working days, Vietnam's 2025–2027 shipped) and the routing rules (category × area → handling unit). Every
// write in one transaction with its audit row. The calendar is read by all staff; a rule by those whose scope
// covers both its area and its handling unit.

export function createFeedbackRulesService(
  deps: Pick<FeedbackBase, 'db' | 'clock' | 'audit' | 'repo' | 'guard'>,
): FeedbackRulesService {
  const { db, repo, guard, audit, clock } = deps;

  async function authorise(actorIn: Actor | null) {
    const actor = requireSignedIn(actorIn);
    await guard.forUnit(actor, 'feedback.manage', (await repo.firstTopLevelUnit()) ?? 0);
    return actor;
  }

  return {
    async calendar(actor, year) {
      requireSignedIn(actor);
      return { year, items: await repo.calendarYear(year) };
    },

    async setCalendarDay(ctx: AuditContext, day, input) {
      await authorise(ctx.actor);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      // A day off on a weekend, or a swapped working day on a weekday, would change nothing: say so.
      if (input.kind === 'holiday' ? weekend : !weekend)
        throw validation([{ field: 'body.kind', code: `feedback.calendar_${input.kind}_day` }]);
      const now = clock.now().toISOString();
      return db.transaction().execute(async (trx) => {
        const before = await repo.findCalendarDay(day, trx);
        if (before)
          await repo.updateCalendarDay(day, { kind: input.kind, name: input.name, updatedAt: now }, trx);
        else
          await repo.insertCalendarDay(
            { day, kind: input.kind, name: input.name, createdAt: now, updatedAt: now },
            trx,
          );
        await audit.record(trx, ctx, {
          action: before ? 'feedback.calendar.update' : 'feedback.calendar.create',
          entity: 'feedback_calendar_day',
          entityId: day,
          before: before ?? null,
          after: { day, ...input },
        });
        return { day, kind: input.kind, name: input.name } satisfies FeedbackCalendarDay;
      });
    },

    async deleteCalendarDay(ctx, day) {
      await authorise(ctx.actor);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findCalendarDay(day, trx);
        if (!before) throw new AppError('NOT_FOUND');
        await repo.deleteCalendarDay(day, trx);
        await audit.record(trx, ctx, {
          action: 'feedback.calendar.delete',
          entity: 'feedback_calendar_day',
          entityId: day,
          before,
        });
      });
    },

    async routingRules(actorIn) {
      const actor = requireSignedIn(actorIn);
      // Only rules about units in the reader's scope (area and handling unit): no other unit's names leak.
      return { items: await repo.routingRules(db, undefined, scopeRootsFor(actor, 'feedback.read')) };
    },

    async createRoutingRule(ctx, input: FeedbackRoutingRuleInput) {
      await authorise(ctx.actor);
      if (!(await repo.findCategory(input.categoryId)))
        throw validation([{ field: 'body.categoryId', code: 'feedback.unknown_category' }]);
      for (const field of ['areaUnitId', 'unitId'] as const)
        if (!(await repo.unitExists(input[field])))
          throw validation([{ field: `body.${field}`, code: 'feedback.unknown_unit' }]);
      const now = clock.now().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        if (await repo.findRoutingRuleFor(input.categoryId, input.areaUnitId, trx))
          throw new AppError('CONFLICT', { detailKey: 'feedback.routing_rule_exists' });
        const { id } = await repo.insertRoutingRule({ ...input, createdAt: now, updatedAt: now }, trx);
        await audit.record(trx, ctx, {
          action: 'feedback.routing_rule.create',
          entity: 'feedback_routing_rule',
          entityId: id,
          unitId: input.unitId,
          after: input,
        });
        return id;
      });
      return (await repo.routingRules(db, id))[0] as FeedbackRoutingRule;
    },

    async deleteRoutingRule(ctx, id) {
      await authorise(ctx.actor);
      await db.transaction().execute(async (trx) => {
        const [before] = await repo.routingRules(trx, id);
        if (!before) throw new AppError('NOT_FOUND');
        await repo.deleteRoutingRule(id, trx);
        await audit.record(trx, ctx, {
          action: 'feedback.routing_rule.delete',
          entity: 'feedback_routing_rule',
          entityId: id,
          unitId: before.unitId,
          before,
        });
      });
    },
  };
}
