import type { Generated } from 'kysely';

// Citizen single sign-on (OpenID Connect): started sign-ins and citizens' sessions.

export interface CitizenSsoLoginsTable {
  id: Generated<number>;
  /** sha256 of the state sent to the provider (the state itself lives only in the browser's cookie). */
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  /** A path on this site to go back to after signing in. */
  returnTo: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface CitizenSessionsTable {
  id: Generated<number>;
  tokenHash: string;
  issuer: string;
  subject: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface SsoTables {
  citizenSsoLogins: CitizenSsoLoginsTable;
  citizenSessions: CitizenSessionsTable;
}
