import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';
import { registersRoutes } from './systems/registers-routes.js';

const ImportPage = lazy(() =>
  withAllStyles(import('./import/import-page.js')).then((m) => ({ default: m.ImportPage })),
);
const MeetingsPage = lazy(() =>
  withAllStyles(import('./meetings/meetings-page.js')).then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  withAllStyles(import('./meetings/meeting-page.js')).then((m) => ({ default: m.MeetingPage })),
);

const PlansPage = lazy(() =>
  withAllStyles(import('./plans/plans-page.js')).then((m) => ({ default: m.PlansPage })),
);
const PlanPage = lazy(() =>
  withAllStyles(import('./plans/plan-page.js')).then((m) => ({ default: m.PlanPage })),
);
const TaskPage = lazy(() =>
  withAllStyles(import('./tasks/task-page.js')).then((m) => ({ default: m.TaskPage })),
);

const DashboardPage = lazy(() =>
  withAllStyles(import('./dashboard/dashboard-page.js')).then((m) => ({ default: m.DashboardPage })),
);
const UrgingPage = lazy(() =>
  withAllStyles(import('./urging/urging-page.js')).then((m) => ({ default: m.UrgingPage })),
);
const SteerHomePage = lazy(() =>
  withAllStyles(import('./home/home-page.js')).then((m) => ({ default: m.SteerHomePage })),
);
const ReportsPage = lazy(() =>
  withAllStyles(import('./reports/reports-page.js')).then((m) => ({ default: m.ReportsPage })),
);

// Steer pages load on demand (React.lazy, as measure-routes.tsx does) so the sign-in page stays small.
// Each feature adds its pages here: plans and tasks, meetings, the leader dashboard, the unit's home,
// reports, the registers. `steer` itself is the module's landing page.
export const steerRoutes: RouteObject[] = [
  { path: 'steer/dashboard', element: <DashboardPage /> },
  { path: 'steer/reports', element: <ReportsPage /> },
  { path: 'steer/urging', element: <UrgingPage /> },
  { path: 'steer/home', element: <SteerHomePage /> },
  { path: 'steer', element: <PlansPage /> },
  { path: 'steer/plans/:id', element: <PlanPage /> },
  { path: 'steer/tasks/:id', element: <TaskPage /> },
  { path: 'steer/plans/:id/import', element: <ImportPage /> },
  { path: 'steer/meetings', element: <MeetingsPage /> },
  { path: 'steer/meetings/:id', element: <MeetingPage /> },
  ...registersRoutes,
];
