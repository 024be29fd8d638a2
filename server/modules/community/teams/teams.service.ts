import { maskPhoneDigits, normalisePhone } from '../../../../core/community/community.js';
import type { MemberView, TeamDetail, TeamInput, TeamView } from '../../../../core/contracts/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, validation } from '../../../lib/errors.js';
import { unitAncestorIds } from '../../../lib/unit-ancestors.js';
import { canAttachFile } from '../../files/files.types.js';
import { canManageCommunity, isCommuneLevel, seesWholePhone } from '../community.policy.js';
import type { MemberRow, TeamRow } from '../community.repository.js';
import type { CommunityKpiWriter, CommunityServiceDeps, TeamsService } from '../community.types.js';
import '../community.messages.js';

// Community digital technology teams (Tổ công nghệ số cộng đồng): one per village or residential group of a
// commune (or one at the commune itself), established by the commune chairman's decision; their members, of
// whom a person may serve on several teams. A member's phone is whole only for people of the commune.

const fieldError = (field: string, code: string) => validation([{ field, code }]);

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '');
}

export function createTeamsService(
  deps: CommunityServiceDeps & { writeKpis: CommunityKpiWriter },
): TeamsService {
  const { db, repo, guard, audit, clock, files } = deps;
  const today = () => vietnamDate(clock.now());

  /** The commune a team's unit belongs to: the village's parent, or the commune itself. */
  async function communeOf(unitId: number, exec: Executor): Promise<number> {
    const unit = await repo.unit(unitId, exec);
    if (unit?.kind === 'village' && unit.parentId) return unit.parentId;
    if (unit && isCommuneLevel(unit)) return unit.id;
    throw fieldError('body.unitId', 'community.not_village');
  }

  async function communeUnitIds(communeId: number, exec: Executor = db) {
    return [communeId, ...(await repo.villagesOf(communeId, exec)).map((v) => v.id)];
  }

  function memberView(m: MemberRow, whole: boolean, otherTeams: number): MemberView {
    return {
      id: m.id,
      personId: m.personId,
      fullName: m.fullName,
      phone: m.phone ? (whole ? m.phone : maskPhoneDigits(m.phone)) : null,
      phoneMasked: !!m.phone && !whole,
      role: m.role,
      organisation: m.organisation,
      startDate: m.startDate,
      endDate: m.endDate,
      otherTeams,
    };
  }

  async function views(actor: Actor, rows: TeamRow[], exec: Executor = db): Promise<TeamView[]> {
    const counts = await repo.teamCounts(
      rows.map((r) => r.id),
      exec,
    );
    const fileRows = await repo.filesByIds(
      rows.map((r) => r.decisionFileId).filter((id): id is number => id !== null),
      exec,
    );
    const ancestors = new Map<number, number[]>();
    for (const unitId of new Set(rows.map((r) => r.unitId)))
      ancestors.set(unitId, await unitAncestorIds(exec, unitId));
    return rows.map((t) => {
      const c = counts.get(t.id) ?? { members: 0, activities: 0, last: null };
      const file = fileRows.find((f) => f.id === t.decisionFileId);
      return {
        id: t.id,
        unitId: t.unitId,
        unitName: t.unitName,
        communeId: t.communeId,
        communeName: t.communeName,
        name: t.name,
        decisionNumber: t.decisionNumber,
        decisionDate: t.decisionDate,
        decisionSigner: t.decisionSigner,
        decisionFile: file ? { id: file.publicId, name: file.originalName } : null,
        status: t.status,
        memberCount: c.members,
        activityCount: c.activities,
        lastActivityDate: c.last,
        can: { manage: canManageCommunity(actor, ancestors.get(t.unitId) ?? []) },
      };
    });
  }

  async function detail(actor: Actor, id: number, exec: Executor = db): Promise<TeamDetail> {
    const team = await repo.findTeam(id, exec);
    if (!team) throw new AppError('NOT_FOUND');
    const [view] = await views(actor, [team], exec);
    const members = await repo.membersOf(id, exec);
    const whole = seesWholePhone(actor, await communeUnitIds(team.communeId, exec));
    const others = await repo.otherTeamCounts(
      members.map((m) => m.personId),
      id,
      exec,
    );
    return { ...view, members: members.map((m) => memberView(m, whole, others.get(m.personId) ?? 0)) };
  }

  async function decisionFile(actor: Actor, publicId: string | null, exec: Executor) {
    if (!publicId) return null;
    const file = await repo.file(publicId, exec);
    const fileAncestors = file?.unitId ? await unitAncestorIds(exec, file.unitId) : [];
    if (!file || !canAttachFile(actor, file, fileAncestors, 'community.manage'))
      throw fieldError('body.decisionFileId', 'community.unknown_file');
    return file.id;
  }

  const snapshot = (t: TeamInput & { communeId: number }, fileId: number | null) => ({
    unitId: t.unitId,
    communeId: t.communeId,
    name: t.name,
    decisionNumber: t.decisionNumber,
    decisionDate: t.decisionDate,
    decisionSigner: t.decisionSigner,
    decisionFileId: fileId,
    status: t.status,
  });

  async function loadForManage(actor: Actor | null, id: number, exec: Executor) {
    return guard.forEntity(
      actor,
      canManageCommunity,
      () => repo.findTeam(id, exec),
      (t) => t.unitId,
      {
        exec,
      },
    );
  }

  return {
    async list(actorIn, query) {
      const { actor } = await guard.forUnit(actorIn, 'community.read', query.unitId);
      return { items: await views(actor, await repo.listTeams(query.unitId, query.status)) };
    },

    async get(actorIn, id) {
      const { actor } = await guard.forEntity(
        actorIn,
        'community.read',
        () => repo.findTeam(id),
        (t) => t.unitId,
      );
      return detail(actor, id);
    },

    async create(ctx, input) {
      const { actor } = await guard.forUnit(ctx.actor, canManageCommunity, input.unitId);
      const communeId = await communeOf(input.unitId, db);
      if (input.decisionDate > today()) throw fieldError('body.decisionDate', 'community.activity_future');
      const id = await db
        .transaction()
        .execute(async (trx) => {
          const fileId = await decisionFile(actor, input.decisionFileId, trx);
          if (await repo.teamOfUnit(input.unitId, trx))
            throw new AppError('CONFLICT', { detailKey: 'community.team_exists' });
          const now = clock.now().toISOString();
          const { id } = await repo.insertTeam(
            {
              unitId: input.unitId,
              communeId,
              name: input.name,
              decisionNumber: input.decisionNumber,
              decisionDate: input.decisionDate,
              decisionSigner: input.decisionSigner,
              decisionFileId: fileId,
              status: input.status,
              createdBy: actor.userId,
              createdAt: now,
              updatedAt: now,
            },
            trx,
          );
          if (fileId) await files.assignUnit(fileId, input.unitId, trx);
          await audit.record(trx, ctx, {
            action: 'community.team.create',
            entity: 'community_team',
            entityId: id,
            unitId: input.unitId,
            after: snapshot({ ...input, communeId }, fileId),
          });
          await deps.writeKpis(trx, ctx, communeId, Number(today().slice(0, 4)));
          return id;
        })
        .catch((err) => {
          if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detailKey: 'community.team_exists' });
          throw err;
        });
      return detail(actor, id);
    },

    async update(ctx, id, input) {
      const actor = await db
        .transaction()
        .execute(async (trx) => {
          const { actor, entity: team } = await loadForManage(ctx.actor, id, trx);
          if (input.unitId !== team.unitId) {
            await guard.forUnit(actor, canManageCommunity, input.unitId, trx);
            const communeId = await communeOf(input.unitId, trx);
            if (communeId !== team.communeId)
              throw fieldError('body.unitId', 'community.village_other_commune');
          }
          if (input.decisionDate > today())
            throw fieldError('body.decisionDate', 'community.activity_future');
          const fileId =
            input.decisionFileId === null ? null : await decisionFile(actor, input.decisionFileId, trx);
          const changes = {
            unitId: input.unitId,
            name: input.name,
            decisionNumber: input.decisionNumber,
            decisionDate: input.decisionDate,
            decisionSigner: input.decisionSigner,
            decisionFileId: fileId ?? team.decisionFileId,
            status: input.status,
            updatedAt: clock.now().toISOString(),
          };
          await repo.updateTeam(id, changes, trx);
          if (fileId) await files.assignUnit(fileId, input.unitId, trx);
          await audit.record(trx, ctx, {
            action: 'community.team.update',
            entity: 'community_team',
            entityId: id,
            unitId: team.unitId,
            before: snapshot(
              { ...team, decisionFileId: null, communeId: team.communeId },
              team.decisionFileId,
            ),
            after: snapshot({ ...input, communeId: team.communeId }, changes.decisionFileId),
          });
          await deps.writeKpis(trx, ctx, team.communeId, Number(today().slice(0, 4)));
          return actor;
        })
        .catch((err) => {
          if (isUniqueViolation(err)) throw new AppError('CONFLICT', { detailKey: 'community.team_exists' });
          throw err;
        });
      return detail(actor, id);
    },

    async addMember(ctx, teamId, input) {
      const { actor, entity: team } = await loadForManage(ctx.actor, teamId, db);
      const phone = input.phone === null ? null : normalisePhone(input.phone);
      if (input.phone !== null && phone === null) throw fieldError('body.phone', 'community.phone_invalid');
      if (input.startDate < team.decisionDate)
        throw fieldError('body.startDate', 'community.member_before_team');
      const memberId = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const existing = phone ? await repo.personByPhone(phone, trx) : undefined;
        const personId =
          existing?.id ??
          (await repo.insertPerson({ fullName: input.fullName, phone, createdAt: now }, trx)).id;
        if (existing && (await repo.activeMembership(teamId, personId, trx)))
          throw new AppError('CONFLICT', {
            detailKey: 'community.member_exists',
            fieldErrors: [{ field: 'body.phone', code: 'community.member_exists' }],
          });
        const { id } = await repo.insertMember(
          {
            teamId,
            personId,
            role: input.role,
            organisation: input.organisation,
            startDate: input.startDate,
            endDate: input.endDate,
            createdAt: now,
            updatedAt: now,
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'community.member.add',
          entity: 'community_member',
          entityId: id,
          unitId: team.unitId,
          after: {
            teamId,
            personId,
            fullName: input.fullName,
            phone,
            role: input.role,
            organisation: input.organisation,
            startDate: input.startDate,
            endDate: input.endDate,
          },
        });
        return id;
      });
      const member = await repo.findMember(memberId);
      const whole = seesWholePhone(actor, await communeUnitIds(team.communeId));
      const others = await repo.otherTeamCounts([member!.personId], teamId);
      return memberView(member!, whole, others.get(member!.personId) ?? 0);
    },

    async endMember(ctx, teamId, memberId, endDate) {
      const { actor, team } = await db.transaction().execute(async (trx) => {
        const { actor, entity: team } = await loadForManage(ctx.actor, teamId, trx);
        const member = await repo.findMember(memberId, trx);
        if (!member || member.teamId !== teamId) throw new AppError('NOT_FOUND');
        if (member.endDate) throw new AppError('INVALID_STATE', { detailKey: 'community.member_ended' });
        if (endDate < member.startDate) throw fieldError('body.endDate', 'invalid_date');
        await repo.updateMember(memberId, { endDate, updatedAt: clock.now().toISOString() }, trx);
        await audit.record(trx, ctx, {
          action: 'community.member.end',
          entity: 'community_member',
          entityId: memberId,
          unitId: team.unitId,
          before: { endDate: null },
          after: { endDate },
        });
        return { actor, team };
      });
      const member = await repo.findMember(memberId);
      const whole = seesWholePhone(actor, await communeUnitIds(team.communeId));
      return memberView(
        member!,
        whole,
        (await repo.otherTeamCounts([member!.personId], teamId)).get(member!.personId) ?? 0,
      );
    },
  };
}
