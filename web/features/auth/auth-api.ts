import type { Role } from '../../../core/accounts/permissions.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { api, setCsrfToken } from '../../lib/api-client.js';

export type Grant = { role: Role; unitId: number; unitName: string };
export type Session = {
  user: { id: number; email: string; fullName: string; locale: Locale };
  grants: Grant[];
  csrfToken: string;
};

export const SESSION_KEY = ['session'] as const;

// The CSRF token lives only in memory: it is re-read from /me after a reload.
function keepCsrf(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}

export async function fetchSession(): Promise<Session> {
  return keepCsrf(await api.get<Session>('/api/auth/me'));
}

export async function login(email: string, password: string): Promise<Session> {
  return keepCsrf(await api.post<Session>('/api/auth/login', { email, password }));
}

export async function logout(everywhere: boolean): Promise<void> {
  await api.post(everywhere ? '/api/auth/logout-all' : '/api/auth/logout');
  setCsrfToken(null);
}

export function requestPasswordReset(email: string): Promise<unknown> {
  return api.post('/api/auth/password-reset/request', { email });
}

export function confirmPasswordReset(token: string, newPassword: string): Promise<unknown> {
  return api.post('/api/auth/password-reset/confirm', { token, newPassword });
}

export function isAdmin(session: Session | undefined): boolean {
  return Boolean(session?.grants.some((g) => g.role === 'admin'));
}

export function hasAnyRole(session: Session | undefined, roles: readonly Role[]): boolean {
  return Boolean(session?.grants.some((g) => roles.includes(g.role)));
}

/**
 * The sign-in page is a separate light entry (web/login, served at /app/login), not a route of this app:
 * going there is a full page load. `next` is where to come back to, inside the staff app.
 */
export function goToSignIn(next?: string): void {
  const query = next ? `?next=${encodeURIComponent(next)}` : '';
  window.location.replace(`/app/login${query}`);
}
