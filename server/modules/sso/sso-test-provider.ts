import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import Fastify from 'fastify';

// A small OpenID Connect provider for tests: discovery, JWKS, and a token endpoint that checks the PKCE verifier
// and answers an RS256 ID token. The test plays the browser: it reads state, nonce and code_challenge from the
// redirect DXBoard answers, then asks `authorize()` for a code, optionally with a faulty token (another key,
// another audience, expired, another nonce).

export type TokenFault = { key?: 'other'; aud?: string; expSeconds?: number; nonce?: string };
type Grant = { nonce: string; codeChallenge: string; claims: Record<string, unknown>; fault: TokenFault };

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string) {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const data = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

export async function startTestOidcProvider(options: { clientId: string; now: () => Date }) {
  const good = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const grants = new Map<string, Grant>();
  const tokenRequests: Record<string, string>[] = [];
  let counter = 0;
  const app = Fastify();
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  // Known once listening; the routes read it then.
  let issuer = '';

  app.get('/.well-known/openid-configuration', async () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
  }));
  app.get('/jwks', async () => ({
    keys: [{ ...good.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }],
  }));
  app.post('/token', async (request, reply) => {
    const form = request.body as Record<string, string>;
    tokenRequests.push(form);
    const grant = grants.get(form.code);
    grants.delete(form.code);
    const challenge = createHash('sha256')
      .update(form.code_verifier ?? '')
      .digest('base64url');
    if (!grant || form.grant_type !== 'authorization_code' || challenge !== grant.codeChallenge)
      return reply.code(400).send({ error: 'invalid_grant' });
    const now = Math.floor(options.now().getTime() / 1000);
    const f = grant.fault;
    const claims = {
      iss: issuer,
      aud: f.aud ?? options.clientId,
      iat: now,
      exp: now + (f.expSeconds ?? 300),
      nonce: f.nonce ?? grant.nonce,
      ...grant.claims,
    };
    return {
      access_token: 'at',
      token_type: 'Bearer',
      id_token: signJwt(claims, f.key === 'other' ? other.privateKey : good.privateKey, 'k1'),
    };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    issuer,
    tokenRequests,
    /** The citizen consents: a code for the sign-in whose redirect is `location`. */
    authorize(location: string, claims: Record<string, unknown>, fault: TokenFault = {}) {
      const url = new URL(location);
      const code = `code-${++counter}`;
      grants.set(code, {
        nonce: url.searchParams.get('nonce') ?? '',
        codeChallenge: url.searchParams.get('code_challenge') ?? '',
        claims,
        fault,
      });
      return { code, state: url.searchParams.get('state') ?? '' };
    },
    close: () => app.close(),
  };
}
