import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { registerMessages } from '../../core/i18n/errors.js';
import { AppError } from './errors.js';

// Every xlsx import passes here before any spreadsheet library sees the file. An xlsx is a zip; a
// 1 MB one can declare a shared-strings part of hundreds of MB (15M entries took one server to 2.2 GB
// and 27 s per request). We read the zip's central directory ourselves (no extraction), refuse what
// would expand too far, then inflate each part into a bounded buffer to prove the declared sizes are
// true, and refuse zips whose local entries are not exactly the ones the directory lists (a hidden
// entry would be inflated by a streaming reader without ever being counted).

export type XlsxLimits = {
  /** Sum of all parts' uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Uncompressed/compressed ratio allowed for a part larger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** The shared-strings part, which spreadsheet readers keep whole in memory. */
  maxSharedStringsBytes: number;
};

export const XLSX_LIMITS: XlsxLimits = {
  maxTotalBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
  maxSharedStringsBytes: 16 * 1024 * 1024,
};

registerMessages({
  'xlsx.not_zip': {
    vi: 'Tệp không phải bảng tính .xlsx hợp lệ (không đọc được cấu trúc nén)',
    en: 'The file is not a valid .xlsx workbook (its zip structure cannot be read)',
  },
  'xlsx.unsupported_zip': {
    vi: 'Tệp .xlsx dùng cấu trúc nén không được hỗ trợ; hãy lưu lại bằng Excel hoặc LibreOffice',
    en: 'The .xlsx uses an unsupported zip layout; save it again with Excel or LibreOffice',
  },
  'xlsx.too_many_entries': {
    vi: 'Tệp .xlsx có quá nhiều thành phần ({entries}; tối đa {max})',
    en: 'The .xlsx has too many parts ({entries}; at most {max})',
  },
  'xlsx.too_large_expanded': {
    vi: 'Tệp .xlsx khi giải nén quá lớn ({mb} MB; tối đa {maxMb} MB)',
    en: 'The .xlsx is too large once uncompressed ({mb} MB; at most {maxMb} MB)',
  },
  'xlsx.ratio_too_high': {
    vi: 'Tệp .xlsx có thành phần nén bất thường ({name}: gấp {ratio} lần khi giải nén)',
    en: 'The .xlsx has an abnormally compressed part ({name}: expands {ratio} times)',
  },
  'xlsx.shared_strings_too_large': {
    vi: 'Bảng chuỗi dùng chung của tệp .xlsx quá lớn ({mb} MB; tối đa {maxMb} MB)',
    en: "The .xlsx's shared strings are too large ({mb} MB; at most {maxMb} MB)",
  },
  'xlsx.size_mismatch': {
    vi: 'Tệp .xlsx khai báo sai kích thước thành phần {name}',
    en: 'The .xlsx misstates the size of its part {name}',
  },
});

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MB = 1024 * 1024;
const inflateRawAsync = promisify(inflateRaw) as (
  buffer: Uint8Array,
  options: { maxOutputLength: number },
) => Promise<Buffer>;

function refuse(detailKey: string, params: Record<string, unknown> = {}, tooLarge = false): AppError {
  return new AppError(tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', {
    detailKey,
    params,
    fieldErrors: [{ field: 'file', code: detailKey, params }],
  });
}

