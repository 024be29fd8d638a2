import { maskPhoneDigits, SKILLS, type Skill } from '../../../../core/community/community.js';
import {
  type CommuneTargets,
  fillMonths,
  findLaggards,
  pageOfRollup,
  sumAreas,
} from '../../../../core/community/rollup.js';
import {
  PublicCommunesSchema,
  type Rollup,
  RollupSchema,
  type Targets,
} from '../../../../core/contracts/community.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import { REVISED_TABLES, tableRevisions } from '../../../db/revisions.js';
import { AppError, validation } from '../../../lib/errors.js';
import { createLru } from '../../../lib/lru.js';
import { canManageCommunity, isCommuneLevel } from '../community.policy.js';
import type { CommunityRepository } from '../community.repository.js';
import type { CommunityServiceDeps, PublicCommunityService, RollupsService } from '../community.types.js';
import '../community.messages.js';

// Targets per commune and year, the monthly roll-up of a commune or of everything below a unit (the province),
// and the laggard communes. The database sums (per commune and month, per skill); core/community/rollup.ts
// fills months, running totals and judges laggards.

type TargetRow = Awaited<ReturnType<CommunityRepository['targetsOf']>>[number];

function targetsFrom(communeId: number, year: number, rows: TargetRow[]): Targets {
  const own = rows.filter((r) => r.communeId === communeId);
  const total = (metric: string) => own.find((r) => r.metric === metric && r.skill === '')?.value ?? null;
  return {
    communeId,
    year,
    teams: total('teams'),
    sessions: total('sessions'),
    people: total('people'),
    perSkill: own
      .filter(
        (r) => r.metric === 'people' && r.skill !== '' && (SKILLS as readonly string[]).includes(r.skill),
      )
      .map((r) => ({ skill: r.skill as Skill, people: r.value })),
  };
}

export function createRollupsService(deps: CommunityServiceDeps): RollupsService {
  const { db, repo, guard, audit, clock } = deps;

  async function assertCommune(communeId: number, field: string) {
    const unit = await repo.unit(communeId);
    if (!unit || !isCommuneLevel(unit)) throw validation([{ field, code: 'community.not_commune' }]);
  }

  /** The tables whose writes change a roll-up's structure (their revision counters are bumped by triggers). */
  const STRUCTURE_SOURCES = [...REVISED_TABLES.units, 'community_teams', 'community_members'];
  type Structure = {
    communes: Awaited<ReturnType<CommunityRepository['communesIn']>>;
    structure: Awaited<ReturnType<CommunityRepository['structureByCommune']>>;
    areaRows: Awaited<ReturnType<CommunityRepository['areasOf']>>;
  };
  const structures = createLru<Structure>(16);
  async function structureOf(unitId: number): Promise<Structure> {
    const key = `${unitId}|${await tableRevisions(db, STRUCTURE_SOURCES)}`;
    const hit = structures.get(key);
    if (hit) return hit;
    const [communes, structure, areaRows] = await Promise.all([
      repo.communesIn(unitId),
      repo.structureByCommune(unitId),
      repo.areasOf(unitId),
    ]);
    const value = { communes, structure, areaRows };
    structures.set(key, value);
    return value;
  }

  return {
    async getTargets(actor, communeId, year) {
      await guard.forUnit(actor, 'community.read', communeId);
      return targetsFrom(communeId, year, await repo.targetsOf([communeId], year));
    },

    async putTargets(ctx, input) {
      await guard.forUnit(ctx.actor, canManageCommunity, input.communeId);
      await assertCommune(input.communeId, 'body.communeId');
      const rows = [
        ...(['teams', 'sessions', 'people'] as const)
          .filter((m) => input[m] !== null)
          .map((metric) => ({ metric, skill: '', value: input[metric] as number })),
        ...input.perSkill.map((p) => ({ metric: 'people' as const, skill: p.skill, value: p.people })),
      ];
      if (new Set(input.perSkill.map((p) => p.skill)).size !== input.perSkill.length)
        throw validation([{ field: 'body.perSkill', code: 'invalid_value' }]);
      return db.transaction().execute(async (trx) => {
        const before = targetsFrom(
          input.communeId,
          input.year,
          await repo.targetsOf([input.communeId], input.year, trx),
        );
        await repo.replaceTargets(input.communeId, input.year, rows, clock.now().toISOString(), trx);
        const after = targetsFrom(
          input.communeId,
          input.year,
          await repo.targetsOf([input.communeId], input.year, trx),
        );
        await audit.record(trx, ctx, {
          action: 'community.targets.set',
          entity: 'community_targets',
          entityId: `${input.communeId}:${input.year}`,
          unitId: input.communeId,
          before,
          after,
        });
        return after;
      });
    },

    async rollup(actor, query): Promise<Rollup> {
      await guard.forUnit(actor, 'community.read', query.unitId);
      const unit = await repo.unit(query.unitId);
      if (!unit) throw new AppError('NOT_FOUND');
      const today = vietnamDate(clock.now());
      const currentYear = Number(today.slice(0, 4));
      const throughMonth =
        query.throughMonth ??
        (query.year < currentYear ? 12 : query.year > currentYear ? 0 : Number(today.slice(5, 7)));
      // Independent reads: on PostgreSQL they run on separate pooled connections at once. The structure
      // (communes, areas, teams, villages, members) is reused while the unit, team and member tables are
      // unchanged: most writes are activities logged, after which only the sums are read again.
      const [{ communes, structure, areaRows }, monthly, skillRows] = await Promise.all([
        structureOf(query.unitId),
        repo.monthlyByCommune(query.unitId, query.year),
        repo.perSkill(query.unitId, query.year),
      ]);
      const targetRows = await repo.targetsOf(
        communes.map((c) => c.id),
        query.year,
      );
      // Months grouped by commune once (a country has 3,321 communes and ~40,000 commune-months).
      const monthsOf = new Map<number, typeof monthly>();
      for (const m of monthly) {
        const list = monthsOf.get(m.communeId);
        if (list) list.push(m);
        else monthsOf.set(m.communeId, [m]);
      }
      // Targets grouped by commune once too (a country's can be ~30,000 rows).
      const targetsOf = new Map<number, TargetRow[]>();
      for (const r of targetRows) {
        const list = targetsOf.get(r.communeId);
        if (list) list.push(r);
        else targetsOf.set(r.communeId, [r]);
      }
      const perCommune = communes.map((c) => {
        const months = monthsOf.get(c.id) ?? [];
        const t = targetsFrom(c.id, query.year, targetsOf.get(c.id) ?? []);
        return {
          communeId: c.id,
          communeName: c.name,
          villages: structure.villages.get(c.id) ?? 0,
          teams: structure.teams.get(c.id) ?? 0,
          sessions: months.reduce((s, m) => s + m.sessions, 0),
          people: months.reduce((s, m) => s + m.people, 0),
          households: months.reduce((s, m) => s + m.households, 0),
          months: months
            .map((m) => ({ month: m.month, sessions: m.sessions, people: m.people }))
            .sort((a, b) => a.month - b.month),
          targets: { teams: t.teams, sessions: t.sessions, people: t.people },
        };
      });
      const byMonth = new Map<
        number,
        { month: number; sessions: number; people: number; households: number }
      >();
      for (const m of monthly) {
        const acc = byMonth.get(m.month) ?? { month: m.month, sessions: 0, people: 0, households: 0 };
        acc.sessions += m.sessions;
        acc.people += m.people;
        acc.households += m.households;
        byMonth.set(m.month, acc);
      }
      const targets = new Map<number, CommuneTargets>(perCommune.map((c) => [c.communeId, c.targets]));
      const laggards = findLaggards(
        perCommune.map((c) => ({
          communeId: c.communeId,
          communeName: c.communeName,
          teams: c.teams,
          months: c.months.map((m) => ({ ...m, households: 0 })),
        })),
        targets,
        throughMonth,
      );
      const perSkill = skillRows
        .filter((s) => (SKILLS as readonly string[]).includes(s.skill))
        .map((s) => ({ ...s, skill: s.skill as Skill }))
        .sort((a, b) => SKILLS.indexOf(a.skill) - SKILLS.indexOf(b.skill));
      const view = {
        unitId: unit.id,
        unitName: unit.name,
        year: query.year,
        throughMonth,
        totals: {
          communes: communes.length,
          communesWithTeams: perCommune.filter((c) => c.teams > 0).length,
          villages: perCommune.reduce((s, c) => s + c.villages, 0),
          teams: perCommune.reduce((s, c) => s + c.teams, 0),
          members: structure.members,
          sessions: perCommune.reduce((s, c) => s + c.sessions, 0),
          people: perCommune.reduce((s, c) => s + c.people, 0),
          households: perCommune.reduce((s, c) => s + c.households, 0),
        },
        months: fillMonths([...byMonth.values()]),
        perSkill,
        communes: perCommune,
        laggards,
        areas: sumAreas(areaRows, perCommune, new Set(laggards.map((l) => l.communeId))),
      };
      // Without a page asked for (exports, the dashboard), the whole lists.
      const all = Math.max(1, perCommune.length, laggards.length);
      return pageOfRollup(view, query.offset ?? 0, query.limit ?? all);
    },

    async rollupJson(actor, query) {
      return JSON.stringify(RollupSchema.parse(await this.rollup(actor, query)));
    },

    async rollupBody(actor, query) {
      return Buffer.from(await this.rollupJson(actor, query), 'utf8');
    },
  };
}

