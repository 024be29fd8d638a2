import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { FullPageLoad } from '../../components/full-page-load.js';
import { withAllStyles } from '../../components/lazy-page.js';

// Measure pages load on demand so ECharts and the forms ship only with this module, each with the whole Mantine
// stylesheet (web/components/lazy-page.ts). The officer's entry form is not one of them: it is its own light
// page (web/measure-entry, served by the server at the same address), so a link to it loads that page.
const page = <K extends string>(load: () => Promise<Record<K, () => React.ReactNode>>, name: K) =>
  lazy(() => withAllStyles(load()).then((m) => ({ default: m[name] })));

const PeriodsPage = page(() => import('./periods-page.js'), 'PeriodsPage');
const PeriodPage = page(() => import('./period-page.js'), 'PeriodPage');
const AppraisalPage = page(() => import('./appraisal-page.js'), 'AppraisalPage');
const ProfilePage = page(() => import('./profile-page.js'), 'ProfilePage');
const FrameworksPage = page(() => import('./frameworks-page.js'), 'FrameworksPage');
const FrameworkPage = page(() => import('./framework-page.js'), 'FrameworkPage');
const KpisPage = page(() => import('../kpis/kpis-page.js'), 'KpisPage');

export const measureRoutes: RouteObject[] = [
  { path: 'measure', element: <PeriodsPage /> },
  { path: 'measure/periods/:periodId', element: <PeriodPage /> },
  { path: 'measure/periods/:periodId/units/:unitId/entry', element: <FullPageLoad /> },
  { path: 'measure/periods/:periodId/units/:unitId/appraisal', element: <AppraisalPage /> },
  { path: 'measure/periods/:periodId/units/:unitId/profile', element: <ProfilePage /> },
  { path: 'measure/frameworks', element: <FrameworksPage /> },
  { path: 'measure/frameworks/:id', element: <FrameworkPage /> },
  { path: 'measure/kpis', element: <KpisPage /> },
];
