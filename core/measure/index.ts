// Public surface of the pure Measure engine (no I/O): import from 'core/measure/index.js'.
export * from './aggregate.js';
export * from './analysis.js';
export * from './batch.js';
export * from './compile.js';
export * from './deadlines.js';
export * from './expression.js';
export * from './lineage.js';
export * from './messages.js';
export * from './overrides.js';
export * from './ranking.js';
export * from './robustness.js';
export * from './rules.js';
export * from './rules-fast.js';
export * from './scoring.js';
export * from './validate.js';
