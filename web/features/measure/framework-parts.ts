import type { Component, Framework } from '../../../core/contracts/measure-framework.js';

// A framework's main indices and components in order (no React: the light entry form uses them too).

export function mainIndicesOf(fw: Framework | undefined) {
  return fw ? fw.groups.flatMap((g) => g.mainIndices) : [];
}

export function componentsOf(fw: Framework | undefined): Component[] {
  return mainIndicesOf(fw).flatMap((m) => m.components);
}
