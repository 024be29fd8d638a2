import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';

const CommunityPage = lazy(() =>
  withAllStyles(import('./community-page.js')).then((m) => ({ default: m.CommunityPage })),
);

// Community pages load on demand (React.lazy) so the sign-in page stays small.
export const communityRoutes: RouteObject[] = [{ path: 'community', element: <CommunityPage /> }];
