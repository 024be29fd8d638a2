import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditContextOf } from '../../../lib/request-context.js';
import { Open311Error, type Open311Service } from './open311.service.js';
import { type Format, renderErrors, renderList, renderObject, splitFormat } from './open311-format.js';

// Open311 GeoReport v2 under /api/open311/v2 (XML and JSON chosen by the extension). These routes answer in
// the spec's own formats, errors included (`errors/error[]`), not problem+json. POST bodies are form-encoded.

const BASE = '/api/open311/v2';
const tags = ['open311'];

function send(reply: FastifyReply, status: number, out: { type: string; body: string | Buffer }) {
  return reply.code(status).header('content-type', out.type).send(out.body);
}

async function answer(
  reply: FastifyReply,
  format: Format,
  work: () => Promise<{ type: string; body: string | Buffer }>,
) {
  try {
    return send(reply, 200, await work());
  } catch (error) {
    if (error instanceof Open311Error)
      return send(
        reply,
        error.status,
        renderErrors(format, [{ code: error.status, description: error.description }]),
      );
    throw error;
  }
}

const notFound = (reply: FastifyReply, format: Format = 'json') =>
  send(reply, 404, renderErrors(format, [{ code: 404, description: 'Not found: use .json or .xml' }]));

export function registerOpen311Routes(
  app: FastifyInstance,
  open311: Open311Service,
  publicBase: () => string,
) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const key = k.endsWith('[]') ? k.slice(0, -2) : k;
        const prev = out[key];
        out[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    },
  );

  app.get(
    `${BASE}/:file`,
    {
      schema: {
        tags,
        summary:
          'Open311: discovery, services, requests and servicerequestupdates (the updates extension), .json or .xml',
      },
    },
    async (request, reply) => {
      const f = splitFormat((request.params as { file: string }).file);
      if (!f) return notFound(reply);
      const query = request.query as Record<string, unknown>;
      switch (f.name) {
        case 'discovery':
          return answer(reply, f.format, async () =>
            renderObject(f.format, 'discovery', {
              changeset: '2026-12-06T00:00:00+07:00',
              contact: 'Sở Khoa học và Công nghệ — bộ phận chuyển đổi số',
              key_service: 'API keys are DXBoard API tokens issued by the province’s administrator',
              endpoints: [
                {
                  specification: 'http://wiki.open311.org/GeoReport_v2',
                  url: `${publicBase()}${BASE}`,
                  changeset: '2026-12-06T00:00:00+07:00',
                  type: 'production',
                  formats: ['text/xml', 'application/json'],
                },
              ],
            }),
          );
        case 'services':
          return answer(reply, f.format, async () =>
            renderList(f.format, 'services', 'service', await open311.services()),
          );
        case 'requests':
          return answer(reply, f.format, () => open311.listRendered(query, f.format));
        case 'servicerequestupdates':
          return answer(reply, f.format, async () =>
            renderList(f.format, 'service_request_updates', 'request_update', await open311.updates(query)),
          );
        default:
          return notFound(reply, f.format);
      }
    },
  );

  app.post(
    `${BASE}/:file`,
    { schema: { tags, summary: 'Open311: POST requests.{json,xml} (form-encoded, api_key required)' } },
    async (request, reply) => {
      const f = splitFormat((request.params as { file: string }).file);
      if (f?.name !== 'requests') return notFound(reply, f?.format);
      const body = (request.body ?? {}) as Record<string, unknown>;
      return answer(reply, f.format, async () =>
        renderList(
          f.format,
          'service_requests',
          'request',
          await open311.post(auditContextOf(request), body),
        ),
      );
    },
  );

  app.get(
    `${BASE}/services/:file`,
    { schema: { tags, summary: 'Open311: a service definition (services/{code}.{json,xml})' } },
    async (request, reply) => {
      const f = splitFormat((request.params as { file: string }).file);
      if (!f) return notFound(reply);
      return answer(reply, f.format, async () =>
        renderObject(f.format, 'service_definition', await open311.definition(f.name)),
      );
    },
  );

  app.get(
    `${BASE}/tokens/:file`,
    {
      schema: {
        tags,
        summary:
          'Open311: the service request id of a token (tokens/{token}.{json,xml}); empty until the report is published',
      },
    },
    async (request, reply) => {
      const f = splitFormat((request.params as { file: string }).file);
      if (!f) return notFound(reply);
      return answer(reply, f.format, async () =>
        renderList(f.format, 'service_requests', 'request', await open311.token(f.name)),
      );
    },
  );

  app.get(
    `${BASE}/requests/:file`,
    { schema: { tags, summary: 'Open311: one service request (requests/{id}.{json,xml})' } },
    async (request, reply) => {
      const f = splitFormat((request.params as { file: string }).file);
      if (!f) return notFound(reply);
      return answer(reply, f.format, async () =>
        renderList(f.format, 'service_requests', 'request', await open311.one(f.name)),
      );
    },
  );
}
