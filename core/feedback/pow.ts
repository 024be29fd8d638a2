// The self-hosted proof-of-work CAPTCHA of the public feedback form (no third-party script, works on any phone):
// the server hands out a random challenge with a difficulty; the browser finds a nonce such that
// SHA-256("<challenge>:<nonce>") starts with `difficulty` zero bits (about 2^difficulty hashes: a fraction of a
// second on a cheap phone at 16 bits, costly for a script sending thousands of reports); the server checks it
// with one hash and accepts each challenge once. Hashing is done by the caller (node:crypto or
// crypto.subtle); this file holds the pure parts both sides share.

export const POW_DEFAULT_DIFFICULTY = 16;

/** The text whose SHA-256 is checked. */
export const powInput = (challenge: string, nonce: string) => `${challenge}:${nonce}`;

/** Number of leading zero bits of a hash. */
export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** A hash meets the difficulty. */
export const meetsDifficulty = (hash: Uint8Array, difficulty: number) => leadingZeroBits(hash) >= difficulty;
