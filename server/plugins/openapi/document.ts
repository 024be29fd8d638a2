import type { AccessRow } from '../../lib/access-table.js';
import { accessSentence, hookSentence } from './access-text.js';
import { deriveOperationId } from './operation-ids.js';
import {
  DOWNLOADS,
  downloadResponses,
  ERROR_RESPONSES,
  ERROR_STATUS,
  errorStatusesOf,
  FORMATTED_RESPONSES,
  multipartBody,
  RESPONSE_NOTES,
  STATUS_TEXT,
  UPLOADS,
} from './responses.js';

// Completes the document @fastify/swagger builds from the route schemas: operationId, a description that says
// who may call the operation, its error responses, its security, multipart bodies and file responses, tag
// descriptions, and only the component schemas something refers to. Route files stay untouched: what they do
// not say comes from the access tables and the tables in responses.ts.

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { in: string }[];
  requestBody?: Json;
  responses?: Record<string, Json>;
  security?: Record<string, string[]>[];
  'x-access'?: Json;
};
export type OpenApiDocument = {
  info: Json;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; responses?: Record<string, Json> } & Json;
  tags?: { name: string; description?: string }[];
  security?: Record<string, string[]>[];
} & Json;

/** What a route's own options say, collected by the transform (keyed 'METHOD /api/path/{param}'). */
export type RouteFacts = { signedInHook: boolean; consumesMultipart: boolean };

const PROBLEM_REF = '#/components/schemas/Problem';

export const GLOBAL_SECURITY: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

export const TAG_DESCRIPTIONS: Record<string, string> = {
  system: 'Health and service information.',
  auth: 'Sign-in and sign-out, the signed-in person, password change and reset (sessions, never API tokens).',
  users: 'User accounts and the roles they hold on units.',
  tokens: 'API tokens for machine clients, sent as `Authorization: Bearer <token>`; each acts for one unit.',
  audit: 'The audit log: who changed what, when, from where.',
  units:
    'Administrative units over time: structures, the unit tree, headcounts, and lineage (mergers and splits).',
  files: 'Uploaded files (evidence, import workbooks, images) and their download.',
  measure:
    'Digital-transformation assessment: frameworks, periods, submissions and evidence, appraisal, published results, analysis and exports.',
  public: 'Published assessment results, readable without signing in.',
  kpis: 'Operational KPIs: definitions, values and targets, DHIS2 dataValueSets and xlsx imports.',
  notifications:
    'The signed-in person’s own notification centre: notifications, unread count, marking read, delivery preferences.',
  steer:
    'Steering: plans and key tasks with their lead units, deadlines and derived status, progress, extensions, committee meetings and conclusions, urging, periodic reports, the leader dashboard, DX products and information systems registers.',
  feedback:
    'Citizen reports (phản ánh kiến nghị) for staff: the queue in scope, routing to a handling unit, answers, extensions, refusals, categories and statistics.',
  'feedback-public':
    'Citizen reports for citizens, without signing in: report with a verified contact, follow by code, rate the answer, public list and statistics.',
  open311: 'Open311 GeoReport v2 over the same citizen reports (services, requests).',
  contest:
    'Knowledge contests for organisers: question bank, contests and their rules, rounds, results and prizes.',
  'contest-public':
    'Knowledge contests for participants, without an account: registration with a verified contact, attempts, results and leaderboards.',
  community:
    'Community digital technology teams (villages, teams, members, activities, targets, roll-ups) and training courses.',
  dashboard:
    'The DX dashboard of leaders and the secretariat: every module’s headline figures for an area, and the committee briefing (PDF, DOCX).',
  news: 'News, announcements and success stories: drafts, approval by a second person, scheduled publishing, covers.',
  sso: 'Citizen single sign-on through the province’s OpenID Connect provider, when configured: sign in, the session, sign out.',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

function refsIn(value: unknown, out: Set<string>) {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsIn(v, out);
    }
  }
}

