import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CSV_UNITS,
  docxBytes,
  GIF_1X1,
  PDF_MINIMAL,
  PNG_1X1,
  xlsxBytes,
} from '../../test/helpers/file-fixtures.js';
import { AppError } from './errors.js';
import {
  commitUpload,
  EVIDENCE_KINDS,
  IMPORT_KINDS,
  looksLikeCsv,
  receiveUpload,
  storagePath,
  writeStoredFile,
} from './uploads.js';

const dir = mkdtempSync(join(tmpdir(), 'dxboard-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = (allow = EVIDENCE_KINDS, maxBytes = 1024 * 1024) => ({ filesDir: dir, maxBytes, allow });

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('receiveUpload judges the type from the bytes', () => {
  it.each([
    ['png', PNG_1X1, 'image/png'],
    ['pdf', PDF_MINIMAL, 'application/pdf'],
  ])('accepts %s evidence', async (_k, bytes, mime) => {
    const r = await receiveUpload(bytes, opts());
    expect(r).toMatchObject({ mime, size: bytes.length });
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readFileSync(r.tempPath)).toEqual(bytes);
  });

  it('recognises real xlsx and docx files (zip containers) by content', async () => {
    expect((await receiveUpload(await xlsxBytes(), opts())).kind).toBe('xlsx');
    expect((await receiveUpload(await docxBytes(), opts())).kind).toBe('docx');
  });

  it('accepts UTF-8 CSV for imports only', async () => {
    expect((await receiveUpload(CSV_UNITS, opts(IMPORT_KINDS))).mime).toBe('text/csv');
    const e = await errorOf(receiveUpload(CSV_UNITS, opts(EVIDENCE_KINDS)));
    expect([e.code, e.detailKey, e.params.detected]).toEqual([
      'UNSUPPORTED_MEDIA_TYPE',
      'files.unsupported_type',
      'csv',
    ]);
  });

  it('refuses a GIF (a real image, but not allowed) and unknown bytes, leaving nothing behind', async () => {
    const before = readdirSync(join(dir, 'tmp')).length;
    const gif = await errorOf(receiveUpload(GIF_1X1, opts()));
    expect([gif.status, gif.params.detected]).toEqual([415, 'gif']);
    const unknown = await errorOf(receiveUpload(Buffer.from([0x00, 0x01, 0x02, 0xff]), opts(IMPORT_KINDS)));
    expect([unknown.status, unknown.detailKey]).toEqual([415, 'files.unknown_type']);
    expect(readdirSync(join(dir, 'tmp'))).toHaveLength(before);
  });

  it('stops at the size limit with 413 while streaming, and refuses empty files', async () => {
    const before = readdirSync(join(dir, 'tmp')).length;
    const big = Readable.from([Buffer.alloc(600, 1), Buffer.alloc(600, 1)]);
    const e = await errorOf(receiveUpload(big, opts(EVIDENCE_KINDS, 1000)));
    expect([e.status, e.detailKey]).toEqual([413, 'files.too_large']);
    const empty = await errorOf(receiveUpload(Buffer.alloc(0), opts()));
    expect([empty.status, empty.detailKey]).toEqual([400, 'files.empty']);
    expect(readdirSync(join(dir, 'tmp'))).toHaveLength(before);
  });
});

describe('looksLikeCsv', () => {
  it.each([
    ['a,b\r\n1,2', true],
    ['\uFEFFmã;tên\n1;Bắc Kạn', true],
    ['single column', true],
    ['<html><script>alert(1)</script>', false],
    ['  <svg onload=x>', false],
    ['a\u0000b', false],
    ['a\u0007b', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeCsv(Buffer.from(text))).toBe(expected);
  });

  it('refuses invalid UTF-8 but tolerates a character cut at the end of the window', () => {
    expect(looksLikeCsv(Buffer.from([0x61, 0xff, 0x62]))).toBe(false);
    const cut = Buffer.from('a,Đ', 'utf8').subarray(0, 3);
    expect(looksLikeCsv(cut)).toBe(true);
  });
});

describe('stored files', () => {
  it('moves an upload under files/<yyyy>/<mm>/<random> by the clock', async () => {
    const r = await receiveUpload(PNG_1X1, opts());
    const key = await commitUpload(dir, r, new Date('2026-03-02T02:00:00Z'));
    expect(key).toMatch(/^2026\/03\/[0-9a-f]{32}$/);
    expect(readFileSync(storagePath(dir, key))).toEqual(PNG_1X1);
    expect(existsSync(r.tempPath)).toBe(false);
  });

  it('rejects storage keys that could escape the files folder', () => {
    for (const key of ['../etc/passwd', '2026/03/../../x', '/abs', '2026/03/ABC']) {
      expect(() => storagePath(dir, key)).toThrow(/Invalid storage key/);
    }
  });

  it('writes restored bytes under a given key', async () => {
    const key = '2025/12/0123456789abcdef0123456789abcdef';
    await writeStoredFile(dir, key, PDF_MINIMAL);
    expect(readFileSync(storagePath(dir, key))).toEqual(PDF_MINIMAL);
  });
});