/** The central directory, read from the end-of-central-directory record; throws a 400 when absent. */
export function readZipDirectory(buffer: Buffer): { entries: ZipEntry[]; directoryOffset: number } {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= earliest; i--) {
    if (buffer.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('xlsx.not_zip');
  const count = buffer.readUInt16LE(eocd + 10);
  const directorySize = buffer.readUInt32LE(eocd + 12);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  // ZIP64 markers or a split archive: no spreadsheet program writes these for files of our size.
  if (count === 0xffff || directoryOffset === 0xffffffff || buffer.readUInt16LE(eocd + 4) !== 0)
    throw refuse('xlsx.unsupported_zip');
  if (directoryOffset + directorySize > eocd) throw refuse('xlsx.not_zip');
  const entries: ZipEntry[] = [];
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buffer.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw refuse('xlsx.not_zip');
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(p + 8),
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      uncompressedSize: buffer.readUInt32LE(p + 24),
      localHeaderOffset: buffer.readUInt32LE(p + 42),
      name: buffer.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
      throw refuse('xlsx.unsupported_zip');
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

/** Refuses, from declared sizes alone, what would expand too far. Cheap: no part is inflated. */
export function checkDeclaredSizes(entries: ZipEntry[], limits: XlsxLimits = XLSX_LIMITS): void {
  if (entries.length > limits.maxEntries)
    throw refuse('xlsx.too_many_entries', { entries: entries.length, max: limits.maxEntries }, true);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (/(^|\/)sharedStrings\.xml$/i.test(e.name) && e.uncompressedSize > limits.maxSharedStringsBytes) {
      throw refuse(
        'xlsx.shared_strings_too_large',
        { mb: toMb(e.uncompressedSize), maxMb: toMb(limits.maxSharedStringsBytes) },
        true,
      );
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxRatio)
      throw refuse('xlsx.ratio_too_high', { name: e.name, ratio: Math.round(ratio) }, true);
  }
  if (total > limits.maxTotalBytes)
    throw refuse('xlsx.too_large_expanded', { mb: toMb(total), maxMb: toMb(limits.maxTotalBytes) }, true);
}

function toMb(bytes: number): number {
  return Number((bytes / MB).toPrecision(3));
}

/** Where an entry's data starts, after checking its local header agrees with the directory. */
function dataStartOf(buffer: Buffer, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) throw refuse('xlsx.not_zip');
  if (buffer.readUInt16LE(at + 8) !== e.method) throw refuse('xlsx.unsupported_zip');
  return at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
}

/**
 * Local entries must tile the archive exactly as the directory says (each followed at most by its
 * data descriptor), so a streaming reader walking local headers meets only the parts counted here.
 */
function checkLayout(buffer: Buffer, entries: ZipEntry[], directoryOffset: number): number[] {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const starts = new Map<ZipEntry, number>();
  let expected = 0;
  for (const e of sorted) {
    const gap = e.localHeaderOffset - expected;
    if (gap < 0 || gap > 16) throw refuse('xlsx.unsupported_zip');
    const start = dataStartOf(buffer, e);
    starts.set(e, start);
    expected = start + e.compressedSize;
    if (expected > directoryOffset) throw refuse('xlsx.not_zip');
  }
  if (directoryOffset - expected > 16) throw refuse('xlsx.unsupported_zip');
  return entries.map((e) => starts.get(e) ?? 0);
}

/** Inflates every part into a buffer no larger than its declared size, so a lying size fails here. */
async function verifyActualSizes(buffer: Buffer, entries: ZipEntry[], starts: number[]): Promise<void> {
  for (const [i, e] of entries.entries()) {
    const data = buffer.subarray(starts[i], starts[i] + e.compressedSize);
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw refuse('xlsx.size_mismatch', { name: e.name });
      continue;
    }
    if (e.method !== 8) throw refuse('xlsx.unsupported_zip');
    let out: Buffer;
    try {
      out = await inflateRawAsync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch {
      throw refuse('xlsx.size_mismatch', { name: e.name });
    }
    if (out.length !== e.uncompressedSize) throw refuse('xlsx.size_mismatch', { name: e.name });
  }
}

/**
 * The one guard every xlsx import calls before parsing: throws a 400/413 AppError (field "file")
 * when the workbook would expand beyond `limits`, and returns the parts' total uncompressed size
 * (callers use it to decide whether to parse in the request or in a background job).
 */
export async function assertSafeXlsx(buffer: Buffer, limits: XlsxLimits = XLSX_LIMITS): Promise<number> {
  const { entries, directoryOffset } = readZipDirectory(buffer);
  checkDeclaredSizes(entries, limits);
  const starts = checkLayout(buffer, entries, directoryOffset);
  await verifyActualSizes(buffer, entries, starts);
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}
