import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FrameworkDefinitionBodySchema,
  FrameworkFromTemplateSchema,
  FrameworkImportBodySchema,
  FrameworkSaveResultSchema,
  FrameworkTemplateSchema,
  IdParamSchema,
  StoredFrameworkDetailSchema,
  StoredFrameworkSchema,
} from '../../../../core/contracts/measure.js';
import { FrameworkSchema } from '../../../../core/contracts/measure-framework.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { FrameworksService } from '../measure.types.js';

const tags = ['measure'];

export function registerFrameworksRoutes(app: FastifyInstance, frameworks: FrameworksService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/measure/framework-templates',
    {
      ...base,
      schema: {
        tags,
        summary: 'Built-in framework templates',
        response: { 200: z.array(FrameworkTemplateSchema) },
      },
    },
    async (request) => frameworks.listTemplates(request.actor),
  );
  r.get(
    '/api/measure/frameworks',
    {
      ...base,
      schema: {
        tags,
        summary: 'Stored frameworks, all versions',
        response: { 200: z.array(StoredFrameworkSchema) },
      },
    },
    async (request) => frameworks.list(request.actor),
  );
  r.post(
    '/api/measure/frameworks',
    {
      ...base,
      schema: {
        tags,
        summary: 'Create a framework (new draft version) from a built-in template',
        body: FrameworkFromTemplateSchema,
        response: { 201: StoredFrameworkDetailSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      const { templateKey, ownerUnitId } = request.body;
      return frameworks.createFromTemplate(auditContextOf(request), templateKey, ownerUnitId);
    },
  );
  r.post(
    '/api/measure/frameworks/import',
    {
      ...base,
      schema: {
        tags,
        summary: 'Import a framework definition (JSON) as a new draft version',
        body: FrameworkImportBodySchema,
        response: { 201: FrameworkSaveResultSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      const { definition, ownerUnitId } = request.body;
      return frameworks.importDefinition(auditContextOf(request), definition, ownerUnitId);
    },
  );
  r.get(
    '/api/measure/frameworks/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A framework version with its definition',
        params: IdParamSchema,
        response: { 200: StoredFrameworkDetailSchema },
      },
    },
    async (request) => frameworks.get(request.actor, request.params.id),
  );
  r.put(
    '/api/measure/frameworks/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Save a whole definition; a frozen version is copied into a new draft version',
        params: IdParamSchema,
        body: FrameworkDefinitionBodySchema,
        response: { 200: FrameworkSaveResultSchema },
      },
    },
    async (request) =>
      frameworks.saveDefinition(auditContextOf(request), request.params.id, request.body.definition),
  );
  r.get(
    '/api/measure/frameworks/:id/export',
    {
      ...base,
      schema: {
        tags,
        summary: 'Export a framework definition as JSON',
        params: IdParamSchema,
        response: { 200: FrameworkSchema },
      },
    },
    async (request, reply) => {
      const definition = await frameworks.exportDefinition(request.actor, request.params.id);
      reply.header('content-disposition', `attachment; filename="framework-${definition.code}.json"`);
      return definition;
    },
  );
}
