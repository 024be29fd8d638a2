import type { Grant } from '../auth/auth-api.js';

// Which blocks a person's home shows, from their grants alone (the server still judges every read):
// - the DX dashboard for leaders, the secretariat and admins (on their first such unit);
// - the appraiser's queue for the secretariat;
// - "Việc của đơn vị" for officers, one unit at a time;
// - the read-only summary when none of these apply (viewers, or no role yet).

export type HomeBlocks = {
  dashboardUnitId: number | null;
  appraiser: boolean;
  officerUnits: { id: number; name: string }[];
  viewer: boolean;
};

const DASHBOARD_ROLES = new Set(['admin', 'secretariat', 'leader']);

export function homeBlocks(grants: readonly Grant[]): HomeBlocks {
  const dashboard = grants.find((g) => DASHBOARD_ROLES.has(g.role));
  const officerUnits: HomeBlocks['officerUnits'] = [];
  for (const g of grants) {
    if (g.role === 'officer' && !officerUnits.some((u) => u.id === g.unitId)) {
      officerUnits.push({ id: g.unitId, name: g.unitName });
    }
  }
  const appraiser = grants.some((g) => g.role === 'secretariat');
  return {
    dashboardUnitId: dashboard?.unitId ?? null,
    appraiser,
    officerUnits,
    viewer: !dashboard && !appraiser && officerUnits.length === 0,
  };
}
