import { inflateSync } from 'node:zlib';

// The text of a PDF that pdfkit wrote, for tests: content streams are inflated, and each font's ToUnicode
// map turns the glyph codes of its text runs back into characters. Runs are decoded with every font's map
// (a run in another font decodes to noise), so a test asks whether the text it expects is among them.

function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
    re.lastIndex = end + 9;
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
      const list = rest.startsWith('[') ? [...rest.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]) : null;
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

/** Every text run of the PDF decoded with every font's map, joined; whitespace removed for matching. */
export function pdfTexts(pdf: Buffer): string {
  const all = streams(pdf);
  const maps = all.filter((s) => s.includes('begincmap')).map(cmapOf);
  const runs = all
    .filter((s) => /\bT[Jj]\b/.test(s))
    .flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/g)])
    .map((m) => (m[1] ? [...m[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]).join('') : m[2]));
  const decoded: string[] = [];
  for (const map of maps)
    for (const run of runs) {
      const width = [...map.keys()][0]?.length ?? 4;
      const codes = run.match(new RegExp(`.{${width}}`, 'g')) ?? [];
      decoded.push(codes.map((c) => map.get(c.toLowerCase()) ?? '\uFFFD').join(''));
    }
  return decoded.join('\n').replace(/\s+/g, '');
}