/** The public "find a team near you" reads: active teams of a commune with the leader's masked phone. */
export function createPublicCommunityService(
  deps: Pick<CommunityServiceDeps, 'repo' | 'clock'>,
): PublicCommunityService {
  const { repo, clock } = deps;
  const communes = async () => ({ items: await repo.publicCommunes() });
  return {
    communes,
    communesBody: async () =>
      Buffer.from(JSON.stringify(PublicCommunesSchema.parse(await communes())), 'utf8'),
    async summary(rootUnitId, year) {
      const structure = await repo.structureByCommune(rootUnitId);
      const monthly = await repo.monthlyByCommune(rootUnitId, year);
      return {
        teams: [...structure.teams.values()].reduce((s, t) => s + t, 0),
        activities: monthly.reduce((s, m) => s + m.sessions, 0),
        people: monthly.reduce((s, m) => s + m.people, 0),
        asOf: vietnamDate(clock.now()),
      };
    },
    async teams(communeId) {
      const unit = await repo.unit(communeId);
      if (!unit || !isCommuneLevel(unit)) throw new AppError('NOT_FOUND');
      const today = vietnamDate(clock.now());
      const teams = await repo.publicTeams(communeId, Number(today.slice(0, 4)));
      const leaders = await repo.leadersOf(teams.map((t) => t.id));
      return {
        communeId,
        communeName: unit.name,
        asOf: today,
        items: teams.map((t) => {
          const mine = leaders.filter((l) => l.teamId === t.id);
          const contact = mine.find((l) => l.role === 'leader') ?? mine[0];
          return {
            id: t.id,
            name: t.name,
            villageName: t.villageName,
            members: Number(t.members ?? 0),
            contactName: contact?.fullName ?? null,
            contactPhone: contact?.phone ? maskPhoneDigits(contact.phone) : null,
            activitiesThisYear: Number(t.activities ?? 0),
          };
        }),
      };
    },
  };
}
