import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert.js';
import { PageLoader } from '../components/page-loader.js';
import { useSession } from '../features/auth/use-session.js';
import { AppLayout } from './app-layout.js';

/** Signed-in area: anonymous visitors go to /login and come back to where they were. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <AppLayout session={session.data} />;
}
