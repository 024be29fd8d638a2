import type { FeedbackCategory, FeedbackCategoryInput } from '../../../../core/contracts/feedback.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { AppError, validation } from '../../../lib/errors.js';
import type { CategoriesService, FeedbackBase } from '../feedback.types.js';
import type { CategoryRow } from '../shared/feedback.repository.js';
import '../feedback.messages.js';

// Categories (lĩnh vực) of citizen reports: names, answer deadline (working or calendar days), whether a photo
// is required, the unit reports are routed to by default. Kept by the province's secretariat (feedback.manage
// on a top-level unit); read by every signed-in member of staff and, active ones, by the public form.

export const toCategory = (c: CategoryRow): FeedbackCategory => ({
  id: c.id,
  code: c.code,
  nameVi: c.nameVi,
  nameEn: c.nameEn,
  deadlineAmount: c.deadlineAmount,
  deadlineKind: c.deadlineKind,
  photoRequired: c.photoRequired === 1,
  receiveHours: c.receiveHours,
  defaultUnitId: c.defaultUnitId,
  defaultUnitName: c.defaultUnitName,
  active: c.active === 1,
});

export function createCategoriesService(
  deps: Pick<FeedbackBase, 'db' | 'clock' | 'audit' | 'repo' | 'guard'>,
): CategoriesService {
  const { db, repo, guard, audit, clock } = deps;

  /** feedback.manage on the top-level unit above the default unit (or on any top-level unit). */
  async function authorise(
    ctx: { actor: Parameters<typeof requireSignedIn>[0] },
    input: FeedbackCategoryInput,
  ) {
    const actor = requireSignedIn(ctx.actor);
    if (input.defaultUnitId !== null && !(await repo.unitExists(input.defaultUnitId)))
      throw validation([{ field: 'body.defaultUnitId', code: 'feedback.unknown_unit' }]);
    const root = input.defaultUnitId
      ? await repo.rootOf(input.defaultUnitId)
      : await repo.firstTopLevelUnit();
    await guard.forUnit(actor, 'feedback.manage', root ?? 0);
    return actor;
  }

  const row = (input: FeedbackCategoryInput, now: string) => ({
    code: input.code,
    nameVi: input.nameVi,
    nameEn: input.nameEn,
    deadlineAmount: input.deadlineAmount,
    deadlineKind: input.deadlineKind,
    photoRequired: input.photoRequired ? 1 : 0,
    receiveHours: input.receiveHours,
    defaultUnitId: input.defaultUnitId,
    active: input.active ? 1 : 0,
    updatedAt: now,
  });

  return {
    async list(actor) {
      requireSignedIn(actor);
      return { items: (await repo.listCategories(false)).map(toCategory) };
    },

    async create(ctx, input) {
      await authorise(ctx, input);
      const id = await db.transaction().execute(async (trx) => {
        if (await repo.findCategoryByCode(input.code, trx))
          throw new AppError('CONFLICT', { detailKey: 'feedback.category_code_taken' });
        const now = clock.now().toISOString();
        const { id } = await repo.insertCategory({ ...row(input, now), createdAt: now }, trx);
        await audit.record(trx, ctx, {
          action: 'feedback.category.create',
          entity: 'feedback_category',
          entityId: id,
          after: input,
        });
        return id;
      });
      return toCategory((await repo.findCategory(id)) as CategoryRow);
    },

    async update(ctx, id, input) {
      await authorise(ctx, input);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findCategory(id, trx);
        if (!before) throw new AppError('NOT_FOUND');
        const other = await repo.findCategoryByCode(input.code, trx);
        if (other && other.id !== id)
          throw new AppError('CONFLICT', { detailKey: 'feedback.category_code_taken' });
        await repo.updateCategory(id, row(input, clock.now().toISOString()), trx);
        await audit.record(trx, ctx, {
          action: 'feedback.category.update',
          entity: 'feedback_category',
          entityId: id,
          before: toCategory(before),
          after: input,
        });
      });
      return toCategory((await repo.findCategory(id)) as CategoryRow);
    },
  };
}
