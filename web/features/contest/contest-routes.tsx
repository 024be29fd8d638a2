import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ContestsPage = lazy(() => import('./contests-page.js').then((m) => ({ default: m.ContestsPage })));
const ContestPage = lazy(() => import('./contest-page.js').then((m) => ({ default: m.ContestPage })));
const BankPage = lazy(() => import('./bank-page.js').then((m) => ({ default: m.BankPage })));

// Contest pages load on demand (React.lazy) so the sign-in page stays small.
export const contestRoutes: RouteObject[] = [
  { path: 'contest', element: <ContestsPage /> },
  { path: 'contest/bank', element: <BankPage /> },
  { path: 'contest/:id', element: <ContestPage /> },
];
