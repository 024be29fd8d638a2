import type { Framework } from '../contracts/measure-framework.js';

// Deadlines relative to the period's year. A deadline rule's `due` is either a fixed date ('2025-03-31', as
// every framework stored before relative deadlines) or '{year}-MM-DD', which each period resolves with its own
// year, so one framework serves 2025, 2026… without a 2026 period scoring against a 2025 deadline.

export const YEAR_PLACEHOLDER = '{year}';

export const isRelativeDue = (due: string) => due.startsWith(YEAR_PLACEHOLDER);

/**
 * The due date a deadline rule sets for `year`. Scored outside any period (no year given), a relative deadline
 * falls in the year of the date being judged.
 */
export function resolveDue(due: string, year: number | string): string {
  return isRelativeDue(due) ? `${String(year).padStart(4, '0')}${due.slice(YEAR_PLACEHOLDER.length)}` : due;
}

const hasRelativeDue = (fw: Framework) =>
  fw.groups.some((g) =>
    g.mainIndices.some((m) =>
      m.components.some((c) => c.rule.kind === 'deadline' && isRelativeDue(c.rule.due)),
    ),
  );

// One resolved copy per framework object and year, so the compiled forms cached by object are reused.
const resolved = new WeakMap<Framework, Map<number, Framework>>();

/** The framework as a period of `year` scores it: relative deadlines resolved; the same object when none. */
export function frameworkForYear(framework: Framework, year: number): Framework {
  if (!hasRelativeDue(framework)) return framework;
  let byYear = resolved.get(framework);
  if (!byYear) {
    byYear = new Map();
    resolved.set(framework, byYear);
  }
  let out = byYear.get(year);
  if (!out) {
    out = {
      ...framework,
      groups: framework.groups.map((g) => ({
        ...g,
        mainIndices: g.mainIndices.map((m) => ({
          ...m,
          components: m.components.map((c) =>
            c.rule.kind === 'deadline' && isRelativeDue(c.rule.due)
              ? { ...c, rule: { ...c.rule, due: resolveDue(c.rule.due, year) } }
              : c,
          ),
        })),
      })),
    };
    byYear.set(year, out);
  }
  return out;
}
