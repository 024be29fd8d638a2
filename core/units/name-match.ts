import { foldVietnamese } from './fold.js';

// Matching unit names as people write them ("UBND xã Tân Lập", "Sở TT&TT", "Sở KH&CN") to the units of a
// structure. Pure: the caller passes the candidate units. A name matches when, after folding (no diacritics,
// lower case), expanding the usual abbreviations and dropping punctuation, it equals a unit's full name
// ("Sở Tài chính", "Xã Tân Lập"); or when its core without the administrative prefix ("Tài chính",
// "Tân Lập") equals exactly one unit's core, the written prefix breaking ties ("xã" over "phường").
// Collective names ("Các sở, ban, ngành", "UBND các xã") never match one unit: a person picks.

export type MatchableUnit = { id: number; name: string; type: string };

export type NameMatch =
  | { status: 'matched'; unitId: number }
  | { status: 'ambiguous'; candidates: number[] }
  | { status: 'collective'; candidates: number[] }
  | { status: 'unknown'; candidates: number[] };

const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bkh\s*&\s*cn\b|\bkhcn\b/g, 'khoa hoc va cong nghe'],
  [/\btt\s*&\s*tt\b|\btttt\b/g, 'thong tin va truyen thong'],
  [/\bgd\s*&\s*dt\b|\bgddt\b/g, 'giao duc va dao tao'],
  [/\bnn\s*&\s*ptnt\b|\bnnptnt\b/g, 'nong nghiep va phat trien nong thon'],
  [/\bnn\s*&\s*mt\b|\bnnmt\b/g, 'nong nghiep va moi truong'],
  [/\btn\s*&\s*mt\b|\btnmt\b/g, 'tai nguyen va moi truong'],
  [/\bkh\s*&\s*dt\b|\bkhdt\b/g, 'ke hoach va dau tu'],
  [/\bld\s*-?\s*tb\s*&\s*xh\b|\bldtbxh\b/g, 'lao dong thuong binh va xa hoi'],
  [/\bvh\s*,?\s*tt\s*&\s*dl\b|\bvhttdl\b/g, 'van hoa the thao va du lich'],
  [/\bcds\b/g, 'chuyen doi so'],
  [/\bbcd\b/g, 'ban chi dao'],
  [/\bbch\b/g, 'bo chi huy'],
  [/\bqs\b/g, 'quan su'],
  [/\bcntt\b/g, 'cong nghe thong tin'],
  [/\btp\b/g, 'thanh pho'],
  [/\btx\b/g, 'thi xa'],
  [/\bvp\b/g, 'van phong'],
];

/** Administrative words a name may start with; the longest first. */
const PREFIXES = [
  'uy ban nhan dan thanh pho',
  'uy ban nhan dan thi tran',
  'uy ban nhan dan thi xa',
  'uy ban nhan dan phuong',
  'uy ban nhan dan huyen',
  'uy ban nhan dan xa',
  'uy ban nhan dan dac khu',
  'uy ban nhan dan',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'huyen',
  'xa',
  'so',
];

/** The kind a written prefix names, to choose between "Xã Tân Lập" and "Phường Tân Lập". */
const HINT_OF: Record<string, string> = {
  'uy ban nhan dan thanh pho': 'thanh pho',
  'uy ban nhan dan thi tran': 'thi tran',
  'uy ban nhan dan thi xa': 'thi xa',
  'uy ban nhan dan phuong': 'phuong',
  'uy ban nhan dan huyen': 'huyen',
  'uy ban nhan dan xa': 'xa',
  'uy ban nhan dan dac khu': 'dac khu',
};

const COLLECTIVE =
  /^(?:cac|tat ca|toan bo|moi)\b|\b(?:cac|tat ca)\s+(?:so|ban|nganh|xa|phuong|huyen|dia phuong|co quan|don vi|dia ban|thanh vien|doanh nghiep|to chuc)\b|\bso\s+ban\s+nganh\b|\b(?:co quan|don vi|dia phuong|to chuc)\s+(?:co\s+)?lien quan\b/;

/** Folded, abbreviations expanded, punctuation dropped: "UBND xã Tân Lập" → "uy ban nhan dan xa tan lap". */
export function canonicalUnitName(text: string): string {
  let s = foldVietnamese(text.replace(/[\u2010-\u2015\u2212]/g, '-'));
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, ` ${full} `);
  return s
    .replace(/&/g, ' va ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The prefix a canonical name starts with (if any) and what is left. */
function splitPrefix(canonical: string): { prefix: string | null; core: string } {
  for (const p of PREFIXES) {
    if (canonical === p) return { prefix: null, core: canonical };
    if (canonical.startsWith(`${p} `)) return { prefix: p, core: canonical.slice(p.length + 1) };
  }
  return { prefix: null, core: canonical };
}

/** True for names that stand for several units: "Các sở, ban, ngành", "UBND các xã, phường". */
export function isCollectiveUnitName(text: string): boolean {
  return COLLECTIVE.test(canonicalUnitName(text));
}

const TYPE_WORDS = new Set([
  'xa',
  'phuong',
  'thi tran',
  'dac khu',
  'huyen',
  'quan',
  'thi xa',
  'thanh pho',
  'so',
]);

/** "Xã Đại Phúc" for a commune stored as name "Đại Phúc", type "Xã"; agencies' names as they are. */
export function unitDisplayName(name: string, type: string): string {
  const n = name.trim();
  const t = type.trim();
  const ct = canonicalUnitName(t);
  if (!TYPE_WORDS.has(ct) || splitPrefix(canonicalUnitName(n)).prefix !== null) return n;
  return `${t} ${n}`;
}

type Prepared = { id: number; full: string; core: string; hint: string };

function prepare(u: MatchableUnit): Prepared {
  const type = canonicalUnitName(u.type);
  const name = canonicalUnitName(u.name);
  // Communes are stored as name "Tân Lập", type "Xã"; agencies carry their prefix in the name. Only an
  // administrative type word is put in front ("ward", "Sở" already in the name… are not).
  const named = splitPrefix(name).prefix !== null;
  const full = TYPE_WORDS.has(type) && !named && name !== type ? `${type} ${name}` : name;
  const { prefix, core } = splitPrefix(full);
  return { id: u.id, full, core, hint: prefix ? (HINT_OF[prefix] ?? prefix) : type };
}

function tokens(s: string): Set<string> {
  return new Set(s.split(' ').filter((t) => t.length > 0));
}

/** Dice similarity of the two word sets (0…1). */
function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.size || !tb.size) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size);
}

