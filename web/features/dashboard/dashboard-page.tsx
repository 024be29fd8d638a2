import { DxDashboard } from './dx-dashboard.js';

/** /app/dashboard: the DX dashboard on its own page (filters kept in the URL). */
export function DashboardPage() {
  return <DxDashboard withFilters />;
}
