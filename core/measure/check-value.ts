import type { Component, ComponentValue } from '../contracts/measure-framework.js';

// Validation of one entered value against its component: the kind of value the component takes, percent
// bounds, numerator ≤ denominator, a known choice. The server refuses such values on save and appraisal.
// A ratio rule that caps (the default) scores a rate above 100 % as full points, so such a rate is accepted
// there; only an uncapped ratio rule, or a rule that reads the rate as a number, refuses it.

export type ValueProblem = { field: string; code: string; params?: Record<string, unknown> };

export function checkValue(component: Component, value: ComponentValue): ValueProblem[] {
  if ('notApplicable' in value) return [];
  if (component.rule.kind === 'formula') return [{ field: '', code: 'measure.value_is_computed' }];
  const t = component.valueType;
  const capped = component.rule.kind === 'ratio' && component.rule.cap !== false;
  const wrong = (expected: string) => [{ field: '', code: 'measure.wrong_value_kind', params: { expected } }];
  if (t === 'number' || t === 'percent') {
    if ('numerator' in value && t === 'percent') return checkRatio(value, capped);
    if (!('number' in value)) return wrong(t);
    if (t === 'percent' && value.number > 100 && !capped)
      return [{ field: 'number', code: 'too_big', params: { maximum: 100 } }];
    if (t === 'percent' && value.number < 0)
      return [{ field: 'number', code: 'too_small', params: { minimum: 0 } }];
    return [];
  }
  if (t === 'ratio') return 'numerator' in value ? checkRatio(value, capped) : wrong('ratio');
  if (t === 'boolean') return 'bool' in value ? [] : wrong('boolean');
  if (t === 'date') return 'date' in value ? [] : wrong('date');
  if (t === 'document') return 'documentRef' in value ? [] : wrong('document');
  if (!('choice' in value)) return wrong('choice');
  const rule = component.rule;
  if (rule.kind === 'choice' && !rule.options.some((o) => o.value === value.choice)) {
    return [
      {
        field: 'choice',
        code: 'measure.unknown_choice',
        params: { options: rule.options.map((o) => o.value).join(', ') },
      },
    ];
  }
  return [];
}

// Cases counted without any case to count (n/0, n > 0) are a data error whatever the rule says.
function checkRatio(value: { numerator: number; denominator: number }, capped: boolean) {
  const above = value.numerator > value.denominator;
  return above && (!capped || value.denominator === 0)
    ? [
        {
          field: 'numerator',
          code: 'measure.numerator_above_denominator',
          params: { denominator: value.denominator },
        },
      ]
    : [];
}
