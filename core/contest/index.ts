export * from './draw.js';
export * from './prizes.js';
export * from './ranking.js';
export * from './registration.js';
export * from './rounds.js';
export * from './scoring.js';
export * from './summary.js';
