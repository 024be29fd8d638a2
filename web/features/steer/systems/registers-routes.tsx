import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { withAllStyles } from '../../../components/lazy-page.js';

// The registers' pages (DX products, information systems, review campaigns), loaded on demand.
const page = <K extends string>(load: () => Promise<Record<K, () => React.ReactNode>>, name: K) =>
  lazy(() => withAllStyles(load()).then((m) => ({ default: m[name] })));

const ProductsPage = page(() => import('../products/products-page.js'), 'ProductsPage');
const SystemsPage = page(() => import('./systems-page.js'), 'SystemsPage');
const SystemPage = page(() => import('./system-page.js'), 'SystemPage');
const ReviewsPage = page(() => import('./reviews-page.js'), 'ReviewsPage');
const ReviewPage = page(() => import('./review-page.js'), 'ReviewPage');

export const registersRoutes: RouteObject[] = [
  { path: 'steer/products', element: <ProductsPage /> },
  { path: 'steer/systems', element: <SystemsPage /> },
  { path: 'steer/systems/reviews', element: <ReviewsPage /> },
  { path: 'steer/systems/reviews/:id', element: <ReviewPage /> },
  { path: 'steer/systems/:id', element: <SystemPage /> },
];
