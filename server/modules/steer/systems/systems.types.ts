import type {
  CampaignDetail,
  CampaignInput,
  CampaignView,
  ConfirmInput,
  SystemInput,
  SystemListQuery,
  SystemProblems,
  SystemUpdate,
  SystemView,
} from '../../../../core/contracts/steer-registers.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { KpiFeed } from '../../kpis/kpis.types.js';
import type { Notifier } from '../../notifications/notifications.types.js';
import type { SystemsRepository } from './systems.repository.js';

// The information systems register's public face (types only), re-exported by steer.types.ts.

export type SystemsServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock'> & {
  repo: SystemsRepository;
  guard: AccessGuard;
  kpis: KpiFeed;
};

export type ReviewsServiceDeps = SystemsServiceDeps & { notifier: Notifier; systems: SteerSystemsService };

export type SteerSystemsService = {
  /** Registers a system of an owner unit (steer.report there); the unit's KPI shares follow. */
  create(ctx: AuditContext, input: SystemInput): Promise<SystemView>;
  /** Replaces a system's fields (steer.report on its owner unit). */
  update(ctx: AuditContext, id: number, input: SystemUpdate): Promise<SystemView>;
  get(actor: Actor | null, id: number): Promise<SystemView>;
  list(actor: Actor | null, query: SystemListQuery): Promise<{ items: SystemView[] }>;
  /** Not integrated, without approved security, overlapping; the shares per owner unit. */
  problems(actor: Actor | null, unitId: number): Promise<SystemProblems>;
  /**
   * Inside the caller's transaction: saves `input` over system `id` (already authorised by the caller) with
   * its audit row and KPI shares, and returns whether anything changed.
   */
  applyUpdate(
    trx: Parameters<KpiFeed['write']>[0],
    ctx: AuditContext,
    id: number,
    input: SystemUpdate | null,
    extra?: { lastReviewDate?: string },
  ): Promise<boolean>;
};

export type SteerReviewsService = {
  /** Opens a campaign over the systems (not retired) of the units below `rootUnitId` (steer.manage there). */
  open(ctx: AuditContext, input: CampaignInput): Promise<CampaignDetail>;
  /** Campaigns asking units of `unitId`'s subtree, with progress over that subtree. */
  list(actor: Actor | null, unitId: number): Promise<{ items: CampaignView[] }>;
  detail(actor: Actor | null, id: number, unitId: number): Promise<CampaignDetail>;
  /** The owner unit's officer confirms a system (optionally correcting it in the same step). */
  confirm(ctx: AuditContext, id: number, itemId: number, input: ConfirmInput): Promise<CampaignDetail>;
  close(ctx: AuditContext, id: number): Promise<CampaignDetail>;
  /** Notifies the owner units that still have systems to confirm (once per unit, campaign and day). */
  remind(ctx: AuditContext, id: number): Promise<{ unitsReminded: number; unconfirmed: number }>;
  /** The daily job: reminds the units of every open campaign past its due date. */
  remindOverdue(asOf: string): Promise<number>;
};
