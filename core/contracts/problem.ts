import { z } from 'zod';
import { ERROR_CODES } from '../i18n/errors.js';

// The body of every error response: RFC 9457 application/problem+json, as server/plugins/errors.ts sends it
// (titles and messages localised by Accept-Language). Registered with an id so the OpenAPI document shares one
// component; test/openapi checks real error responses against it.

export const ProblemFieldErrorSchema = z
  .object({
    field: z
      .string()
      .describe('Where the value came from and its path, e.g. "body.email", "query.unitId", "file"'),
    code: z.string().describe('A stable message key, e.g. "too_small" or "users.email_taken"'),
    message: z.string().describe('The localised message for people'),
  })
  .meta({ id: 'ProblemFieldError', description: 'One invalid field of the request' });

export const ProblemSchema = z
  .object({
    type: z.url().describe('https://dxboard.vn/problems/<code in lower case>'),
    title: z.string().describe('A short localised summary of the problem type'),
    status: z.number().int().min(400).max(599).describe('The HTTP status code, repeated'),
    code: z.enum(ERROR_CODES).describe('The stable machine-readable error code'),
    detail: z.string().optional().describe('A localised explanation of this occurrence, when there is one'),
    instance: z.string().describe('The request path (without the query string)'),
    requestId: z.string().describe('Quote it when reporting a problem: the server log has the details'),
    errors: z
      .array(ProblemFieldErrorSchema)
      .optional()
      .describe('Field errors, present on validation problems'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem detail (application/problem+json)' });

export type Problem = z.infer<typeof ProblemSchema>;
