import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import '../../core/contracts/problem.js';
import { APP_VERSION } from '../config.js';
import { rejectAnonymous } from '../lib/request-auth.js';
import { loadAccessRows } from './openapi/access-rows.js';
import { completeDocument, type OpenApiDocument, type RouteFacts } from './openapi/document.js';

// /api/openapi.json: the route schemas (zod, through fastify-type-provider-zod; schemas registered with a
// `.meta({ id })` become shared components) completed by ./openapi/document.ts. test/openapi validates it and
// type-checks a client generated from it.

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type RouteLike = { method: string | string[]; onRequest?: unknown; schema?: { consumes?: string[] } };

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const hooksOf = (route: RouteLike) =>
  Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : [];

const DESCRIPTION = [
  'Measure, steer and promote a province’s digital transformation.',
  '',
  'Authentication: sign in with `login` (a `dxb_session` cookie; every write made with the cookie must send',
  'the `csrfToken` of the sign-in answer in the `x-csrf-token` header), or send an API token as',
  '`Authorization: Bearer <token>`. Each operation says who may call it; a permission held on a unit also',
  'covers the units below it.',
  '',
  'Errors are RFC 9457 `application/problem+json` (the `Problem` schema), localised by Accept-Language (vi, en).',
].join('\n');

export async function registerOpenApi(app: FastifyInstance) {
  const rows = await loadAccessRows();
  const facts = new Map<string, RouteFacts>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'DXBoard API', description: DESCRIPTION, version: APP_VERSION },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'dxb_session',
            description: 'The session cookie set by login; writes also need the x-csrf-token header',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token for machine clients' },
        },
      },
    },
    transform: (input: TransformInput) => {
      const route = (input as { route?: RouteLike }).route;
      if (route) {
        const hooks = hooksOf(route);
        const fact: RouteFacts = {
          signedInHook: hooks.includes(rejectAnonymous),
          consumesMultipart: !!route.schema?.consumes?.includes('multipart/form-data'),
        };
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) facts.set(`${method.toUpperCase()} ${openApiPath(input.url)}`, fact);
      }
      return jsonSchemaTransform(input);
    },
    transformObject: (input) => {
      const object = jsonSchemaTransformObject(input) as unknown as OpenApiDocument;
      return completeDocument(object, rows, facts) as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
