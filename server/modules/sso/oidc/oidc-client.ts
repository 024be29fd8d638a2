import type { OidcConfig } from '../../../config.js';
import {
  candidateKeys,
  checkClaims,
  decodeIdToken,
  hasValidSignature,
  type IdTokenClaims,
  IdTokenError,
  type Jwk,
} from './id-token.js';

// The provider's side of the authorization code flow: the discovery document and the JWKS (cached for an hour;
// the keys fetched again once when a token names a key we do not hold — the provider rotated), the token request
// with the PKCE verifier, and the ID token's verification. HTTP errors are thrown as plain errors: the service
// turns them into one "the provider did not answer" problem.

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type Discovery = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
};

const CACHE_MS = 60 * 60_000;
const TIMEOUT_MS = 10_000;

async function getJson(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit = {},
): Promise<Record<string, any>> {
  const res = await fetchImpl(url, {
    ...init,
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`${new URL(url).pathname} answered HTTP ${res.status}`);
  }
  // The callers check every field they read (discovery, token response, JWKS): the body is untrusted.
  return (await res.json()) as Record<string, any>;
}

export function createOidcClient(config: OidcConfig, fetchImpl: FetchLike, nowMs: () => number) {
  let discovery: { value: Discovery; at: number } | undefined;
  let jwks: { keys: Jwk[]; at: number } | undefined;

  async function discover(): Promise<Discovery> {
    if (discovery && nowMs() - discovery.at < CACHE_MS) return discovery.value;
    const doc = await getJson(fetchImpl, `${config.issuerUrl}/.well-known/openid-configuration`);
    for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const)
      if (typeof doc[field] !== 'string') throw new Error(`the discovery document has no ${field}`);
    // The issuer a token must carry is the one the document states, and it must be the configured one.
    if (doc.issuer.replace(/\/+$/, '') !== config.issuerUrl)
      throw new Error('the discovery document names another issuer');
    const value = doc as Discovery;
    discovery = { value, at: nowMs() };
    return value;
  }

  async function keys(refresh: boolean): Promise<Jwk[]> {
    if (!refresh && jwks && nowMs() - jwks.at < CACHE_MS) return jwks.keys;
    const doc = await getJson(fetchImpl, (await discover()).jwks_uri);
    jwks = { keys: Array.isArray(doc.keys) ? doc.keys : [], at: nowMs() };
    return jwks.keys;
  }

  return {
    discover,

    async authorizationUrl(p: { state: string; nonce: string; codeChallenge: string }) {
      const url = new URL((await discover()).authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: config.redirectUrl,
        scope: config.scopes,
        state: p.state,
        nonce: p.nonce,
        code_challenge: p.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },

    /** Exchanges the code (client_secret_basic when there is a secret, a public client otherwise). */
    async exchangeCode(code: string, codeVerifier: string): Promise<string> {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: config.redirectUrl,
        code_verifier: codeVerifier,
      });
      if (config.clientSecret) {
        const basic = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
        headers.authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
      } else form.set('client_id', config.clientId);
      const body = await getJson(fetchImpl, (await discover()).token_endpoint, {
        method: 'POST',
        headers,
        body: form.toString(),
      });
      if (typeof body.id_token !== 'string') throw new Error('the token response has no id_token');
      return body.id_token;
    },

    /** The verified claims, or IdTokenError with the reason. */
    async verifyIdToken(token: string, nonce: string, now: Date): Promise<IdTokenClaims> {
      const { claims } = decodeIdToken(token);
      let candidates = candidateKeys(token, await keys(false));
      if (candidates.length === 0) candidates = candidateKeys(token, await keys(true));
      if (!candidates.some((k) => hasValidSignature(token, k))) throw new IdTokenError('signature');
      checkClaims(claims, { issuer: (await discover()).issuer, clientId: config.clientId, nonce, now });
      return claims;
    },
  };
}
export type OidcClient = ReturnType<typeof createOidcClient>;
