import type { Component } from '../../../core/contracts/measure-framework.js';
import { formatDate } from '../../lib/format.js';
import type { MeasureT } from './measure-i18n.js';

/**
 * A raw entered value in words as the officer chose it: numerator/denominator kept apart, a choice by its
 * option's label (never its stored key, e.g. "Phó Chủ tịch" for `pho_chu_tich`), dates as dd/mm/yyyy.
 */
export function describeValue(
  v: unknown,
  c: Pick<Component, 'rule'> | undefined,
  t: MeasureT,
  tag: string,
  locale: 'vi' | 'en',
): string {
  if (!v || typeof v !== 'object') return '–';
  const x = v as Record<string, unknown>;
  const n = (k: string) => new Intl.NumberFormat(tag, { maximumFractionDigits: 4 }).format(Number(x[k]));
  if ('notApplicable' in x) return t('m.notApplicable');
  if ('number' in x) return n('number');
  if ('numerator' in x) return `${n('numerator')} / ${n('denominator')}`;
  if ('bool' in x) return x.bool ? t('m.yes') : t('m.no');
  if ('choice' in x) {
    const rule = c?.rule as { kind?: string; options?: { value: string; label: string; labelEn?: string }[] };
    const option = rule?.kind === 'choice' ? rule.options?.find((o) => o.value === x.choice) : undefined;
    if (!option) return String(x.choice);
    return locale === 'en' && option.labelEn ? option.labelEn : option.label;
  }
  if ('date' in x) return formatDate(String(x.date), locale);
  if ('documentRef' in x) return String(x.documentRef);
  return '–';
}
