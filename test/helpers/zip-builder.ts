import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from '../../server/lib/xlsx-guard.js';

// Builds zips by hand for the xlsx guard's tests: take a real workbook apart, swap one part for a huge or
// lying one, put it back together. Parts are deflated in chunks, so a part of hundreds of MB never sits
// in memory uncompressed.

export type ZipPart = {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  /** Written to the headers instead of `size` (a zip that lies about its part). */
  declaredSize?: number;
};

export async function deflatePart(name: string, chunks: Iterable<Buffer>): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), crc, size };
}

/** The parts of an existing zip (deflated bytes kept as they are). */
export function partsOf(zip: Buffer): ZipPart[] {
  const { entries } = readZipDirectory(zip);
  return entries.map((e) => {
    const at = e.localHeaderOffset;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const raw = zip.subarray(start, start + e.compressedSize);
    const data = e.method === 8 ? inflateRawSync(raw) : raw;
    // Stored parts are rare in xlsx; re-deflating them keeps the builder to one method.
    const deflated = e.method === 8 ? Buffer.from(raw) : deflateRawSync(data);
    return { name: e.name, deflated, crc: crc32(data), size: data.length };
  });
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
