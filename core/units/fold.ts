// Vietnamese text folding for search: "Bắc Kạn", "BẮC KẠN" and "bac kan" all fold to "bac kan".
// Pure and shared by server (search_name column) and web (client-side filtering).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

/** Lowercase, strip tone and vowel marks, map đ/Đ to d, collapse whitespace. Idempotent. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC')
    .replace(SPACES, ' ')
    .trim();
}

/** True when the folded `query` is a substring of the folded `text`. */
export function matchesFolded(text: string, query: string): boolean {
  const q = foldVietnamese(query);
  return q === '' || foldVietnamese(text).includes(q);
}
