import type { ScoringRule } from '../../../core/contracts/measure-framework.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { intlTag } from '../../i18n/locale-store.js';

const fmt = (n: number, locale: Locale) =>
  new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 4 }).format(n);

/**
 * A deadline as people write it: '2026-03-31' → "31/03/2026"; relative to the period's year,
 * '{year}-03-31' → "31/03 hằng năm" ("31/03 each year").
 */
export function dueText(due: string, vi: boolean): string {
  const relative = /^\{year\}-(\d{2})-(\d{2})$/.exec(due);
  if (relative) return `${relative[2]}/${relative[1]} ${vi ? 'hằng năm' : 'each year'}`;
  const fixed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  return fixed ? `${fixed[3]}/${fixed[2]}/${fixed[1]}` : due;
}

/** One line saying how a component is scored, e.g. "Bậc: ≥4 → 20; ≥3 → 15". */
export function summarizeRule(rule: ScoringRule, locale: Locale): string {
  const vi = locale === 'vi';
  const n = (x: number) => fmt(x, locale);
  switch (rule.kind) {
    case 'steps':
      return `${vi ? 'Bậc' : 'Steps'}: ${rule.steps.map((s) => `≥${n(s.min)} → ${n(s.points)}`).join('; ')}`;
    case 'ratio':
      return vi
        ? `Tỷ lệ a/b × điểm tối đa${rule.fullAt ? `, tối đa từ ${n(rule.fullAt * 100)}%` : ''}`
        : `Ratio a/b × max${rule.fullAt ? `, full at ${n(rule.fullAt * 100)}%` : ''}`;
    case 'choice':
      return rule.options.map((o) => `${vi ? o.label : (o.labelEn ?? o.label)} → ${n(o.points)}`).join('; ');
    case 'boolean':
      return vi ? 'Có → tối đa, không → 0' : 'Yes → max, no → 0';
    case 'minmax':
      return `Min-max [${n(rule.lower)}, ${n(rule.upper)}]${rule.higherIsBetter ? '' : vi ? ', càng thấp càng tốt' : ', lower is better'}`;
    case 'target':
      return `${vi ? 'Mục tiêu' : 'Target'} ${n(rule.target)}${rule.baseline !== undefined ? ` (${vi ? 'gốc' : 'baseline'} ${n(rule.baseline)})` : ''}`;
    case 'formula':
      return `${vi ? 'Công thức' : 'Formula'}: ${rule.expression}`;
    case 'deadline':
      return `${vi ? 'Hạn' : 'Due'} ${dueText(rule.due, vi)}; ${vi ? 'muộn' : 'late'} → ${n(rule.latePoints)}`;
    default:
      return vi ? 'Theo dõi, không tính điểm' : 'Tracked only';
  }
}
