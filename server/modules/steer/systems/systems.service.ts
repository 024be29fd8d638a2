import type {
  SystemInput,
  SystemListQuery,
  SystemProblems,
  SystemUpdate,
  SystemView,
} from '../../../../core/contracts/steer-registers.js';
import {
  findOverlaps,
  hasApprovedSecurity,
  isIntegrated,
  isJudged,
  type NationalDatabase,
  unitShares,
} from '../../../../core/steer/registers.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Executor } from '../../../db/executor.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { unitAncestorIdsMany } from '../../../lib/unit-ancestors.js';
import '../products/products.messages.js';
import { canEditSystem } from './systems.policy.js';
import type { SystemRow } from './systems.repository.js';
import type { SteerSystemsService, SystemsServiceDeps } from './systems.types.js';

// The information systems and IT projects register: what each unit runs, its integration with the provincial
// data-sharing platform (LGSP) and the national databases, its security level under Decree 85/2016 and its
// review. Every write recomputes the owner unit's integrated and approved-security shares (core/steer/registers)
// and writes them into the kpis module for the current year, in the same transaction.

export const INTEGRATED_KPI = 'STEER_SYSTEMS_INTEGRATED_RATE';
export const SECURITY_KPI = 'STEER_SYSTEMS_SECURITY_RATE';

type Columns = Omit<SystemRow, 'id' | 'unitId' | 'unitName' | 'createdBy' | 'createdAt' | 'isDemo'>;

/** The stored columns of a system's input. */
export function columnsOf(input: SystemUpdate, now: string): Columns {
  return {
    name: input.name,
    purpose: input.purpose,
    purposeCategory: input.purposeCategory,
    scope: input.scope,
    usersText: input.users,
    status: input.status,
    investmentVnd: input.investmentVnd ?? null,
    yearlyBudgetVnd: input.yearlyBudgetVnd ?? null,
    startDate: input.startDate ?? null,
    goLiveDate: input.goLiveDate ?? null,
    retirementDate: input.retirementDate ?? null,
    hosting: input.hosting,
    lgspIntegrated: input.lgspIntegrated ? 1 : 0,
    nationalDbs: JSON.stringify(input.nationalDbs),
    dataShared: input.dataShared ?? null,
    dataConsumed: input.dataConsumed ?? null,
    securityLevel: input.securityLevel ?? null,
    securityPlanApproved: input.securityPlanApproved ? 1 : 0,
    securityDecisionNumber: input.securityDecisionNumber ?? null,
    securityDecisionDate: input.securityDecisionDate ?? null,
    lastReviewDate: input.lastReviewDate ?? null,
    reviewFindings: input.reviewFindings ?? null,
    updatedAt: now,
  };
}

const shareInput = (
  s: Pick<SystemRow, 'unitId' | 'status' | 'lgspIntegrated' | 'securityLevel' | 'securityPlanApproved'>,
) => ({
  ownerUnitId: s.unitId,
  status: s.status,
  lgspIntegrated: s.lgspIntegrated === 1,
  securityLevel: s.securityLevel,
  securityPlanApproved: s.securityPlanApproved === 1,
});

/** The audit's picture of a system: its stored columns without bookkeeping. */
const auditOf = (s: Partial<SystemRow>) => {
  const { updatedAt: _u, createdAt: _c, unitName: _n, isDemo: _d, ...rest } = s;
  return rest;
};

