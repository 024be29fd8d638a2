import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ProductDecisionSchema,
  ProductInputSchema,
  ProductListQuerySchema,
  ProductListSchema,
  ProductPatchSchema,
  ProductViewSchema,
  RegisterIdParamsSchema,
  WithoutProductQuerySchema,
  WithoutProductSchema,
} from '../../../../core/contracts/steer-registers.js';
import { rejectAnonymous } from '../../../lib/request-auth.js';
import { auditContextOf } from '../../../lib/request-context.js';
import type { SteerProductsService } from './products.types.js';

const tags = ['steer'];

export function registerProductsRoutes(app: FastifyInstance, products: SteerProductsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = { onRequest: rejectAnonymous };

  r.get(
    '/api/steer/products',
    {
      ...base,
      schema: {
        tags,
        summary: 'DX products of a unit and the units below it (by year and status)',
        querystring: ProductListQuerySchema,
        response: { 200: ProductListSchema },
      },
    },
    async (request) => products.list(request.actor, request.query),
  );
  r.get(
    '/api/steer/products/units-without',
    {
      ...base,
      schema: {
        tags,
        summary: 'Departments and communes below a unit with no accepted DX product in a year',
        querystring: WithoutProductQuerySchema,
        response: { 200: WithoutProductSchema },
      },
    },
    async (request) => products.withoutProduct(request.actor, request.query),
  );
  r.post(
    '/api/steer/products',
    {
      ...base,
      schema: {
        tags,
        summary: 'Declare a DX product of a unit (awaiting the secretariat’s review)',
        body: ProductInputSchema,
        response: { 201: ProductViewSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return products.declare(auditContextOf(request), request.body);
    },
  );
  r.get(
    '/api/steer/products/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'A DX product',
        params: RegisterIdParamsSchema,
        response: { 200: ProductViewSchema },
      },
    },
    async (request) => products.get(request.actor, request.params.id),
  );
  r.put(
    '/api/steer/products/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Correct a DX product not yet accepted (it is submitted again)',
        params: RegisterIdParamsSchema,
        body: ProductPatchSchema,
        response: { 200: ProductViewSchema },
      },
    },
    async (request) => products.update(auditContextOf(request), request.params.id, request.body),
  );
  r.delete(
    '/api/steer/products/:id',
    {
      ...base,
      schema: {
        tags,
        summary: 'Withdraw a DX product not yet accepted',
        params: RegisterIdParamsSchema,
      },
    },
    async (request, reply) => {
      await products.remove(auditContextOf(request), request.params.id);
      reply.code(204);
    },
  );
  r.post(
    '/api/steer/products/:id/decision',
    {
      ...base,
      schema: {
        tags,
        summary: 'Accept or return (with a reason) a submitted DX product',
        params: RegisterIdParamsSchema,
        body: ProductDecisionSchema,
        response: { 200: ProductViewSchema },
      },
    },
    async (request) => products.decide(auditContextOf(request), request.params.id, request.body),
  );
}
