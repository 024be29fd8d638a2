import { createHash, randomBytes } from 'node:crypto';
import type { OidcConfig } from '../../config.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { maskPhone } from '../../lib/mask.js';
import { IdTokenError } from './oidc/id-token.js';
import type { OidcClient } from './oidc/oidc-client.js';
import type { SsoRepository } from './sso.repository.js';
import type { CitizenIdentityReader, SsoService } from './sso.types.js';
import './sso.messages.js';

// Citizen single sign-on (OpenID Connect, issues 12 and 13): the authorization code flow with PKCE, a state
// bound to the browser by a cookie and used once, a nonce bound into the ID token, and the ID token verified
// (JWKS signature, iss, aud, exp, nonce) before a citizen session exists. Feedback and Contest read the session
// through the identity reader. Nothing here makes a staff account: citizens have no roles.

export type SsoDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'rateLimiter'> & {
  oidc: OidcConfig | undefined;
  client: OidcClient | undefined;
  repo: SsoRepository;
};

const LOGIN_TTL_MS = 10 * 60_000;
const SESSION_TTL_MS = 8 * 3600_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const random = () => randomBytes(32).toString('base64url');

/** Only a path on this site (never '//host' or a full URL): the sign-in cannot redirect anywhere else. */
function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value.length > 500 ? '/' : value;
}

const maskEmail = (email: string) => email.replace(/^(.)[^@]*@/, '$1***@');

export function createCitizenIdentityReader(
  deps: Pick<SsoDeps, 'clock' | 'oidc' | 'repo'>,
): CitizenIdentityReader {
  const { clock, oidc, repo } = deps;
  return {
    configured: !!oidc,
    providerName: oidc?.providerName ?? null,
    async identify(token) {
      if (!oidc || !token || token.length > 100) return null;
      const row = await repo.findSession(sha256(token), clock.now().toISOString());
      if (!row) return null;
      return {
        issuer: row.issuer,
        subject: row.subject,
        name: row.name,
        email: row.email,
        phone: row.phone,
        provider: oidc.providerName,
      };
    },
  };
}

export function createSsoService(deps: SsoDeps): SsoService {
  const { db, clock, audit, rateLimiter, oidc, client, repo } = deps;
  const reader = createCitizenIdentityReader(deps);

  function configured() {
    if (!oidc || !client) throw new AppError('NOT_FOUND', { detailKey: 'sso.not_configured' });
    return { oidc, client };
  }
  const badState = () => new AppError('BAD_REQUEST', { detailKey: 'sso.state_invalid' });
  const providerError = () => new AppError('BAD_REQUEST', { detailKey: 'sso.provider_error' });

  return {
    status: () => ({ enabled: !!oidc, providerName: oidc?.providerName ?? null }),

    async start(ctx, returnTo) {
      const { client: c } = configured();
      const r = await rateLimiter.hit(`sso:start:${ctx.ip ?? 'unknown'}`, 30, 3600);
      if (!r.allowed)
        throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
      const state = random();
      const nonce = random();
      const codeVerifier = random();
      const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
      let redirectUrl: string;
      try {
        redirectUrl = await c.authorizationUrl({ state, nonce, codeChallenge });
      } catch {
        throw new AppError('UNAVAILABLE', { detailKey: 'sso.provider_error' });
      }
      const now = clock.now();
      await repo.purgeLogins(now.toISOString());
      await repo.insertLogin({
        stateHash: sha256(state),
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(returnTo),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + LOGIN_TTL_MS).toISOString(),
      });
      return { redirectUrl, state };
    },

    async callback(ctx, query, cookieState) {
      const { oidc: o, client: c } = configured();
      if (!query.state || !cookieState || query.state !== cookieState) throw badState();
      // Used once, whatever happens next: a replayed redirect (or a second tab) finds it used.
      const login = await repo.consumeLogin(sha256(query.state), clock.now().toISOString());
      if (!login) throw badState();
      if (query.error || !query.code) throw providerError();
      let idToken: string;
      try {
        idToken = await c.exchangeCode(query.code, login.codeVerifier);
      } catch {
        throw providerError();
      }
      let claims: Awaited<ReturnType<OidcClient['verifyIdToken']>>;
      try {
        claims = await c.verifyIdToken(idToken, login.nonce, clock.now());
      } catch (error) {
        if (error instanceof IdTokenError)
          throw new AppError('UNAUTHENTICATED', { detailKey: `sso.token_${error.reason}` });
        throw providerError();
      }
      const token = random();
      const now = clock.now();
      const email =
        claims.email && claims.email_verified !== false ? String(claims.email).slice(0, 200) : null;
      const phone =
        claims.phone_number && claims.phone_number_verified !== false
          ? String(claims.phone_number).slice(0, 30)
          : null;
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertSession(
          {
            tokenHash: sha256(token),
            issuer: claims.iss,
            subject: claims.sub,
            name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : null,
            email,
            phone,
            createdAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
          },
          trx,
        );
        await audit.record(trx, ctx, {
          action: 'sso.citizen.sign_in',
          entity: 'citizen_session',
          entityId: id,
          after: {
            provider: o.providerName,
            subject: sha256(`${claims.iss}|${claims.sub}`).slice(0, 16),
            email: email ? maskEmail(email) : null,
            phone: phone ? maskPhone(phone) : null,
          },
        });
      });
      await repo.purgeSessions(now.toISOString());
      return { token, maxAgeSeconds: SESSION_TTL_MS / 1000, returnTo: login.returnTo };
    },

    async me(token) {
      const who = await reader.identify(token);
      if (!who) throw new AppError('UNAUTHENTICATED', { detailKey: 'sso.signed_out' });
      return {
        name: who.name,
        email: who.email ? maskEmail(who.email) : null,
        phone: who.phone ? maskPhone(who.phone) : null,
        provider: who.provider,
      };
    },

    async logout(ctx, token) {
      if (!token || token.length > 100) return;
      const row = await repo.findSession(sha256(token), clock.now().toISOString());
      if (!row) return;
      await db.transaction().execute(async (trx) => {
        await repo.deleteSession(row.id, trx);
        await audit.record(trx, ctx, {
          action: 'sso.citizen.sign_out',
          entity: 'citizen_session',
          entityId: row.id,
        });
      });
    },
  };
}
