import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { ErrorAlert } from '../components/error-alert.js';
import { PageLoader } from '../components/page-loader.js';
import { goToSignIn } from '../features/auth/auth-api.js';
import { useSession } from '../features/auth/use-session.js';
import { AppLayout } from './app-layout.js';

/** Signed-in area: anonymous visitors go to the sign-in page (/app/login) and come back to where they were. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const signedOut = !session.isPending && !session.error && !session.data;
  useEffect(() => {
    if (signedOut) goToSignIn(`/app${location.pathname}${location.search}`);
  }, [signedOut, location.pathname, location.search]);
  if (session.error) return <ErrorAlert error={session.error} />;
  if (!session.data) return <PageLoader />;
  return <AppLayout session={session.data} />;
}
