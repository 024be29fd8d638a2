import type { ActivityKind, Skill } from '../../../../core/community/community.js';
import { activityDateProblem } from '../../../../core/community/rollup.js';
import type { ActivityInput, ActivityView } from '../../../../core/contracts/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, type FieldError, validation } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import { canManageCommunity } from '../community.policy.js';
import type { ActivityRow } from '../community.repository.js';
import type { ActivitiesService, CommunityKpiWriter, CommunityServiceDeps } from '../community.types.js';
import { isUniqueViolation } from '../teams/teams.service.js';
import '../community.messages.js';

// Activities of the teams: entered on a phone in a minute, possibly queued offline and sent later. A client
// key makes the resend harmless (the stored activity comes back, replayed: true); the same team, date, kind
// and place under another key is a duplicate (409). Bad input is refused before anything is written; each
// write updates the commune's activity KPI in the same transaction.

function parseList(text: string): unknown[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function createActivitiesService(
  deps: CommunityServiceDeps & { writeKpis: CommunityKpiWriter },
): ActivitiesService {
  const { db, repo, guard, audit, clock, files } = deps;

  async function view(row: ActivityRow, replayed: boolean, exec: Executor = db): Promise<ActivityView> {
    const photoIds = parseList(row.photoFileIds).filter((x): x is number => typeof x === 'number');
    const photos = await repo.filesByIds(photoIds, exec);
    return {
      id: row.id,
      teamId: row.teamId,
      teamName: row.teamName,
      communeId: row.communeId,
      activityDate: row.activityDate,
      place: row.place,
      kind: row.kind as ActivityKind,
      skills: parseList(row.skills) as Skill[],
      peopleReached: row.peopleReached,
      householdsReached: row.householdsReached,
      note: row.note,
      photos: photos.map((p) => ({ id: p.publicId, name: p.originalName })),
      createdAt: row.createdAt,
      replayed,
    };
  }

  async function photoIds(actor: Actor, input: ActivityInput, exec: Executor): Promise<number[]> {
    const errors: FieldError[] = [];
    const ids: number[] = [];
    for (const [i, publicId] of input.photoFileIds.entries()) {
      const file = await repo.file(publicId, exec);
      const fileAncestors = file?.unitId ? await unitAncestorIds(exec, file.unitId) : [];
      if (!file || !canAttachFile(actor, file, fileAncestors, 'community.manage') || ids.includes(file.id))
        errors.push({ field: `body.photoFileIds.${i}`, code: 'community.unknown_file' });
      else ids.push(file.id);
    }
    if (errors.length) throw validation(errors);
    return ids;
  }

  return {
    async log(ctx, input) {
      const { actor, entity: team } = await guard.forEntity(
        ctx.actor,
        canManageCommunity,
        () => repo.findTeam(input.teamId),
        (t) => t.unitId,
      );
      if (input.clientKey) {
        const stored = await repo.activityByClientKey(team.id, input.clientKey);
        if (stored) return view((await repo.findActivity(stored.id))!, true);
      }
      const errors: FieldError[] = [];
      const problem = activityDateProblem(input.activityDate, team.decisionDate, vietnamDate(clock.now()));
      if (problem === 'future')
        errors.push({ field: 'body.activityDate', code: 'community.activity_future' });
      if (problem === 'before_team')
        errors.push({ field: 'body.activityDate', code: 'community.activity_before_team' });
      if (input.peopleReached < 0)
        errors.push({ field: 'body.peopleReached', code: 'community.negative_count' });
      if (input.householdsReached < 0)
        errors.push({ field: 'body.householdsReached', code: 'community.negative_count' });
      if (errors.length) throw validation(errors);
      if (team.status === 'dissolved')
        throw new AppError('INVALID_STATE', { detailKey: 'community.team_inactive' });
      const skills = [...new Set(input.skills)];
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const photos = await photoIds(actor, input, trx);
          if (await repo.sameActivity(input, trx))
            throw new AppError('CONFLICT', { detailKey: 'community.activity_duplicate' });
          const id = await repo.insertActivity(
            {
              teamId: team.id,
              communeId: team.communeId,
              activityDate: input.activityDate,
              place: input.place,
              kind: input.kind,
              skills: JSON.stringify(skills),
              peopleReached: input.peopleReached,
              householdsReached: input.householdsReached,
              note: input.note,
              photoFileIds: JSON.stringify(photos),
              clientKey: input.clientKey,
              createdBy: actor.userId,
              createdAt: clock.now().toISOString(),
            },
            skills,
            trx,
          );
          for (const fileId of photos) await files.assignUnit(fileId, team.unitId, trx);
          await audit.record(trx, ctx, {
            action: 'community.activity.create',
            entity: 'community_activity',
            entityId: id,
            unitId: team.unitId,
            after: {
              teamId: team.id,
              activityDate: input.activityDate,
              place: input.place,
              kind: input.kind,
              skills,
              peopleReached: input.peopleReached,
              householdsReached: input.householdsReached,
              photos: photos.length,
            },
          });
          await deps.writeKpis(trx, ctx, team.communeId, Number(input.activityDate.slice(0, 4)));
          return id;
        })
        .catch(async (err) => {
          if (!isUniqueViolation(err)) throw err;
          // A concurrent resend of the same queued entry: answer with the stored one.
          const stored = input.clientKey
            ? await repo.activityByClientKey(team.id, input.clientKey)
            : undefined;
          if (stored) return -stored.id;
          throw new AppError('CONFLICT', { detailKey: 'community.activity_duplicate' });
        });
      return view((await repo.findActivity(Math.abs(id)))!, id < 0);
    },

    async list(actorIn, query) {
      await guard.forUnit(actorIn, 'community.read', query.unitId);
      const { items, total } = await repo.listActivities({ rootUnitId: query.unitId, ...query });
      return { items: await Promise.all(items.map((r) => view(r, false))), total };
    },

    async remove(ctx, id) {
      await db.transaction().execute(async (trx) => {
        const { entity: activity } = await guard.forEntity(
          ctx.actor,
          canManageCommunity,
          async () => {
            const a = await repo.findActivity(id, trx);
            if (!a) return undefined;
            const team = await repo.findTeam(a.teamId, trx);
            return { ...a, unitId: team!.unitId };
          },
          (a) => a.unitId,
          { exec: trx },
        );
        await repo.deleteActivity(id, trx);
        await audit.record(trx, ctx, {
          action: 'community.activity.delete',
          entity: 'community_activity',
          entityId: id,
          unitId: activity.unitId,
          before: {
            teamId: activity.teamId,
            activityDate: activity.activityDate,
            place: activity.place,
            kind: activity.kind,
            peopleReached: activity.peopleReached,
          },
        });
        await deps.writeKpis(trx, ctx, activity.communeId, Number(activity.activityDate.slice(0, 4)));
      });
    },
  };
}