export type UnitNameMatcher = {
  match(text: string): NameMatch;
  /** Units whose names look like `text`, best first (for a person to pick from). */
  candidates(text: string, limit?: number): number[];
};

/** Builds a matcher over `units` (prepared once; matching a name is then a map lookup). */
export function createUnitNameMatcher(units: readonly MatchableUnit[]): UnitNameMatcher {
  const prepared = units.map(prepare);
  const byFull = new Map<string, Prepared[]>();
  const byCore = new Map<string, Prepared[]>();
  for (const p of prepared) {
    byFull.set(p.full, [...(byFull.get(p.full) ?? []), p]);
    byCore.set(p.core, [...(byCore.get(p.core) ?? []), p]);
  }

  function candidates(text: string, limit = 5): number[] {
    const canonical = canonicalUnitName(text);
    const { core } = splitPrefix(canonical);
    return prepared
      .map((p) => ({
        id: p.id,
        score: Math.max(similarity(core, p.core), similarity(canonical, p.full)),
        contains: core.length >= 3 && (p.core.includes(core) || core.includes(p.core)),
      }))
      .filter((c) => c.score >= 0.34 || c.contains)
      .sort((a, b) => Number(b.contains) - Number(a.contains) || b.score - a.score || a.id - b.id)
      .slice(0, limit)
      .map((c) => c.id);
  }

  function match(text: string): NameMatch {
    const canonical = canonicalUnitName(text);
    if (!canonical) return { status: 'unknown', candidates: [] };
    if (COLLECTIVE.test(canonical)) return { status: 'collective', candidates: [] };
    const exact = byFull.get(canonical) ?? [];
    if (exact.length === 1) return { status: 'matched', unitId: exact[0].id };
    if (exact.length > 1) return { status: 'ambiguous', candidates: exact.map((p) => p.id) };
    const { prefix, core } = splitPrefix(canonical);
    let same = byCore.get(core) ?? [];
    if (same.length > 1 && prefix) {
      const hint = HINT_OF[prefix] ?? prefix;
      const hinted = same.filter((p) => p.hint === hint);
      if (hinted.length) same = hinted;
    }
    if (same.length === 1) return { status: 'matched', unitId: same[0].id };
    if (same.length > 1) return { status: 'ambiguous', candidates: same.map((p) => p.id) };
    return { status: 'unknown', candidates: candidates(text) };
  }

  return { match, candidates };
}

/** Words a unit's name starts with: after a comma, they begin the next name ("Sở Tài chính, Sở Nội vụ"). */
const NAME_STARTS =
  /^(?:so|ban|uy ban|ubnd|van phong|vp|cong an|bo chi huy|bo|dai|bao|truong|trung tam|cuc|chi cuc|thanh tra|kho bac|ngan hang|vien thong|buu dien|tinh doan|doan|hoi|lien doan|lien minh|mat tran|uy ban mat tran|chi nhanh|cong ty|tong cong ty|quy|hoi dong|toa an|vien kiem sat|tinh uy|dang uy|xa|phuong|thi tran|dac khu|huyen|thanh pho|thi xa|cac|tat ca|vnpt|viettel|mobifone|fpt)\b/;

/**
 * Splits a cell naming several units ("Sở Tài chính, Sở Nội vụ; UBND các xã") into names. Semicolons and
 * line breaks always separate; a comma separates only when what follows starts like a unit's name and is
 * more than a bare word, so "Sở Văn hóa, Thể thao và Du lịch" and "Các sở, ban, ngành" stay whole.
 */
export function splitUnitNames(text: string): string[] {
  const out: string[] = [];
  for (const segment of text.split(/[;\n\r]+/)) {
    let current = '';
    for (const rawPiece of segment.split(',')) {
      const piece = rawPiece.replace(/^[\s\-+•.]+|[\s.]+$/g, '');
      if (!piece) continue;
      const folded = foldVietnamese(piece);
      const start = NAME_STARTS.exec(folded);
      // "thành phố" alone (in "UBND các huyện, thành phố") continues the name before it.
      const startsName = start !== null && folded.length > start[0].length + 1;
      if (current && !startsName) current = `${current}, ${piece}`;
      else {
        if (current) out.push(current);
        current = piece;
      }
    }
    if (current) out.push(current);
  }
  return out.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n.length > 0);
}