/** Drops component schemas nothing refers to (the zod registry emits an input and an output form of each). */
function pruneSchemas(doc: OpenApiDocument) {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  refsIn({ ...doc, components: { ...doc.components, schemas: {} } }, used);
  const queue = [...used];
  while (queue.length) {
    const ref = queue.pop() as string;
    const found = new Set<string>();
    refsIn(schemas[ref.slice(prefix.length)], found);
    for (const f of found) {
      if (used.has(f)) continue;
      used.add(f);
      queue.push(f);
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(prefix + name)) delete schemas[name];
}

function completeOperation(
  method: string,
  path: string,
  op: Operation,
  rows: Map<string, AccessRow>,
  facts: RouteFacts | undefined,
) {
  const key = `${method.toUpperCase()} ${path}`;
  const row = rows.get(key);
  op.operationId ??= deriveOperationId(method, path);

  // Without a row nothing says the operation is public: it keeps the global security.
  const isPublic = row?.permission === 'public';
  if (row) {
    op['x-access'] = { permission: row.permission, unit: row.unit, source: 'access-table' };
    if (row.permission === 'public') op.security = [];
    else if (row.permission === 'person') op.security = [{ session: [] }];
    else delete op.security;
  } else {
    op['x-access'] = { permission: facts?.signedInHook ? 'signed-in' : 'undeclared', source: 'route-hooks' };
    delete op.security;
  }
  const who = row ? accessSentence(row) : hookSentence(!!facts?.signedInHook);
  op.description = [op.description ?? (op.summary ? `${op.summary}.` : ''), who].filter(Boolean).join('\n\n');

  const upload =
    UPLOADS[key] ??
    (facts?.consumesMultipart ? { types: ['application/octet-stream'], description: 'The file' } : undefined);
  if (upload) op.requestBody = multipartBody(upload);

  const responses: Record<string, Json> = { ...(op.responses ?? {}) };
  // A DELETE route that declares no response answers 204 (the handlers reply with no body); say so rather
  // than swagger's undocumented "200 Default Response".
  if (method.toLowerCase() === 'delete' && Object.keys(responses).length === 1) {
    const only = responses['200'] as { description?: string; content?: unknown } | undefined;
    if (only && only.description === 'Default Response' && !only.content) {
      delete responses['200'];
      responses['204'] = { description: 'No content' };
    }
  }
  const download = DOWNLOADS[key];
  if (download) Object.assign(responses, downloadResponses(download));
  if (FORMATTED_RESPONSES[key]) Object.assign(responses, FORMATTED_RESPONSES[key]);
  for (const [status, response] of Object.entries(responses)) {
    const note = RESPONSE_NOTES[key]?.[status];
    if (note) response.description = note;
    else if (response.description === 'Default Response' && STATUS_TEXT[status])
      response.description = STATUS_TEXT[status];
  }
  const parameters = op.parameters ?? [];
  const statuses = errorStatusesOf({
    key,
    method: method.toUpperCase(),
    hasParams: parameters.length > 0,
    hasPathParams: parameters.some((p) => p.in === 'path'),
    hasBody: !!op.requestBody,
    isPublic,
  });
  for (const status of statuses) {
    const own = responses[status];
    if (!own) {
      responses[status] = { $ref: `#/components/responses/${ERROR_STATUS[status]}` };
      continue;
    }
    // A route's own error body (DHIS2's 409 ImportSummary) stays; the same status can still be a problem.
    const content = (own.content ?? {}) as Json;
    content['application/problem+json'] ??= { schema: { $ref: PROBLEM_REF } };
    own.content = content;
  }
  op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

export function completeDocument(
  doc: OpenApiDocument,
  rows: Map<string, AccessRow>,
  facts: Map<string, RouteFacts>,
): OpenApiDocument {
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      completeOperation(method, path, op, rows, facts.get(`${method.toUpperCase()} ${path}`));
      for (const tag of op.tags ?? []) tags.add(tag);
    }
  }
  doc.security = GLOBAL_SECURITY.map((scheme) => ({ ...scheme }));
  doc.tags = [...tags].sort().map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  doc.components = { ...doc.components, responses: { ...doc.components?.responses, ...ERROR_RESPONSES } };
  pruneSchemas(doc);
  return doc;
}
