import type { AccessRow } from '../../lib/access-table.js';
import { importAccess } from './import/import.access.js';
import { meetingsAccess } from './meetings/meetings.access.js';
import { productsAccess } from './products/products.access.js';
import { reportsAccess } from './reports/reports.access.js';
import { systemsAccess } from './systems/systems.access.js';
import { tasksAccess } from './tasks/tasks.access.js';
import { urgingAccess } from './urging/urging.access.js';

// The authorisation matrix rows of the Steer module (see server/lib/access-table.ts): one array per feature,
// kept in the feature's folder, joined here because the matrix and the OpenAPI document read this file.
export const steerAccess: AccessRow[] = [
  ...tasksAccess,
  ...meetingsAccess,
  ...importAccess,
  ...productsAccess,
  ...systemsAccess,
  ...reportsAccess,
  ...urgingAccess,
];
