import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../components/lazy-page.js';

// Feedback pages load on demand (React.lazy) so the sign-in page stays small.
const QueuePage = lazy(() =>
  withAllStyles(import('./queue-page.js')).then((m) => ({ default: m.FeedbackQueuePage })),
);
const ReportPage = lazy(() =>
  withAllStyles(import('./report-page.js')).then((m) => ({ default: m.FeedbackReportPage })),
);
const CategoriesPage = lazy(() =>
  withAllStyles(import('./categories-page.js')).then((m) => ({ default: m.FeedbackCategoriesPage })),
);
const RulesPage = lazy(() =>
  withAllStyles(import('./rules-page.js')).then((m) => ({ default: m.FeedbackRulesPage })),
);

export const feedbackRoutes: RouteObject[] = [
  { path: 'feedback', element: <QueuePage /> },
  { path: 'feedback/reports/:id', element: <ReportPage /> },
  { path: 'feedback/categories', element: <CategoriesPage /> },
  { path: 'feedback/rules', element: <RulesPage /> },
];
