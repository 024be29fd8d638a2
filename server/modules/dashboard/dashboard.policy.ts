import { type Actor, canOnUnit } from '../../lib/actor.js';

// Who may open the DX dashboard of an area: dashboard.read on it (leaders, the secretariat, viewers, admins).
// Each section then asks its own module's rule (measure.read, steer.read, contest.read, community.read), so an
// API token holding dashboard.read alone sees only the sections its other permissions open.

export const canReadDashboard = (actor: Actor, ancestorIds: number[]): boolean =>
  canOnUnit(actor, 'dashboard.read', ancestorIds);
