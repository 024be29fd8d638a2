import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the notification centre (see server/lib/access-table.ts). Every operation is
// the caller's own inbox or preferences: any signed-in PERSON, scoped to their user id, never a unit. API tokens
// are refused ('person'): a machine client has no inbox, and a token able to read or clear a person's reminders
// would let an integration (or a leaked token) hide urging from the officer it belongs to.
export const notificationsAccess: AccessRow[] = [
  {
    operation: 'GET /api/notifications',
    permission: 'person',
    unit: 'none',
    example: { query: { sort: 'unread', page: 1, pageSize: 20 } },
  },
  { operation: 'GET /api/notifications/unread-count', permission: 'person', unit: 'none', example: {} },
  {
    operation: 'POST /api/notifications/read',
    permission: 'person',
    unit: 'none',
    // Ids that are not the caller's are ignored (200, nothing changed): the answer never says whose they are.
    example: { body: { ids: [1, 2, 3] } },
  },
  { operation: 'POST /api/notifications/read-all', permission: 'person', unit: 'none', example: {} },
  { operation: 'GET /api/notifications/preferences', permission: 'person', unit: 'none', example: {} },
  {
    operation: 'PUT /api/notifications/preferences',
    permission: 'person',
    unit: 'none',
    example: { body: { items: [{ category: 'steer', email: 'immediate', webhook: 'off' }] } },
  },
];
