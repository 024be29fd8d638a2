import type {
  ProductDecision,
  ProductInput,
  ProductListQuery,
  ProductPatch,
  ProductView,
  WithoutProduct,
} from '../../../../core/contracts/steer-registers.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import type { KpiFeed } from '../../kpis/kpis.types.js';
import type { SteerTasksService } from '../tasks/tasks.types.js';
import type { ProductsRepository } from './products.repository.js';

// The DX products register's public face (types only), re-exported by steer.types.ts.

/** How a product's linked tasks are checked and named: the tasks service's getTask (401 → 404 → 403). */
export type ProductTaskLookup = Pick<SteerTasksService, 'getTask'>;

export type ProductsServiceDeps = Pick<Deps, 'db' | 'audit' | 'clock' | 'files'> & {
  repo: ProductsRepository;
  guard: AccessGuard;
  kpis: KpiFeed;
  tasks: ProductTaskLookup;
};

export type SteerProductsService = {
  /** A unit declares a product (steer.report on the unit): status 'submitted'. */
  declare(ctx: AuditContext, input: ProductInput): Promise<ProductView>;
  /** The unit corrects a product not yet accepted; a returned one is submitted again. */
  update(ctx: AuditContext, id: number, patch: ProductPatch): Promise<ProductView>;
  /** Withdraws a product not yet accepted. */
  remove(ctx: AuditContext, id: number): Promise<void>;
  /** The secretariat (steer.manage) accepts or returns (with a reason) a submitted product; the KPI follows. */
  decide(ctx: AuditContext, id: number, decision: ProductDecision): Promise<ProductView>;
  get(actor: Actor | null, id: number): Promise<ProductView>;
  list(actor: Actor | null, query: ProductListQuery): Promise<{ items: ProductView[] }>;
  /** Departments and communes below `unitId` with no accepted product in `year`. */
  withoutProduct(
    actor: Actor | null,
    query: { unitId: number; year: number; group?: 'department' | 'commune' },
  ): Promise<WithoutProduct>;
};
