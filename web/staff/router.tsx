import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { withAllStyles } from '../components/lazy-page.js';
import { PageLoader } from '../components/page-loader.js';
import { UnderConstructionPage } from '../components/under-construction-page.js';
import { communityRoutes } from '../features/community/community-routes.js';
import { contestRoutes } from '../features/contest/contest-routes.js';
import { dashboardRoutes } from '../features/dashboard/dashboard-routes.js';
import { feedbackRoutes } from '../features/feedback/feedback-routes.js';
import { measureRoutes } from '../features/measure/measure-routes.js';
import { newsRoutes } from '../features/news/news-routes.js';
import { steerRoutes } from '../features/steer/steer-routes.js';
import { NotFoundPage } from './not-found-page.js';
import { RequireSession } from './require-session.js';

// Every page loads on demand (React.lazy): the app's entry keeps only the shell (layout, navigation, session),
// so a page such as a task's fetches the shell and its own chunks, not the home page's or the admin pages'
// (ECharts only ships with a unit's page). The officer's entry form is not in this app at all: it is its own
// light page (web/measure-entry).
const ForgotPasswordPage = lazy(() =>
  withAllStyles(import('../features/auth/forgot-password-page.js')).then((m) => ({
    default: m.ForgotPasswordPage,
  })),
);
const ResetPasswordPage = lazy(() =>
  withAllStyles(import('../features/auth/reset-password-page.js')).then((m) => ({
    default: m.ResetPasswordPage,
  })),
);
// The home page's styles are in the app's entry (mantine-shell.css).
const HomePage = lazy(() => import('../features/home/home-page.js').then((m) => ({ default: m.HomePage })));
const UnitsPage = lazy(() =>
  withAllStyles(import('../features/units/units-page.js')).then((m) => ({ default: m.UnitsPage })),
);
const UnitPage = lazy(() =>
  withAllStyles(import('../features/units/unit-page.js')).then((m) => ({ default: m.UnitPage })),
);
const UsersPage = lazy(() =>
  withAllStyles(import('../features/users/users-page.js')).then((m) => ({ default: m.UsersPage })),
);
const TokensPage = lazy(() =>
  withAllStyles(import('../features/tokens/tokens-page.js')).then((m) => ({ default: m.TokensPage })),
);
const NotificationsPage = lazy(() =>
  withAllStyles(import('../features/notifications/notifications-page.js')).then((m) => ({
    default: m.NotificationsPage,
  })),
);
const AuditPage = lazy(() =>
  withAllStyles(import('../features/audit/audit-page.js')).then((m) => ({ default: m.AuditPage })),
);

// Pages outside the signed-in layout (which has its own Suspense) wait for their chunk here.
function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<PageLoader />}>{page}</Suspense>;
}

export function createStaffRouter() {
  return createBrowserRouter(
    [
      { path: '/forgot-password', element: <Lazy page={<ForgotPasswordPage />} /> },
      { path: '/reset-password', element: <Lazy page={<ResetPasswordPage />} /> },
      {
        path: '/',
        element: <RequireSession />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'units', element: <UnitsPage /> },
          { path: 'units/:id', element: <UnitPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          ...dashboardRoutes,
          ...measureRoutes,
          ...steerRoutes,
          ...contestRoutes,
          { path: 'contest', element: <UnderConstructionPage moduleKey="nav.contest" /> },
          ...feedbackRoutes,
          ...communityRoutes,
          ...newsRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename: '/app' },
  );
}
