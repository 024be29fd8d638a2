import { inflateSync } from 'node:zlib';

// The text of a PDF that pdfkit wrote, for tests: objects are read, content streams inflated, and each text run
// is decoded with the ToUnicode map of the font selected for it (`/F2 14 Tf`). pdfkit names fonts once per
// document (/F1, /F2…) and numbers glyphs per font in order of first use, so a run decoded with another font's
// map is noise: the font in force is tracked rather than guessed. Whitespace is removed for matching.

type PdfObject = { dict: string; stream: Buffer | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1'); // one character per byte, so string offsets are byte offsets
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const end = raw.indexOf('endobj', m.index);
    if (end < 0) break;
    const body = raw.slice(m.index + m[0].length, end);
    const s = body.search(/\bstream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0) {
      dict = body.slice(0, s);
      const start = m.index + m[0].length + s + (body.slice(s).match(/^stream\r?\n/)?.[0].length ?? 7);
      const stop = raw.lastIndexOf('endstream', end);
      const bytes = pdf.subarray(start, stop);
      try {
        stream = inflateSync(bytes);
      } catch {
        stream = bytes;
      }
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end + 6;
  }
  return out;
}

function cmapOf(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexToText = (h: string) =>
    String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  for (const block of text.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? [])
    for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(src.toLowerCase(), hexToText(dst));
  for (const block of text.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo, hi, rest] of block.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const a = Number.parseInt(lo, 16);
      const b = Number.parseInt(hi, 16);
      const width = lo.length;
      // A ligature's entry holds several code units, written with a space between them (`<0066 0069>` for "fi").
      const list = rest.startsWith('[')
        ? [...rest.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((x) => x[1].replace(/\s+/g, ''))
        : null;
      for (let c = a; c <= b; c++) {
        const key = c.toString(16).padStart(width, '0');
        if (list) map.set(key, hexToText(list[c - a] ?? ''));
        else {
          const base = Number.parseInt(rest.slice(1, -1), 16) + (c - a);
          map.set(key, String.fromCodePoint(base));
        }
      }
    }
  }
  return map;
}

/** Every page's text, each run decoded with its own font's map, joined; whitespace removed for matching. */
export function pdfTexts(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font resource names (/F2) → their ToUnicode maps, from every /Font dictionary of the document.
  const maps = new Map<string, Map<string, string>>();
  for (const o of objs.values())
    for (const [, fonts] of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g))
      for (const [, name, ref] of fonts.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const unicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? '')?.[1];
        const cmap = unicode ? objs.get(Number(unicode))?.stream : null;
        if (cmap) maps.set(name, cmapOf(cmap.toString('latin1')));
      }
  const decoded: string[] = [];
  for (const o of objs.values()) {
    const content = o.stream?.toString('latin1') ?? '';
    if (!/\bT[Jj]\b/.test(content)) continue;
    let map: Map<string, string> | undefined;
    for (const m of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)) {
      if (m[1]) {
        map = maps.get(m[1]);
        continue;
      }
      const run = m[2] ? [...m[2].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]).join('') : (m[3] ?? '');
      const width = map ? ([...map.keys()][0]?.length ?? 4) : 4;
      const codes = run.match(new RegExp(`.{${width}}`, 'g')) ?? [];
      decoded.push(codes.map((c) => map?.get(c.toLowerCase()) ?? '\uFFFD').join(''));
    }
  }
  return decoded.join('\n').replace(/\s+/g, '');
}
