import type { AccessRow } from '../../lib/access-table.js';

// The authorisation matrix rows of the files module (see server/lib/access-table.ts). A file belongs to its
// uploader and to the unit it was attached for; reading it needs read permission there. The province's file of
// the seeded world is attached to nothing, so only its uploader reads it.
export const filesAccess: AccessRow[] = [
  {
    operation: 'POST /api/files',
    permission: 'signed-in',
    unit: 'none',
    example: { query: { purpose: 'evidence' }, upload: 'png' },
  },
  {
    operation: 'GET /api/files/{id}',
    permission: 'measure.read',
    unit: 'file.unit',
    example: { params: { id: '$file' } },
  },
];
