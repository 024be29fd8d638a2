import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from './server.js';

type ManifestChunk = { file: string; css?: string[]; imports?: string[] };

/** Every JS and CSS file an entry loads at once (its chunk, static imports, their CSS), from the Vite manifest. */
export function entryFiles(entry: string): string[] {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  visit(entry);
  return [...files];
}

/** The entry's JS and CSS as gzip -9 bytes (the server sends .gz or the smaller .br built beside each file). */
export function entryGzipBytes(files: string[]): number {
  return files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length,
    0,
  );
}
