import { inflateRawSync } from 'node:zlib';
import { partsOf } from '../../../../test/helpers/zip-builder.js';

// Test helpers of the urging feature.

/** The text of word/document.xml, one string per paragraph (runs joined), in document order. */
export function docxParagraphs(docx: Buffer): string[] {
  const part = partsOf(docx).find((p) => p.name === 'word/document.xml');
  if (!part) throw new Error('no word/document.xml');
  const xml = inflateRawSync(part.deflated).toString('utf8');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((s) => s.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'))
    .filter((s) => s.length > 0);
}
