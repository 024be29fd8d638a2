import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// The DX dashboard's own page (/app/dashboard) loads on demand; the home page renders DxDashboard directly.
const DashboardPage = lazy(() => import('./dashboard-page.js').then((m) => ({ default: m.DashboardPage })));

export const dashboardRoutes: RouteObject[] = [{ path: 'dashboard', element: <DashboardPage /> }];
