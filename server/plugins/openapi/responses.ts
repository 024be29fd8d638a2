import { EVIDENCE_KINDS, FILE_KINDS, type FileKind, IMAGE_KINDS, IMPORT_KINDS } from '../../lib/uploads.js';

// The shared error responses, and the bodies the route schemas cannot express: multipart uploads and file
// downloads. Every error body is the Problem component (core/contracts/problem.ts).

type Json = Record<string, unknown>;

const problem = (description: string, extra: Json = {}): Json => ({
  description,
  ...extra,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** components.responses, by name; ERROR_STATUS maps a status to its name. */
export const ERROR_RESPONSES: Record<string, Json> = {
  BadRequest: problem(
    'The request is malformed or a value is invalid (VALIDATION, BAD_REQUEST); `errors` names each invalid field.',
  ),
  Unauthenticated: problem('Not signed in: no valid session cookie or API token (UNAUTHENTICATED).'),
  Forbidden: problem(
    'Not allowed (FORBIDDEN); or a write authenticated by the session cookie without the session’s `x-csrf-token` header, or from another origin (CSRF).',
  ),
  NotFound: problem('No such resource, or none the caller may know of (NOT_FOUND).'),
  Conflict: problem(
    'The request conflicts with the stored data or its state, e.g. a duplicate code or a period that is not open (CONFLICT, INVALID_STATE).',
  ),
  PayloadTooLarge: problem('The body or the uploaded file is larger than the limit (PAYLOAD_TOO_LARGE).'),
  UnsupportedMediaType: problem(
    'The body’s content type, or the uploaded file’s type judged from its bytes, is not accepted (UNSUPPORTED_MEDIA_TYPE).',
  ),
  RateLimited: problem('Too many attempts; try again after `Retry-After` seconds (RATE_LIMITED).', {
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  }),
  InternalError: problem('An unexpected server error; quote `requestId` when reporting it (INTERNAL).'),
  Unavailable: problem('The feature is not configured on this server (UNAVAILABLE).'),
};

export const ERROR_STATUS: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthenticated',
  '403': 'Forbidden',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'PayloadTooLarge',
  '415': 'UnsupportedMediaType',
  '429': 'RateLimited',
  '500': 'InternalError',
  '503': 'Unavailable',
};

export type OperationFacts = {
  key: string;
  method: string;
  hasParams: boolean;
  hasPathParams: boolean;
  hasBody: boolean;
  isPublic: boolean;
};

// Writes that change nothing another request could conflict with.
const NEVER_CONFLICTS = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'POST /api/auth/password',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset/confirm',
  'POST /api/files',
  'POST /api/kpis/imports',
  'POST /api/measure/periods/{periodId}/units/{unitId}/submission/preview',
  'POST /api/measure/periods/{periodId}/units/{unitId}/what-if',
]);
// Sign-in is throttled per address and per account; the reset request is limited silently (always 202).
const RATE_LIMITED = new Set(['POST /api/auth/login', 'GET /api/public/home']);
// Needs PUBLIC_URL to build the link it mails.
const MAY_BE_UNAVAILABLE = new Set(['POST /api/auth/password-reset/request']);
// The sign-in wrong password answer.
const PUBLIC_BUT_401 = new Set(['POST /api/auth/login']);

/** The error statuses an operation can answer with (as strings, sorted). */
export function errorStatusesOf(op: OperationFacts): string[] {
  const write = op.method !== 'GET';
  const statuses = new Set<number>([500]);
  if (op.hasParams || op.hasBody) statuses.add(400);
  if (!op.isPublic || PUBLIC_BUT_401.has(op.key)) statuses.add(401);
  // Public writes check the Origin header instead of a CSRF token: still a 403 when it is foreign.
  if (!op.isPublic || write) statuses.add(403);
  if (op.hasPathParams) statuses.add(404);
  if (write && !NEVER_CONFLICTS.has(op.key)) statuses.add(409);
  if (op.hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (RATE_LIMITED.has(op.key)) statuses.add(429);
  if (MAY_BE_UNAVAILABLE.has(op.key)) statuses.add(503);
  return [...statuses].sort((a, b) => a - b).map(String);
}

const mimes = (kinds: readonly FileKind[]) => kinds.map((k) => FILE_KINDS[k]);
const XLSX = FILE_KINDS.xlsx;
const DOCX = FILE_KINDS.docx;

/** Multipart uploads: the routes read one part named "file" with request.file(). */
export const UPLOADS: Record<string, { types: string[]; description: string }> = {
  'POST /api/files': {
    types: [...new Set([...mimes(EVIDENCE_KINDS), ...mimes(IMPORT_KINDS)])],
    description: 'The file; its type is judged from its bytes and must suit the `purpose`',
  },
  'POST /api/kpis/imports': { types: [XLSX], description: 'The filled-in KPI import workbook (.xlsx)' },
  'POST /api/measure/frameworks/import.xlsx': {
    types: [XLSX],
    description: 'A framework workbook (.xlsx) in the layout of exportMeasureFrameworkXlsx',
  },
};

export function multipartBody(upload: { types: string[]; description: string }): Json {
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'string', format: 'binary', description: upload.description } },
        },
        encoding: { file: { contentType: upload.types.join(', ') } },
      },
    },
  };
}

/**
 * File downloads. Every one goes through sendDownload (server/lib/download.ts): an attachment name, a strong
 * ETag and a 304 when If-None-Match names it.
 */
