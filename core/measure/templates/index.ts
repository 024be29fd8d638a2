import type { Framework } from '../../contracts/measure-framework.js';
import { COMMUNE_SET } from './commune-set.js';
import { DEPARTMENT_SET } from './department-set.js';
import { DTI_405_PROVINCE } from './dti-405-province.js';
import { DTI_922_PROVINCE } from './dti-922-province.js';

export { COMMUNE_SET } from './commune-set.js';
export { DEPARTMENT_SET, KTS_REMIT_GROUP } from './department-set.js';
export { DTI_405_PROVINCE } from './dti-405-province.js';
export { DTI_922_PROVINCE } from './dti-922-province.js';

// Built-in templates offered when a standing agency creates a framework; copied, never edited in place.
export const BUILT_IN_TEMPLATES: readonly Framework[] = [
  DTI_922_PROVINCE,
  DTI_405_PROVINCE,
  DEPARTMENT_SET,
  COMMUNE_SET,
];
