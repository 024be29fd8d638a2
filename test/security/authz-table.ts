// The modules' authorisation rows are found by the same discovery the OpenAPI document uses: each folder under
// server/modules may keep a <module>.access.ts at its root. A module without one simply has no rows, so its
// operations fail the coverage check instead of being skipped.
export { loadAccessTable } from '../../server/plugins/openapi/access-rows.js';

/** 'GET /api/units/{id}' for an operation of the OpenAPI document. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
