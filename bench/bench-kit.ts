import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

// What every benchmark shares: rounding for printed figures, the median of repeated timings, and the HTTP load
// generator (autocannon's CLI in its own process, so the load never competes with the server's event loop).

export const round1 = (x: number) => Math.round(x * 10) / 10;

export async function median(times: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export type LoadResult = {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
};

/** 50 concurrent clients on `url` for `seconds`, with optional headers (a session cookie). */
export function loadTest(
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [cli, '-c', '50', '-d', String(seconds), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`autocannon exited with ${code}`));
      else resolve(JSON.parse(out) as LoadResult);
    });
  });
}
