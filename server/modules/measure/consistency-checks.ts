import type { Component, Framework, UnitValues } from '../../../core/contracts/measure-framework.js';
import { registerMessages } from '../../../core/i18n/errors.js';
import {
  type Comparison,
  compareNumbers,
  comparisonCodes,
  compileExpression,
  ExpressionError,
  parseComparison,
} from '../../../core/measure/expression.js';
import { numericValueOf } from '../../../core/measure/rules.js';
import type { FieldError } from '../../lib/errors.js';
import { componentsOf } from './submission-context.js';

// Consistency rules between components (e.g. online dossiers ≤ all dossiers), checked on submit. A rule
// whose inputs are not all answered with a number is skipped: "required" already reports the gap, and a
// half-filled draft should not be told its totals disagree.

registerMessages({
  'measure.consistency_violated': { vi: '{message}', en: '{messageEn}' },
});

export type ConsistencyViolation = { rule: string; codes: string[]; message: string; messageEn: string };

function parsedOrNull(expression: string): Comparison | null {
  try {
    return parseComparison(expression);
  } catch (e) {
    // validateFramework refuses such rules when the framework is saved; an older stored one is ignored.
    if (e instanceof ExpressionError) return null;
    throw e;
  }
}

/** The rules the values break, each with the component codes it involves. */
export function consistencyViolations(fw: Framework, values: UnitValues): ConsistencyViolation[] {
  const rules = fw.consistencyRules ?? [];
  if (rules.length === 0) return [];
  const byCode = new Map<string, Component>(componentsOf(fw).map((c) => [c.code, c]));
  const out: ConsistencyViolation[] = [];
  for (const rule of rules) {
    const parsed = parsedOrNull(rule.expression);
    if (!parsed) continue;
    const codes = [...comparisonCodes(parsed)];
    const numbers = codes.map((code) => {
      const component = byCode.get(code);
      const value = values[code];
      if (!component || !value || 'notApplicable' in value) return undefined;
      return numericValueOf(component, value);
    });
    if (numbers.some((n) => n === undefined || Number.isNaN(n))) continue;
    const vec = Float64Array.from(numbers as number[]);
    const indexOf = (code: string) => codes.indexOf(code);
    const left = compileExpression(parsed.left, indexOf)(vec);
    const right = compileExpression(parsed.right, indexOf)(vec);
    if (!compareNumbers(parsed.op, left, right)) {
      out.push({ rule: rule.code, codes, message: rule.message, messageEn: rule.messageEn ?? rule.message });
    }
  }
  return out;
}

/** One field error per component involved in each broken rule, carrying the rule's own message. */
export function consistencyIssues(fw: Framework, values: UnitValues): FieldError[] {
  return consistencyViolations(fw, values).flatMap((v) =>
    v.codes.map((code) => ({
      field: `values.${code}`,
      code: 'measure.consistency_violated',
      params: { rule: v.rule, message: v.message, messageEn: v.messageEn },
    })),
  );
}
