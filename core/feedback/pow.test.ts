import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, meetsDifficulty, powInput } from './pow.js';

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Uint8Array.from([0xff]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a found nonce and refuses most others', () => {
    const challenge = 'abc';
    let nonce = 0;
    const hash = (n: number) =>
      createHash('sha256')
        .update(powInput(challenge, String(n)))
        .digest();
    while (!meetsDifficulty(hash(nonce), 8)) nonce++;
    expect(meetsDifficulty(hash(nonce), 8)).toBe(true);
    let refused = 0;
    for (let n = 0; n < 64; n++) if (!meetsDifficulty(hash(n), 8)) refused++;
    expect(refused).toBeGreaterThan(50);
  });
});
