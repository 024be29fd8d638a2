import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';

const ContestsPage = lazy(() =>
  withAllStyles(import('./contests-page.js')).then((m) => ({ default: m.ContestsPage })),
);
const ContestPage = lazy(() =>
  withAllStyles(import('./contest-page.js')).then((m) => ({ default: m.ContestPage })),
);
const BankPage = lazy(() => withAllStyles(import('./bank-page.js')).then((m) => ({ default: m.BankPage })));

// Contest pages load on demand (React.lazy) so the sign-in page stays small.
export const contestRoutes: RouteObject[] = [
  { path: 'contest', element: <ContestsPage /> },
  { path: 'contest/bank', element: <BankPage /> },
  { path: 'contest/:id', element: <ContestPage /> },
];
