import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

// Verifies an OpenID Connect ID token (a JWS in compact form) with node:crypto alone: the signature by the
// provider's key from its JWKS (RS256/384/512, PS256, ES256/384), then the claims that bind it to this sign-in:
// iss (the discovered issuer), aud (our client id; azp when there are several audiences), exp and iat (with a
// small leeway for clock skew), nonce (the one this sign-in sent). Each failure has its own reason, so the
// citizen and the logs can tell a stale link from a forged token.

export type IdTokenFailure = 'malformed' | 'signature' | 'issuer' | 'audience' | 'expired' | 'nonce';

export class IdTokenError extends Error {
  constructor(readonly reason: IdTokenFailure) {
    super(`ID token rejected: ${reason}`);
  }
}

export type Jwk = JsonWebKey & { kid?: string; alg?: string; use?: string };

export type IdTokenClaims = {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nonce?: string;
  azp?: string;
  name?: string;
  email?: string;
  email_verified?: boolean;
  phone_number?: string;
  phone_number_verified?: boolean;
  [claim: string]: unknown;
};

const ALGORITHMS: Record<string, { hash: string; kty: string; pss?: boolean; ecdsa?: boolean }> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  PS256: { hash: 'sha256', kty: 'RSA', pss: true },
  ES256: { hash: 'sha256', kty: 'EC', ecdsa: true },
  ES384: { hash: 'sha384', kty: 'EC', ecdsa: true },
};

const LEEWAY_SECONDS = 60;

function decodePart(part: string): Record<string, unknown> {
  const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value;
}

/** The header and claims without any check: to pick the key (kid) before verifying. */
export function decodeIdToken(token: string) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new IdTokenError('malformed');
  try {
    return { header: decodePart(parts[0]), claims: decodePart(parts[1]) as IdTokenClaims, parts };
  } catch {
    throw new IdTokenError('malformed');
  }
}

/** Whether `jwk` signed the token (false on any mismatch of algorithm and key type). */
export function hasValidSignature(token: string, jwk: Jwk): boolean {
  const { header, parts } = decodeIdToken(token);
  const alg = ALGORITHMS[String(header.alg)];
  if (!alg || jwk.kty !== alg.kty || (jwk.alg && jwk.alg !== header.alg)) return false;
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    return verify(
      alg.hash,
      data,
      alg.ecdsa
        ? { key, dsaEncoding: 'ieee-p1363' }
        : alg.pss
          ? { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }
          : key,
      signature,
    );
  } catch {
    return false;
  }
}

/** The keys that may have signed it: the one named by kid, or every signing key when the token names none. */
export function candidateKeys(token: string, keys: Jwk[]): Jwk[] {
  const { header } = decodeIdToken(token);
  const signing = keys.filter((k) => !k.use || k.use === 'sig');
  return typeof header.kid === 'string' ? signing.filter((k) => k.kid === header.kid) : signing;
}

export function checkClaims(
  claims: IdTokenClaims,
  expected: { issuer: string; clientId: string; nonce: string; now: Date },
): void {
  const now = Math.floor(expected.now.getTime() / 1000);
  if (typeof claims.sub !== 'string' || !claims.sub) throw new IdTokenError('malformed');
  if (claims.iss !== expected.issuer) throw new IdTokenError('issuer');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.clientId)) throw new IdTokenError('audience');
  if (audiences.length > 1 && claims.azp !== expected.clientId) throw new IdTokenError('audience');
  if (typeof claims.exp !== 'number' || claims.exp + LEEWAY_SECONDS <= now) throw new IdTokenError('expired');
  if (typeof claims.iat === 'number' && claims.iat - LEEWAY_SECONDS > now) throw new IdTokenError('expired');
  if (claims.nonce !== expected.nonce) throw new IdTokenError('nonce');
}
