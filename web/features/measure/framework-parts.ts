import type { Component, ComponentValue, Framework } from '../../../core/contracts/measure-framework.js';

// A framework's main indices and components in order (no React: the light entry form uses them too).

export function mainIndicesOf(fw: Framework | undefined) {
  return fw ? fw.groups.flatMap((g) => g.mainIndices) : [];
}

export function componentsOf(fw: Framework | undefined): Component[] {
  return mainIndicesOf(fw).flatMap((m) => m.components);
}

/** A component's value with every kind's fields optional, for inputs that show whichever its type uses. */
export type ValueFields = {
  number?: number;
  numerator?: number;
  denominator?: number;
  bool?: boolean;
  choice?: string;
  date?: string;
  documentRef?: string;
};
export const valueFields = (value: ComponentValue | null): ValueFields => (value ?? {}) as ValueFields;
