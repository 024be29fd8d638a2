import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGzip, type Gzip } from 'node:zlib';

// The backup file: gzip'd NDJSON, one JSON document per line.
//   {"format":"dxboard-backup","version":1,"createdAt":…,"dialect":…,"migrations":[…]}
//   {"table":"units","row":{…}}            every row of every table, referenced tables first
//   {"file":"2026/03/<hex>","sha256":…,"size":…,"data":"<base64>"}
//   {"end":true,"tables":{name:count},"files":n,"sha256":"<hex of every line above, newline included>"}
// Values are plain JSON; binary columns travel as {"$b64": "…"}.

export const BACKUP_FORMAT = 'dxboard-backup';
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
};
export type BackupTrailer = { end: true; tables: Record<string, number>; files: number; sha256: string };

export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const b64 = (value as { $b64?: unknown }).$b64;
    if (typeof b64 === 'string' && Object.keys(value).length === 1) return Buffer.from(b64, 'base64');
  }
  return value;
}

export function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = encodeValue(v);
  return out;
}

/** Writes lines through gzip into a file, hashing them; flush() waits until the bytes are on disk. */
export class BackupWriter {
  private readonly gzip: Gzip;
  private readonly out: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private readonly done: Promise<void>;

  constructor(private readonly path: string) {
    this.gzip = createGzip({ level: 6 });
    this.out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    this.gzip.pipe(this.out);
    this.done = new Promise((resolve, reject) => {
      this.out.on('close', resolve);
      this.out.on('error', reject);
      this.gzip.on('error', reject);
    });
    // Attached now so an early error is never unhandled; flush() reports it.
    this.done.catch(() => {});
  }

  async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text);
    if (!this.gzip.write(text)) {
      await new Promise<void>((resolve, reject) => {
        this.gzip.once('drain', resolve);
        this.done.catch(reject);
      });
    }
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }

  async close(trailer: unknown): Promise<void> {
    this.gzip.end(`${JSON.stringify(trailer)}\n`);
    await this.done;
    const handle = await open(this.path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  abort(): void {
    this.gzip.destroy();
    this.out.destroy();
  }
}

/** Lines of a text stream; a stream error (e.g. a truncated or corrupted gzip) is thrown to the caller. */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let index = pending.indexOf('\n');
    while (index >= 0) {
      yield pending.slice(0, index);
      pending = pending.slice(index + 1);
      index = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending.length) yield pending;
}
