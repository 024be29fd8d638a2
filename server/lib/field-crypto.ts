import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Personal data at rest (CCCD, phone numbers): AES-256-GCM through node:crypto, one random 12-byte IV per value.
// A stored value reads `enc1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>`; the key id (the first 8 hex digits of
// the key's SHA-256) says which key of the ring opens it, so keys can rotate: the newest key encrypts, every
// key of the ring decrypts, and a start-up step re-encrypts what an older key sealed. The caller names what the
// value is (e.g. 'contest_participants.cccd'), bound as additional data, so a value copied into another column
// does not decrypt.
//
// Keys: DXBOARD_DATA_KEY (base64 of 32 bytes; several separated by commas, the first encrypts, the others only
// decrypt), or else the file DATA_DIR/data-key (one base64 key a line, the first encrypts), generated once with
// mode 0600. Losing every key loses the data (docs/operations.md). Values never reach a log.
//
// Blind indexes (uniqueness of a CCCD or a phone per contest, rate-limit keys): HMAC-SHA-256 under a key derived
// from the data key (HKDF, its own label, so the index key is never the encryption key). A plain SHA-256 of a
// 12-digit CCCD whose province, century and birth year are guessable is reversed by brute force in minutes; an
// HMAC cannot be without the key. An index reads `<key id>.<hex>`, so after a rotation the values of an older
// key are recognised and rewritten (contest privacy job) and still found meanwhile (`blindIndexes`).

export const DATA_KEY_FILE = 'data-key';
const PREFIX = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type FieldCipher = {
  /** The key id of the key that encrypts. */
  readonly currentKeyId: string;
  encrypt(plain: string, purpose: string): string;
  /** A stored value's plain text; a value that was never encrypted (a row written before) is returned as is. */
  decrypt(stored: string, purpose: string): string;
  decryptOrNull(stored: string | null | undefined, purpose: string): string | null;
  isEncrypted(stored: string): boolean;
  /** The key id a stored value was sealed with (null when it is plain text). */
  keyIdOf(stored: string): string | null;
  /** Plain text, or a value sealed by an older key: rewrite it with the current key. */
  needsRewrite(stored: string): boolean;
  /** The keyed, deterministic index of a value under the current key: `<key id>.<hex>`. */
  blindIndex(value: string, purpose: string): string;
  /** The value's index under every key of the ring, the current one first (to find rows of an older key). */
  blindIndexes(value: string, purpose: string): string[];
  /** Whether a stored index was computed under the current key. */
  isCurrentIndex(index: string): boolean;
};

export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`Invalid configuration:\n  ${where}: base64 of exactly 32 bytes`);
  return key;
}

export function createFieldCipher(keys: Buffer[]): FieldCipher {
  if (keys.length === 0) throw new Error('field cipher: no key');
  const ring = new Map(keys.map((k) => [keyIdOf(k), k]));
  const current = keys[0];
  const currentKeyId = keyIdOf(current);
  const indexKeys = keys.map((k) => ({
    id: keyIdOf(k),
    key: Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), 'dxboard blind index v1', 32)),
  }));
  const indexUnder = (k: { id: string; key: Buffer }, value: string, purpose: string) =>
    `${k.id}.${createHmac('sha256', k.key).update(purpose).update('\0').update(value, 'utf8').digest('hex')}`;
  const isEncrypted = (s: string) => s.startsWith(`${PREFIX}:`);
  const keyId = (s: string) => (isEncrypted(s) ? (s.split(':')[1] ?? null) : null);
  return {
    currentKeyId,
    encrypt(plain, purpose) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', current, iv);
      c.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${PREFIX}:${currentKeyId}:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(stored, purpose) {
      if (!isEncrypted(stored)) return stored;
      const [, kid, payload] = stored.split(':');
      const key = ring.get(kid ?? '');
      // The message names the key id only: never the value.
      if (!key)
        throw new Error(`field cipher: no key ${kid} in the ring (DXBOARD_DATA_KEY or DATA_DIR/data-key)`);
      const raw = Buffer.from(payload ?? '', 'base64url');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      d.setAAD(Buffer.from(purpose));
      d.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([d.update(raw.subarray(IV_BYTES + TAG_BYTES)), d.final()]).toString('utf8');
    },
    decryptOrNull(stored, purpose) {
      return stored === null || stored === undefined ? null : this.decrypt(stored, purpose);
    },
    isEncrypted,
    keyIdOf: keyId,
    needsRewrite: (s) => keyId(s) !== currentKeyId,
    blindIndex: (value, purpose) => indexUnder(indexKeys[0], value, purpose),
    blindIndexes: (value, purpose) => indexKeys.map((k) => indexUnder(k, value, purpose)),
    isCurrentIndex: (index) => index.startsWith(`${currentKeyId}.`),
  };
}

/** The key ring: DXBOARD_DATA_KEY, else DATA_DIR/data-key (created once, mode 0600). */
export function loadDataKeys(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): Buffer[] {
  const fromEnv = env.DXBOARD_DATA_KEY?.trim();
  if (fromEnv) return fromEnv.split(',').map((k, i) => parseKey(k, `DXBOARD_DATA_KEY (key ${i + 1})`));
  const file = join(dataDir, DATA_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  return lines.map((k, i) => parseKey(k, `${file} (line ${i + 1})`));
}

const cache = new Map<string, FieldCipher>();

/** One cipher per data directory and key setting, built on first use. */
export function dataCipher(
  config: { dataDir: string },
  env: Record<string, string | undefined> = process.env,
): FieldCipher {
  const id = `${config.dataDir}\n${env.DXBOARD_DATA_KEY ?? ''}`;
  let c = cache.get(id);
  if (!c) {
    c = createFieldCipher(loadDataKeys(config.dataDir, env));
    cache.set(id, c);
  }
  return c;
}