export function toView(s: SystemRow, canEdit: boolean): SystemView {
  return {
    id: s.id,
    unitId: s.unitId,
    unitName: s.unitName,
    name: s.name,
    purpose: s.purpose,
    purposeCategory: s.purposeCategory,
    scope: s.scope,
    users: s.usersText,
    status: s.status,
    investmentVnd: s.investmentVnd === null ? null : Number(s.investmentVnd),
    yearlyBudgetVnd: s.yearlyBudgetVnd === null ? null : Number(s.yearlyBudgetVnd),
    startDate: s.startDate,
    goLiveDate: s.goLiveDate,
    retirementDate: s.retirementDate,
    hosting: s.hosting,
    lgspIntegrated: s.lgspIntegrated === 1,
    nationalDbs: JSON.parse(s.nationalDbs) as NationalDatabase[],
    dataShared: s.dataShared,
    dataConsumed: s.dataConsumed,
    securityLevel: s.securityLevel,
    securityPlanApproved: s.securityPlanApproved === 1,
    securityDecisionNumber: s.securityDecisionNumber,
    securityDecisionDate: s.securityDecisionDate,
    lastReviewDate: s.lastReviewDate,
    reviewFindings: s.reviewFindings,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    can: { edit: canEdit },
  };
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** The register's filters (pure). */
export function matches(s: SystemRow, q: Omit<SystemListQuery, 'unitId'>): boolean {
  if (q.status && s.status !== q.status) return false;
  if (q.purposeCategory && s.purposeCategory !== q.purposeCategory) return false;
  if (q.hosting && s.hosting !== q.hosting) return false;
  if (q.integrated && (s.lgspIntegrated === 1) !== (q.integrated === 'yes')) return false;
  if (q.securityApproved && hasApprovedSecurity(shareInput(s)) !== (q.securityApproved === 'yes'))
    return false;
  if (q.q && !fold(`${s.name} ${s.purpose} ${s.unitName}`).includes(fold(q.q))) return false;
  return true;
}

export function createSystemsService(deps: SystemsServiceDeps): SteerSystemsService {
  const { db, repo, guard, audit, clock, kpis } = deps;

  /** The owner unit's shares of its systems in operation, as this year's KPI values. */
  async function writeShares(trx: Executor, ctx: AuditContext, unitId: number) {
    const [shares] = unitShares((await repo.ofUnit(unitId, trx)).map(shareInput));
    if (!shares || shares.operating === 0) return;
    const period = vietnamDate(clock.now()).slice(0, 4);
    const note = 'Sổ hệ thống thông tin';
    await kpis.write(trx, ctx, [
      {
        kpiCode: INTEGRATED_KPI,
        unitId,
        period,
        numerator: shares.integrated,
        denominator: shares.operating,
        note,
      },
      {
        kpiCode: SECURITY_KPI,
        unitId,
        period,
        numerator: shares.securityApproved,
        denominator: shares.operating,
        note,
      },
    ]);
  }

  async function editable(actor: Actor, rows: SystemRow[], exec: Executor = db) {
    const ancestors = await unitAncestorIdsMany(exec, [...new Set(rows.map((r) => r.unitId))]);
    return (r: SystemRow) => canEditSystem(actor, ancestors.get(r.unitId) ?? []);
  }

  async function viewOne(actor: Actor, id: number, exec: Executor = db) {
    const row = await repo.find(id, exec);
    if (!row) throw new AppError('NOT_FOUND');
    return toView(row, (await editable(actor, [row], exec))(row));
  }

  async function applyUpdate(
    trx: Executor,
    ctx: AuditContext,
    id: number,
    input: SystemUpdate | null,
    extra: { lastReviewDate?: string } = {},
  ) {
    const before = await repo.find(id, trx);
    if (!before) throw new AppError('NOT_FOUND');
    const now = clock.now().toISOString();
    const { updatedAt: _u, ...current } = columnsOf(toUpdate(before), now);
    const next = input ? columnsOf(input, now) : { ...current, updatedAt: now };
    if (extra.lastReviewDate) next.lastReviewDate = extra.lastReviewDate;
    const changedKeys = (Object.keys(current) as (keyof typeof current)[]).filter(
      (k) => current[k] !== next[k],
    );
    if (!changedKeys.length) return false;
    await repo.update(id, next, trx);
    await audit.record(trx, ctx, {
      action: 'steer.system.update',
      entity: 'steer_system',
      entityId: id,
      before: Object.fromEntries(changedKeys.map((k) => [k, current[k]])),
      after: Object.fromEntries(changedKeys.map((k) => [k, next[k]])),
    });
    await writeShares(trx, ctx, before.unitId);
    return true;
  }

  return {
    applyUpdate,

    async create(ctx, input: SystemInput) {
      const { actor } = await guard.forUnit(ctx.actor, canEditSystem, input.unitId);
      const id = await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        const row = await repo.insert(
          { unitId: input.unitId, ...columnsOf(input, now), createdBy: actor.userId, createdAt: now },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'steer.system.create',
          entity: 'steer_system',
          entityId: row.id,
          after: auditOf(row),
        });
        await writeShares(trx, ctx, input.unitId);
        return row.id;
      });
      return viewOne(actor, id);
    },

    async update(ctx, id, input) {
      const actor = await db.transaction().execute(async (trx) => {
        const { actor } = await guard.forEntity(
          ctx.actor,
          canEditSystem,
          () => repo.find(id, trx),
          (s) => s.unitId,
          { exec: trx },
        );
        await applyUpdate(trx, ctx, id, input);
        return actor;
      });
      return viewOne(actor, id);
    },

    async get(actorIn, id) {
      const { actor } = await guard.forEntity(
        actorIn,
        'steer.read',
        () => repo.find(id),
        (s) => s.unitId,
      );
      return viewOne(actor, id);
    },

    async list(actorIn, query) {
      const { actor } = await guard.forUnit(actorIn, 'steer.read', query.unitId);
      const rows = (await repo.listIn(query.unitId)).filter((s) => matches(s, query));
      const canEdit = await editable(actor, rows);
      return { items: rows.map((r) => toView(r, canEdit(r))) };
    },

    async problems(actorIn, unitId): Promise<SystemProblems> {
      await guard.forUnit(actorIn, 'steer.read', unitId);
      const rows = await repo.listIn(unitId);
      const ref = (s: SystemRow) => ({
        id: s.id,
        name: s.name,
        unitId: s.unitId,
        unitName: s.unitName,
        status: s.status,
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const names = new Map(rows.map((r) => [r.unitId, r.unitName]));
      const judged = rows.filter((s) => isJudged(s));
      return {
        notIntegrated: judged.filter((s) => !isIntegrated(shareInput(s))).map(ref),
        withoutSecurity: judged
          .filter((s) => !hasApprovedSecurity(shareInput(s)))
          .map((s) => ({ ...ref(s), securityLevel: s.securityLevel })),
        overlaps: findOverlaps(
          rows.map((s) => ({
            id: s.id,
            ownerUnitId: s.unitId,
            purposeCategory: s.purposeCategory,
            scope: s.scope,
            status: s.status,
          })),
        ).map((g) => ({
          purposeCategory: g.purposeCategory,
          scope: g.scope === 'province' ? ('province' as const) : ('unit' as const),
          systems: g.systemIds.map((id) => ref(byId.get(id) as SystemRow)),
        })),
        shares: unitShares(rows.map(shareInput)).map((s) => ({ ...s, unitName: names.get(s.unitId) ?? '' })),
      };
    },
  };
}

/** A stored system read back as an update input (to compare an edit against it). */
export function toUpdate(s: SystemRow): SystemUpdate {
  const v = toView(s, false);
  return {
    name: v.name,
    purpose: v.purpose,
    purposeCategory: v.purposeCategory,
    scope: v.scope,
    users: v.users,
    status: v.status,
    investmentVnd: v.investmentVnd,
    yearlyBudgetVnd: v.yearlyBudgetVnd,
    startDate: v.startDate,
    goLiveDate: v.goLiveDate,
    retirementDate: v.retirementDate,
    hosting: v.hosting,
    lgspIntegrated: v.lgspIntegrated,
    nationalDbs: v.nationalDbs,
    dataShared: v.dataShared,
    dataConsumed: v.dataConsumed,
    securityLevel: v.securityLevel,
    securityPlanApproved: v.securityPlanApproved,
    securityDecisionNumber: v.securityDecisionNumber,
    securityDecisionDate: v.securityDecisionDate,
    lastReviewDate: v.lastReviewDate,
    reviewFindings: v.reviewFindings,
  };
}
