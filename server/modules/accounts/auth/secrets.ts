import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Session ids, reset tokens and API tokens are random 256-bit values; the database keeps only their SHA-256.

export const API_TOKEN_PREFIX = 'dxb_';

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** dxb_ followed by 43 base64url characters (32 random bytes). */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomSecret(32)}`;
}

export function isApiTokenShape(value: string): boolean {
  return /^dxb_[A-Za-z0-9_-]{43}$/.test(value);
}
