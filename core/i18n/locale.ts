export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** A text in each language the interface speaks. */
export type LocalisedText = Record<Locale, string>;

/** Picks vi or en from an Accept-Language header by q-weight; Vietnamese is the default. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header || typeof header !== 'string') return 'vi';
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) if (r.lang === 'vi' || r.lang === 'en') return r.lang;
  return 'vi';
}
