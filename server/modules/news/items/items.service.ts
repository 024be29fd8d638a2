import type { NewsCreate, NewsItem } from '../../../../core/contracts/news.js';
import { slugify } from '../../../../core/news/news.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError, notFound, validation } from '../../../lib/errors.js';
import { canApproveItem, canApproveNews, canWriteNews, isFirstPerson } from '../news.policy.js';
import { type NewsRow, pillarsOf } from '../news.repository.js';
import type { NewsItemsService, NewsServiceDeps } from '../news.types.js';
import { resizeCover } from './cover-image.js';
import '../news.messages.js';

// News, announcements and success stories of the standing agency: written as drafts (autosaved by the editor,
// a stale save refused rather than lost), sent for approval, approved by a second person — published at once
// or at the scheduled time by the job — returned with a note, or withdrawn. Every write is audited.

const NOT_FOUND = 'news.not_found';
const wrongStatus = () => new AppError('INVALID_STATE', { detailKey: 'news.wrong_status' });

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

const auditView = (
  row: Pick<NewsRow, 'unitId' | 'status' | 'title' | 'slug' | 'revision' | 'publishAt'>,
) => ({
  unitId: row.unitId,
  status: row.status,
  title: row.title,
  slug: row.slug,
  revision: row.revision,
  publishAt: row.publishAt,
});