export const DOWNLOADS: Record<string, string[]> = {
  'GET /api/files/{id}': Object.values(FILE_KINDS),
  'GET /api/measure/periods/{periodId}/units/{unitId}/submission/evidence/{evidenceId}/file':
    mimes(EVIDENCE_KINDS),
  'GET /api/kpis/import-template.xlsx': [XLSX],
  'GET /api/measure/periods/{id}/results.xlsx': [XLSX],
  'GET /api/measure/periods/{id}/completion.xlsx': [XLSX],
  'GET /api/measure/periods/{id}/ranking.xlsx': [XLSX],
  'GET /api/measure/periods/{periodId}/units/{unitId}/profile.xlsx': [XLSX],
  'GET /api/measure/periods/{id}/report.docx': [DOCX],
  'GET /api/measure/frameworks/{id}/export.xlsx': [XLSX],
  'GET /api/steer/urging/letters/{id}/letter.docx': [DOCX],
  'GET /api/steer/reports/{id}/{format}': [XLSX, DOCX],
  'GET /api/steer/meetings/{id}/briefing.docx': [DOCX],
  'GET /api/steer/import-template.xlsx': [XLSX],
  'GET /api/public/feedback/reports/{code}/files/{fileId}': mimes(IMAGE_KINDS),
  'GET /api/training/registrations/{id}/certificate.pdf': [FILE_KINDS.pdf],
  'GET /api/community/exports/registry.xlsx': [XLSX],
  'GET /api/community/exports/report.xlsx': [XLSX],
  'GET /api/community/exports/registry.docx': [DOCX],
  'GET /api/community/exports/report.docx': [DOCX],
  'GET /api/feedback/reports.xlsx': [XLSX],
  // News covers are re-encoded to JPEG on upload (resized, EXIF removed).
  'GET /api/news/items/{id}/cover': [FILE_KINDS.jpeg],
  'GET /api/public/news/{slug}/cover': [FILE_KINDS.jpeg],
  'GET /api/contest/contests/{id}/results.xlsx': [XLSX],
  'GET /api/contest/contests/{id}/results.docx': [DOCX],
  'GET /api/contest/contests/{id}/item-stats.xlsx': [XLSX],
  'GET /api/contest/contests/{id}/bulletin.xlsx': [XLSX],
  'GET /api/contest/contests/{id}/bulletin.docx': [DOCX],
  'GET /api/contest/contests/{id}/participants.xlsx': [XLSX],
  'GET /api/public/contests/{slug}/certificate.pdf': [FILE_KINDS.pdf],
  'GET /api/contest/contests/{id}/certificates.pdf': [FILE_KINDS.pdf],
  'GET /api/dashboard/briefing.pdf': [FILE_KINDS.pdf],
  'GET /api/dashboard/briefing.docx': [DOCX],
};

/**
 * Bodies the zod schemas cannot describe: Open311 GeoReport v2 answers in JSON or XML, as the path's
 * extension (`.json` / `.xml`) asks, in the shapes the GeoReport v2 specification defines.
 */
const GEOREPORT = {
  description: 'The GeoReport v2 answer, in the format the path names (.json or .xml)',
  content: {
    'application/json': { schema: { description: 'GeoReport v2 JSON (see the specification)' } },
    'text/xml': { schema: { type: 'string', description: 'GeoReport v2 XML (see the specification)' } },
  },
};
const ATOM_FEED = {
  description: 'An Atom 1.0 feed (RFC 4287) of the latest published news, announcements and stories',
  content: { 'application/atom+xml': { schema: { type: 'string', description: 'Atom 1.0 XML' } } },
};
export const FORMATTED_RESPONSES: Record<string, Record<string, Json>> = {
  'GET /api/public/news.atom': { '200': ATOM_FEED },
  'GET /api/open311/v2/{file}': { '200': GEOREPORT },
  'POST /api/open311/v2/{file}': { '200': GEOREPORT },
  'GET /api/open311/v2/services/{file}': { '200': GEOREPORT },
  'GET /api/open311/v2/requests/{file}': { '200': GEOREPORT },
  'GET /api/open311/v2/tokens/{file}': { '200': GEOREPORT },
};

export function downloadResponses(types: string[]): Json {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return {
    '200': {
      description: 'The file, as an attachment',
      headers: {
        'Content-Disposition': {
          description: 'attachment, with the file name (RFC 6266, UTF-8)',
          schema: { type: 'string' },
        },
        ETag: { description: 'The SHA-256 of the content, for If-None-Match', schema: { type: 'string' } },
      },
      content: Object.fromEntries(types.map((type) => [type, binary])),
    },
    '304': { description: 'Not modified: If-None-Match names the current ETag' },
  };
}

/** Better words than "Default Response" where the status alone says little. */
export const RESPONSE_NOTES: Record<string, Record<string, string>> = {
  'POST /api/kpis/imports': {
    '201': 'Parsed: the preview with its row errors',
    '202': 'Accepted: a large workbook is parsed in the background; poll getKpiImport until it is ready',
  },
  'POST /api/kpis/dataValueSets': {
    '200': 'The DHIS2 import summary (SUCCESS or WARNING)',
    '409':
      'The DHIS2 import summary with status ERROR: nothing was written; or a problem when a concurrent write clashed twice',
  },
  'POST /api/auth/password-reset/request': {
    '202':
      'Accepted: a reset link is mailed when the address belongs to an active account (the answer is the same either way)',
  },
};

export const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No content',
};
