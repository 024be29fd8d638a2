import type { ProductStatus } from '../../../../core/steer/registers.js';
import type { UnitRule } from '../../../lib/access-guard.js';
import { type Actor, canOnUnit } from '../../../lib/actor.js';

// Who may do what with a DX product (pure; the access guard supplies the unit's ancestors).

/** Its unit's officers (and the secretariat above) change it until it is accepted. */
export const canEditProduct: UnitRule<{ status: ProductStatus }> = (actor, ancestors) =>
  canOnUnit(actor, 'steer.report', ancestors);

export const isEditable = (p: { status: ProductStatus }) => p.status !== 'accepted';

/** The secretariat of a unit above (or of the unit) accepts or returns it. */
export const canDecideProduct = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'steer.manage', ancestors);