export function createNewsItemsService(deps: NewsServiceDeps): NewsItemsService {
  const { db, repo, guard, audit, clock, files } = deps;
  const now = () => clock.now().toISOString();

  async function view(
    actor: Actor,
    row: NewsRow,
    ancestors: number[],
    exec: Executor = db,
  ): Promise<NewsItem> {
    const units = (await repo.taggedUnits([row.id], exec)).get(row.id) ?? [];
    return toItem(actor, row, ancestors, units);
  }

  function toItem(actor: Actor, row: NewsRow, ancestors: number[], units: { id: number; name: string }[]) {
    const writer = canWriteNews(actor, ancestors);
    const approver = canApproveNews(actor, ancestors);
    return {
      id: row.id,
      unitId: row.unitId,
      unitName: row.unitName,
      kind: row.kind,
      title: row.title,
      slug: row.slug,
      summary: row.summary,
      body: row.body,
      pillars: pillarsOf(row),
      units,
      hasCover: row.coverFileId !== null,
      status: row.status,
      publishAt: row.publishAt,
      publishedAt: row.publishedAt,
      authorName: row.authorName,
      approverName: row.approverName,
      returnNote: row.returnNote,
      revision: row.revision,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      can: {
        edit: writer && ['draft', 'withdrawn'].includes(row.status),
        submit: writer && row.status === 'draft',
        approve: canApproveItem(actor, ancestors, row),
        withdraw: approver && ['published', 'scheduled'].includes(row.status),
      },
    };
  }

  const load = (id: number, exec?: Executor) => () => repo.find(id, exec);

  /** Tagged units must exist; the slug is the given one or made from the title, and must be free. */
  async function checkFields(
    input: Pick<NewsCreate, 'title' | 'slug' | 'unitIds'>,
    exceptId: number | null,
    exec: Executor,
  ): Promise<string> {
    const errors = [];
    const known = new Set(await repo.existingUnitIds(input.unitIds, exec));
    for (const [i, id] of input.unitIds.entries())
      if (!known.has(id)) errors.push({ field: `body.unitIds.${i}`, code: 'news.unknown_unit' });
    let slug = input.slug ?? slugify(input.title);
    if (await repo.slugTaken(slug, exceptId, exec)) {
      if (input.slug) errors.push({ field: 'body.slug', code: 'news.slug_taken' });
      else {
        // A made-up slug gets the first free numeric suffix.
        let n = 2;
        while (await repo.slugTaken(`${slug}-${n}`, exceptId, exec)) n++;
        slug = `${slug}-${n}`;
      }
    }
    if (errors.length) throw validation(errors);
    return slug;
  }

  /** A status change guarded by the current status: the loser of a race gets a 409, not a double write. */
  async function transition(
    ctx: AuditContext,
    id: number,
    rule: 'write' | 'approve',
    from: NewsRow['status'][],
    patch: (row: NewsRow, actor: Actor) => Parameters<typeof repo.update>[1],
    action: string,
    extra: (row: NewsRow) => Record<string, unknown> = () => ({}),
  ): Promise<NewsItem> {
    return db.transaction().execute(async (trx) => {
      const { actor, entity, ancestors } = await guard.forEntity(
        ctx.actor,
        rule === 'write' ? canWriteNews : canApproveNews,
        load(id, trx),
        (r) => r.unitId,
        { exec: trx, notFoundKey: NOT_FOUND },
      );
      if (!from.includes(entity.status)) throw wrongStatus();
      const changes = { ...patch(entity, actor), updatedAt: now() };
      if (!(await repo.update(id, changes, { fromStatuses: from }, trx))) throw wrongStatus();
      const after = (await repo.find(id, trx)) as NewsRow;
      await audit.record(trx, ctx, {
        action,
        entity: 'news_item',
        entityId: id,
        before: auditView(entity),
        after: { ...auditView(after), ...extra(after) },
      });
      return view(actor, after, ancestors, trx);
    });
  }

  return {
    async list(actor, query) {
      const { actor: a } = await guard.forUnit(actor, canWriteNews, query.unitId);
      const { rows, total } = await repo.listInScope({ ...query, rootUnitId: query.unitId });
      const units = await repo.taggedUnits(rows.map((r) => r.id));
      const items = [];
      for (const row of rows) {
        const ancestors = await guard.ancestorsOf(row.unitId);
        const { body: _body, ...rest } = toItem(a, row, ancestors, units.get(row.id) ?? []);
        items.push(rest);
      }
      return { items, total };
    },

    async get(actor, id) {
      const {
        actor: a,
        entity,
        ancestors,
      } = await guard.forEntity(actor, canWriteNews, load(id), (r) => r.unitId, {
        notFoundKey: NOT_FOUND,
      });
      return view(a, entity, ancestors);
    },

    async create(ctx, input) {
      return db.transaction().execute(async (trx) => {
        const { actor, ancestors } = await guard.forUnit(ctx.actor, canWriteNews, input.unitId, trx);
        const slug = await checkFields(input, null, trx);
        const at = now();
        let id: number;
        try {
          id = await repo.insert(
            {
              unitId: input.unitId,
              kind: input.kind,
              title: input.title,
              slug,
              summary: input.summary,
              body: input.body,
              pillars: JSON.stringify(input.pillars),
              status: 'draft',
              authorId: actor.userId,
              createdAt: at,
              updatedAt: at,
            },
            trx,
          );
        } catch (err) {
          if (isUniqueViolation(err)) throw validation([{ field: 'body.slug', code: 'news.slug_taken' }]);
          throw err;
        }
        await repo.replaceUnits(id, input.unitIds, trx);
        const row = (await repo.find(id, trx)) as NewsRow;
        await audit.record(trx, ctx, {
          action: 'news.item.create',
          entity: 'news_item',
          entityId: id,
          after: { ...auditView(row), kind: row.kind, pillars: input.pillars, unitIds: input.unitIds },
        });
        return view(actor, row, ancestors, trx);
      });
    },

    async update(ctx, id, input) {
      return db.transaction().execute(async (trx) => {
        const { actor, entity, ancestors } = await guard.forEntity(
          ctx.actor,
          canWriteNews,
          load(id, trx),
          (r) => r.unitId,
          { exec: trx, notFoundKey: NOT_FOUND },
        );
        if (!['draft', 'withdrawn'].includes(entity.status))
          throw new AppError('INVALID_STATE', { detailKey: 'news.not_editable' });
        if (entity.revision !== input.revision)
          throw new AppError('CONFLICT', { detailKey: 'news.stale_revision' });
        const slug = await checkFields(input, id, trx);
        let ok: boolean;
        try {
          ok = await repo.update(
            id,
            {
              kind: input.kind,
              title: input.title,
              slug,
              summary: input.summary,
              body: input.body,
              pillars: JSON.stringify(input.pillars),
              status: 'draft',
              revision: entity.revision + 1,
              updatedAt: now(),
            },
            { fromStatuses: ['draft', 'withdrawn'], revision: input.revision },
            trx,
          );
        } catch (err) {
          if (isUniqueViolation(err)) throw validation([{ field: 'body.slug', code: 'news.slug_taken' }]);
          throw err;
        }
        if (!ok) throw new AppError('CONFLICT', { detailKey: 'news.stale_revision' });
        await repo.replaceUnits(id, input.unitIds, trx);
        const after = (await repo.find(id, trx)) as NewsRow;
        await audit.record(trx, ctx, {
          action: 'news.item.update',
          entity: 'news_item',
          entityId: id,
          before: auditView(entity),
          after: { ...auditView(after), kind: after.kind, pillars: input.pillars, unitIds: input.unitIds },
        });
        return view(actor, after, ancestors, trx);
      });
    },

    async setCover(ctx, id, data, name) {
      // Scope first (nothing is stored for a caller who may not write the item), then the picture.
      const first = await guard.forEntity(ctx.actor, canWriteNews, load(id), (r) => r.unitId, {
        notFoundKey: NOT_FOUND,
      });
      if (!['draft', 'withdrawn'].includes(first.entity.status))
        throw new AppError('INVALID_STATE', { detailKey: 'news.not_editable' });
      const jpeg = await resizeCover(data);
      const file = await files.store(
        jpeg,
        {
          originalName: `${name.replace(/\.[^.]*$/, '') || 'anh-bia'}.jpg`,
          allow: ['jpeg'],
          uploadedBy: first.actor.userId,
        },
        ctx,
      );
      return transition(
        ctx,
        id,
        'write',
        ['draft', 'withdrawn'],
        (row) => ({ coverFileId: file.id, revision: row.revision + 1 }),
        'news.item.cover',
        () => ({ coverFileId: file.id }),
      );
    },

    async cover(actor, id) {
      const { entity } = await guard.forEntity(actor, canWriteNews, load(id), (r) => r.unitId, {
        notFoundKey: NOT_FOUND,
      });
      const file = entity.coverFileId ? await files.get(entity.coverFileId) : undefined;
      if (!file) throw notFound('news.no_cover');
      return { file, path: files.pathOf(file), open: () => files.open(file) };
    },

    async submit(ctx, id, input) {
      if (input.publishAt && input.publishAt <= now())
        throw validation([{ field: 'body.publishAt', code: 'news.publish_at_past' }]);
      return transition(
        ctx,
        id,
        'write',
        ['draft'],
        (_row, actor) => ({
          status: 'pending',
          publishAt: input.publishAt,
          submittedBy: actor.userId,
          returnNote: null,
        }),
        'news.item.submit',
      );
    },

    async approve(ctx, id) {
      return db.transaction().execute(async (trx) => {
        const { actor, entity, ancestors } = await guard.forEntity(
          ctx.actor,
          canApproveNews,
          load(id, trx),
          (r) => r.unitId,
          { exec: trx, notFoundKey: NOT_FOUND },
        );
        if (isFirstPerson(actor, entity)) throw new AppError('FORBIDDEN', { detailKey: 'news.own_approval' });
        if (entity.status !== 'pending') throw wrongStatus();
        const at = now();
        const scheduled = entity.publishAt !== null && entity.publishAt > at;
        const ok = await repo.update(
          id,
          {
            status: scheduled ? 'scheduled' : 'published',
            publishedAt: scheduled ? null : at,
            approvedBy: actor.userId,
            updatedAt: at,
          },
          { fromStatuses: ['pending'] },
          trx,
        );
        if (!ok) throw wrongStatus();
        const after = (await repo.find(id, trx)) as NewsRow;
        await audit.record(trx, ctx, {
          action: 'news.item.approve',
          entity: 'news_item',
          entityId: id,
          before: auditView(entity),
          after: { ...auditView(after), publishedAt: after.publishedAt },
        });
        return view(actor, after, ancestors, trx);
      });
    },

    returnToAuthor(ctx, id, note) {
      return transition(
        ctx,
        id,
        'approve',
        ['pending'],
        () => ({ status: 'draft', returnNote: note, publishAt: null }),
        'news.item.return',
        () => ({ note }),
      );
    },

    withdraw(ctx, id, reason) {
      return transition(
        ctx,
        id,
        'approve',
        ['published', 'scheduled'],
        () => ({ status: 'withdrawn' }),
        'news.item.withdraw',
        () => ({ reason }),
      );
    },

    async publishDue() {
      const at = now();
      let published = 0;
      for (const due of await repo.dueScheduled(at)) {
        await db.transaction().execute(async (trx) => {
          // Conditional on 'scheduled': another process (or a second run) that got there first wins, once.
          const ok = await repo.update(
            due.id,
            { status: 'published', publishedAt: due.publishAt ?? at, updatedAt: at },
            { fromStatuses: ['scheduled'] },
            trx,
          );
          if (!ok) return;
          published++;
          await audit.record(
            trx,
            { actor: null },
            {
              action: 'news.item.publish',
              entity: 'news_item',
              entityId: due.id,
              before: { unitId: due.unitId, status: 'scheduled' },
              after: { unitId: due.unitId, status: 'published', publishedAt: due.publishAt },
            },
          );
        });
      }
      return published;
    },
  };
}
