import { leadingZeroBits, powInput } from '../../core/feedback/pow.js';

// The self-hosted anti-robot check in the browser (core/feedback/pow.ts): find a nonce whose SHA-256 has the
// challenge's leading zero bits with crypto.subtle, 256 hashes at a time between yields to the page, so a phone
// keeps scrolling and typing while it works (about 65,000 hashes at the default difficulty: a second or two).

export async function solvePow(challenge: string, difficulty: number): Promise<string> {
  const enc = new TextEncoder();
  const CHUNK = 256;
  for (let start = 0; ; start += CHUNK) {
    const hashes = await Promise.all(
      Array.from({ length: CHUNK }, (_, i) =>
        crypto.subtle.digest('SHA-256', enc.encode(powInput(challenge, String(start + i)))),
      ),
    );
    const found = hashes.findIndex((h) => leadingZeroBits(new Uint8Array(h)) >= difficulty);
    if (found >= 0) return String(start + found);
    await new Promise((r) => setTimeout(r, 0));
  }
}
