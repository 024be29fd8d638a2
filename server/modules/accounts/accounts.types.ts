import type {
  GrantInput,
  SessionInfo,
  TokenCreateBody,
  TokenCreated,
  TokenView,
  UserCreateBody,
  UserList,
  UserListQuery,
  UserPatchBody,
  UserView,
} from '../../../core/contracts/accounts.js';
import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import type { Actor, TokenActor, UserActor } from '../../lib/actor.js';
import type { AuditContext } from '../../lib/audit.js';
import type { PasswordResetsRepository } from './password-reset/password-resets.repository.js';
import type { SessionsRepository } from './sessions/sessions.repository.js';
import type { TokensRepository } from './tokens/tokens.repository.js';
import type { UnitScopeRepository } from './users/unit-scope.repository.js';
import type { UsersRepository } from './users/users.repository.js';

// The accounts module's public face (types). The auth plugin resolves callers through an Authenticator
// (accounts.module.ts creates it); the units and kpis demo seeds use the demo logins re-exported there.
export type { DemoLogin, DemoUnits } from './demo/demo-users.js';

/** What the accounts module needs from the container. */
export type AccountsModuleDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'mailer' | 'rateLimiter'>;

/** What resolving a caller needs from the container: sessions (idle and absolute limits from config) and tokens. */
export type AuthenticatorDeps = Pick<Deps, 'db' | 'clock' | 'config'>;
/** The authenticator itself: the sessions service and the repositories it reads. */
export type AuthenticatorParts = Pick<Deps, 'clock'> & {
  sessions: SessionsService;
  tokens: TokensRepository;
  users: UsersRepository;
  scope: UnitScopeRepository;
};

export type ResolvedCaller = { actor: UserActor; csrfToken: string; locale: string };

/** Turns a request's credentials into an actor; used by server/plugins/auth.ts on every request. */
export type Authenticator = {
  /** The session cookie's name. */
  sessionCookie: string;
  /** A bearer API token's actor (its permissions cut to its creator's current rights), or a 401. */
  fromToken(raw: string): Promise<TokenActor>;
  /** A live session's actor and CSRF token, or null (expired, idle, unknown). */
  fromSession(secret: string): Promise<ResolvedCaller | null>;
  /** Constant-time comparison of a sent CSRF token with the session's. */
  csrfMatches(sent: string, expected: string): boolean;
};

export type ResolvedSession = ResolvedCaller;

/** Database sessions: the cookie carries a random secret, the table keeps its SHA-256 as the id. */
export type SessionsDeps = Pick<Deps, 'clock' | 'config'> & { sessions: SessionsRepository };
export type SessionsService = {
  /** Creates a session; returns the cookie value (only ever held by the client) and the CSRF token. */
  create(
    userId: number,
    meta: { ip?: string; userAgent?: string },
    exec?: Executor,
  ): Promise<{ secret: string; id: string; csrfToken: string }>;
  /** The signed-in user behind a cookie value, or null when unknown, expired, idle or deactivated. */
  resolve(secret: string): Promise<ResolvedSession | null>;
  sessionIdOf(secret: string): string;
  end(sessionId: string, exec?: Executor): Promise<unknown>;
  endAllForUser(userId: number, exceptId: string | undefined, exec?: Executor): Promise<unknown>;
};

export type LoginInput = {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  previousSessionSecret?: string;
};

/** Sign-in, sign-out and password change. */
export type AuthDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'rateLimiter'> & {
  users: UsersRepository;
  sessions: SessionsService;
};
export type AuthService = {
  login(input: LoginInput, requestId?: string): Promise<{ secret: string; info: SessionInfo }>;
  logout(actor: UserActor, ctx: AuditContext, everywhere: boolean): Promise<void>;
  changePassword(actor: UserActor, ctx: AuditContext, current: string, next: string): Promise<void>;
  sessionInfo(userId: number, csrfToken: string): Promise<SessionInfo>;
  /** How long a session cookie lives (the absolute session limit). */
  sessionMaxAgeSeconds: number;
};

/** Password reset links by email, and the invitation links of accounts created without a password. */
export type PasswordResetDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'audit' | 'mailer' | 'rateLimiter'> & {
  resets: PasswordResetsRepository;
  users: UsersRepository;
  sessions: SessionsService;
};
export type PasswordResetService = {
  /** Stores a new reset token for the user (inside the caller's transaction) and returns it in clear. */
  issue(userId: number, ttlMs: number, exec?: Executor): Promise<string>;
  sendLink(to: string, link: string, kind: 'reset' | 'invite'): Promise<void>;
  request(email: string, ctx: AuditContext): Promise<void>;
  confirm(token: string, newPassword: string, ctx: AuditContext): Promise<void>;
  /** Where mailed links point, or a 503 when no public address is configured in production. */
  requireLinkBase(): string;
  /** False when mailed links are refused (production without PUBLIC_URL): worth a warning at start-up. */
  hasLinkBase(): boolean;
};

/** Users and their roles, within the actor's users.manage scope. Every operation: 401 → 403/404. */
export type UsersDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  users: UsersRepository;
  scope: UnitScopeRepository;
  sessions: SessionsService;
  resets: Pick<PasswordResetService, 'issue' | 'sendLink' | 'requireLinkBase'>;
};
export type UsersService = {
  list(actor: Actor | null, query: UserListQuery): Promise<UserList>;
  get(actor: Actor | null, id: number): Promise<UserView>;
  create(actor: Actor | null, ctx: AuditContext, body: UserCreateBody): Promise<UserView>;
  update(actor: Actor | null, ctx: AuditContext, id: number, patch: UserPatchBody): Promise<UserView>;
  setGrants(actor: Actor | null, ctx: AuditContext, id: number, grants: GrantInput[]): Promise<UserView>;
};

/** API tokens for machine clients, each scoped to one unit and a subset of its creator's permissions. */
export type TokensDeps = Pick<Deps, 'db' | 'clock' | 'audit'> & {
  tokens: TokensRepository;
  scope: UnitScopeRepository;
};
export type TokensService = {
  list(actor: Actor | null): Promise<{ items: TokenView[] }>;
  create(actor: Actor | null, ctx: AuditContext, body: TokenCreateBody): Promise<TokenCreated>;
  revoke(actor: Actor | null, ctx: AuditContext, id: number): Promise<void>;
};
