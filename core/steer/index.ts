// Steer's pure core: deadline text → dates, and a task's derived status as of a date. See README.md.
export * from './calendar.js';
export * from './cycles.js';
export * from './deadline.js';
export * from './deadline-format.js';
export * from './labels.js';
export * from './reminders.js';
export * from './report.js';
export * from './task-status.js';
export * from './types.js';
