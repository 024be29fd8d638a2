import type { Component, ComponentValue, Framework, UnitValues } from '../contracts/measure-framework.js';

// Reading stored values and definitions: the server keeps a framework and each raw value as JSON text, and
// every reader (scoring, views, exports, analysis, the benchmark) turns them back the same way.

/** A stored framework version's definition (validated when it was saved). */
export function parseDefinition(row: { definitionJson: string }): Framework {
  return JSON.parse(row.definitionJson) as Framework;
}

export function componentsOf(framework: Framework): Component[] {
  return framework.groups.flatMap((g) => g.mainIndices.flatMap((m) => m.components));
}

export function componentCount(framework: Framework): number {
  return componentsOf(framework).length;
}

export const parseRaw = (json: string | null): ComponentValue | null =>
  json === null ? null : (JSON.parse(json) as ComponentValue);

/** A stored value row: the unit's own value, N/A flag and (when appraised) the appraiser's. */
export type StoredValue = { componentCode: string; rawJson: string | null; isNa: number };
export type AppraisedValue = StoredValue & {
  appraisedRawJson: string | null;
  appraisedIsNa: number | null;
  appraisedPoints: number | null;
};

export function selfValuesOf(rows: StoredValue[]): UnitValues {
  const values: UnitValues = {};
  for (const r of rows) {
    if (r.isNa) values[r.componentCode] = { notApplicable: true };
    else if (r.rawJson !== null) values[r.componentCode] = parseRaw(r.rawJson);
  }
  return values;
}

/** Appraised values where the appraiser gave one, else the unit's own; explicit appraised points override. */
export function effectiveValuesOf(rows: AppraisedValue[]): {
  values: UnitValues;
  overrides: Record<string, number>;
} {
  const values = selfValuesOf(rows);
  const overrides: Record<string, number> = {};
  for (const r of rows) {
    if (r.appraisedIsNa) values[r.componentCode] = { notApplicable: true };
    else if (r.appraisedRawJson !== null) values[r.componentCode] = parseRaw(r.appraisedRawJson);
    if (r.appraisedPoints !== null) overrides[r.componentCode] = r.appraisedPoints;
  }
  return { values, overrides };
}

export const hasAppraisal = (rows: AppraisedValue[]) =>
  rows.some((r) => r.appraisedPoints !== null || r.appraisedRawJson !== null || r.appraisedIsNa);
