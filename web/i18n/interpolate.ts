export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const rulesFor = (locale: string) => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
};

// {name, plural, one {# place} other {# places}}: the branch is chosen by Intl.PluralRules for the locale
// (Vietnamese has only "other"; English has "one" and "other"), and # stands for the number.
const PLURAL = /\{(\w+),\s*plural,\s*((?:=?\w+\s*\{[^{}]*\}\s*)+)\}/g;
const BRANCH = /(=?\w+)\s*\{([^{}]*)\}/g;

function choosePlural(raw: string | number, branches: string, locale: string): string {
  const options = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1], m[2]]));
  // A number already formatted for display ("1,5", "12.345") is shown as given; it picks "other" unless it reads
  // as exactly one.
  const value = typeof raw === 'number' ? raw : Number(raw);
  const category = Number.isNaN(value) ? 'other' : rulesFor(locale).select(value);
  const chosen = options.get(`=${raw}`) ?? options.get(category) ?? options.get('other');
  return (chosen ?? '').replace(/#/g, String(raw));
}

/**
 * Fills {name} placeholders and {name, plural, one {…} other {…}} choices for `locale`; unknown placeholders
 * stay visible so a missing param is noticed.
 */
export function fillPlaceholders(template: string, params?: MessageParams, locale = 'vi'): string {
  if (!params) return template;
  return template
    .replace(PLURAL, (whole, name: string, branches: string) =>
      params[name] === undefined ? whole : choosePlural(params[name], branches, locale),
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
}
