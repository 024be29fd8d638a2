import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';

const NewsListPage = lazy(() =>
  withAllStyles(import('./news-list-page.js')).then((m) => ({ default: m.NewsListPage })),
);
const NewsEditorPage = lazy(() =>
  withAllStyles(import('./news-editor-page.js')).then((m) => ({ default: m.NewsEditorPage })),
);

// News pages load on demand (React.lazy) so the sign-in page stays small.
export const newsRoutes: RouteObject[] = [
  { path: 'news', element: <NewsListPage /> },
  { path: 'news/new', element: <NewsEditorPage /> },
  { path: 'news/:id', element: <NewsEditorPage /> },
];
