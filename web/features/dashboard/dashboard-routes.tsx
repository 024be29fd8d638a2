import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';

// The DX dashboard's own page (/app/dashboard) loads on demand; the home page renders DxDashboard directly.
const DashboardPage = lazy(() =>
  withAllStyles(import('./dashboard-page.js')).then((m) => ({ default: m.DashboardPage })),
);

export const dashboardRoutes: RouteObject[] = [{ path: 'dashboard', element: <DashboardPage /> }];
