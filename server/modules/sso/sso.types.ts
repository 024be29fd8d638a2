import type { Deps } from '../../deps.js';
import type { AuditContext } from '../../lib/audit.js';

// Citizen single sign-on's public face (types). Feedback and Contest ask `CitizenIdentityReader` who the
// citizen behind a request's cookie is; they never read the session table themselves.

export type SsoModuleDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'config' | 'rateLimiter'>;

/** A citizen as the identity provider vouched for them (the contact fields only when the provider sent them). */
export type CitizenIdentity = {
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** The provider's display name ("VNeID"), for texts such as "đã xác thực qua …". */
  provider: string;
};

export type CitizenIdentityReader = {
  /** Whether OIDC is configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_REDIRECT_URL). */
  configured: boolean;
  providerName: string | null;
  /** The citizen of a session token (the citizen cookie's value), or null when absent or expired. */
  identify(token: string | undefined): Promise<CitizenIdentity | null>;
};

export type SsoStatus = { enabled: boolean; providerName: string | null };
export type SsoMe = { name: string | null; email: string | null; phone: string | null; provider: string };

export type SsoService = {
  status(): SsoStatus;
  /** A new sign-in: the provider's authorization URL and the state the browser keeps in a cookie. */
  start(ctx: AuditContext, returnTo: string | undefined): Promise<{ redirectUrl: string; state: string }>;
  /** The provider's redirect back: a session token and where to send the citizen, or a 4xx AppError. */
  callback(
    ctx: AuditContext,
    query: { code?: string; state?: string; error?: string },
    cookieState: string | undefined,
  ): Promise<{ token: string; maxAgeSeconds: number; returnTo: string }>;
  me(token: string | undefined): Promise<SsoMe>;
  logout(ctx: AuditContext, token: string | undefined): Promise<void>;
};
