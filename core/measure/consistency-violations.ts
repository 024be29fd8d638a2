import type { Component, Framework, UnitValues } from '../contracts/measure-framework.js';
import {
  type Comparison,
  compareNumbers,
  comparisonCodes,
  compileExpression,
  ExpressionError,
  parseComparison,
} from './expression.js';
import { numericValueOf } from './rules.js';

// Which consistency rules a unit's values break. Pure, so the server (on submit) and the entry form (as the
// user types) run the very same check and cannot disagree. A rule whose inputs are not all answered with a
// number is skipped: "required" already reports the gap, and a half-filled draft should not be told its
// totals disagree.

export type ConsistencyViolation = {
  rule: string;
  /** The component codes the rule involves, in order of first use. */
  codes: string[];
  message: string;
  messageEn: string;
};

function parsedOrNull(expression: string): Comparison | null {
  try {
    return parseComparison(expression);
  } catch (e) {
    // validateFramework refuses such rules when the framework is saved; an older stored one is ignored.
    if (e instanceof ExpressionError) return null;
    throw e;
  }
}

function numbersOf(codes: string[], byCode: Map<string, Component>, values: UnitValues) {
  return codes.map((code) => {
    const component = byCode.get(code);
    const value = values[code];
    if (!component || !value || 'notApplicable' in value) return undefined;
    return numericValueOf(component, value);
  });
}

/** The rules the values break, each with the component codes it involves. */
export function consistencyViolations(fw: Framework, values: UnitValues): ConsistencyViolation[] {
  const rules = fw.consistencyRules ?? [];
  if (rules.length === 0) return [];
  const byCode = new Map<string, Component>(
    fw.groups.flatMap((g) => g.mainIndices.flatMap((m) => m.components)).map((c) => [c.code, c]),
  );
  const out: ConsistencyViolation[] = [];
  for (const rule of rules) {
    const parsed = parsedOrNull(rule.expression);
    if (!parsed) continue;
    const codes = [...comparisonCodes(parsed)];
    const numbers = numbersOf(codes, byCode, values);
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

/** The broken rules grouped by component code, for showing each next to the inputs it involves. */
export function violationsByComponent(
  violations: ConsistencyViolation[],
): Map<string, ConsistencyViolation[]> {
  const out = new Map<string, ConsistencyViolation[]>();
  for (const v of violations) {
    for (const code of v.codes) out.set(code, [...(out.get(code) ?? []), v]);
  }
  return out;
}
