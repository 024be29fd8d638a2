import { readFileSync, statSync } from 'node:fs';

// Reading an input file for an import command: clear messages for missing, oversized or binary files.
const MAX_BYTES = 50 * 1024 * 1024;

export function readTextFile(path: string | undefined): string {
  if (!path) throw new Error('missing <csv> file argument');
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`cannot read ${path}: no such file`);
  }
  if (size > MAX_BYTES) throw new Error(`${path} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const buffer = readFileSync(path);
  if (buffer.includes(0)) throw new Error(`${path} is not a text (CSV) file`);
  return buffer.toString('utf8');
}

export function printRejected(rows: { line: number; code: string; reason: string }[], label = 'Rejected') {
  if (rows.length === 0) return;
  console.error(`${label} ${rows.length} row(s):`);
  for (const r of rows.slice(0, 50))
    console.error(`  line ${r.line}: ${r.reason}${r.code ? ` (code ${r.code})` : ''}`);
  if (rows.length > 50) console.error(`  … and ${rows.length - 50} more`);
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
