import { type Actor, canOnUnit } from '../../../lib/actor.js';

// Who may do what in the information systems register (pure; the access guard supplies the ancestors).

/** The owner unit's officers (and the secretariat above) register, edit and confirm its systems. */
export const canEditSystem = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'steer.report', ancestors);

/** The secretariat of the campaign's root unit opens, closes and reminds. */
export const canRunCampaign = (actor: Actor | null, ancestors: readonly number[]) =>
  canOnUnit(actor, 'steer.manage', ancestors);
