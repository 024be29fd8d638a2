import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, DATA_KEY_FILE, keyIdOf, loadDataKeys } from './field-crypto.js';

describe('field cipher (AES-256-GCM, key id with the ciphertext)', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('seals and opens; the stored text holds neither the value nor a fixed IV', () => {
    const c = createFieldCipher([k1]);
    const a = c.encrypt('001090123456', 'contest_participants.cccd');
    const b = c.encrypt('001090123456', 'contest_participants.cccd');
    expect(a).toMatch(new RegExp(`^enc1:${keyIdOf(k1)}:`));
    expect(a).not.toContain('123456');
    expect(a).not.toBe(b);
    expect(c.decrypt(a, 'contest_participants.cccd')).toBe('001090123456');
    expect(c.isEncrypted(a)).toBe(true);
    expect(c.needsRewrite(a)).toBe(false);
  });

  it('refuses a value moved to another column, or tampered with', () => {
    const c = createFieldCipher([k1]);
    const a = c.encrypt('0912345678', 'contest_participants.phone');
    expect(() => c.decrypt(a, 'contest_participants.cccd')).toThrow();
    const last = a.at(-2) === 'A' ? 'B' : 'A';
    expect(() => c.decrypt(`${a.slice(0, -2)}${last}${a.at(-1)}`, 'contest_participants.phone')).toThrow();
  });

  it('plain text written before sealing reads as is and asks to be rewritten', () => {
    const c = createFieldCipher([k1]);
    expect(c.decrypt('0912345678', 'p')).toBe('0912345678');
    expect(c.needsRewrite('0912345678')).toBe(true);
    expect(c.decryptOrNull(null, 'p')).toBeNull();
  });

  it('rotation: the new key encrypts, the old one still opens, and old values ask to be rewritten', () => {
    const old = createFieldCipher([k1]).encrypt('0912345678', 'p');
    const rotated = createFieldCipher([k2, k1]);
    expect(rotated.decrypt(old, 'p')).toBe('0912345678');
    expect(rotated.needsRewrite(old)).toBe(true);
    expect(rotated.keyIdOf(rotated.encrypt('x', 'p'))).toBe(keyIdOf(k2));
    // Without the old key the value is lost: the error names the key id, never the value.
    expect(() => createFieldCipher([k2]).decrypt(old, 'p')).toThrow(keyIdOf(k1));
  });

  it('blind index: deterministic per key and purpose, keyed (not a bare SHA-256), recognised across a rotation', () => {
    const c = createFieldCipher([k1]);
    const a = c.blindIndex('001090123456', '7:cccd');
    expect(a).toBe(c.blindIndex('001090123456', '7:cccd'));
    expect(a).toMatch(new RegExp(`^${keyIdOf(k1)}\\.[0-9a-f]{64}$`));
    expect(a).not.toBe(c.blindIndex('001090123456', '8:cccd'));
    expect(a).not.toBe(c.blindIndex('001090123457', '7:cccd'));
    // Someone holding the rows but not the key cannot test a guess: the digest is not a hash of what they know.
    const digest = a.split('.')[1];
    for (const guess of ['001090123456', '7:cccd:001090123456', '7:cccd\u0000001090123456'])
      expect(digest).not.toBe(createHash('sha256').update(guess).digest('hex'));
    expect(createFieldCipher([k2]).blindIndex('001090123456', '7:cccd')).not.toBe(a);
    const rotated = createFieldCipher([k2, k1]);
    expect(rotated.blindIndexes('001090123456', '7:cccd')).toEqual([
      rotated.blindIndex('001090123456', '7:cccd'),
      a,
    ]);
    expect(rotated.isCurrentIndex(a)).toBe(false);
    expect(rotated.isCurrentIndex(rotated.blindIndex('x', 'p'))).toBe(true);
  });

  it('keys: DXBOARD_DATA_KEY (comma-separated ring) or a key file made once with mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dxboard-key-'));
    const env = { DXBOARD_DATA_KEY: `${k2.toString('base64')},${k1.toString('base64')}` };
    expect(loadDataKeys(dir, env).map(keyIdOf)).toEqual([keyIdOf(k2), keyIdOf(k1)]);
    expect(() => loadDataKeys(dir, { DXBOARD_DATA_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
    const first = loadDataKeys(dir, {});
    const again = loadDataKeys(dir, {});
    expect(first[0].equals(again[0])).toBe(true);
    const file = join(dir, DATA_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first[0].toString('base64'));
  });
});
