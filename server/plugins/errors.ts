import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { type ErrorCode, errorTitle, fieldMessage } from '../../core/i18n/errors.js';
import { pickLocale } from '../../core/i18n/locale.js';
import { AppError, type FieldError } from '../lib/errors.js';
import { fieldErrorFromIssue } from '../lib/zod-issues.js';

// Every error leaves the server as RFC 9457 application/problem+json, localised by Accept-Language.
// 5xx bodies never carry internals; the log has them (with the request id to find them).

const PROBLEM_BASE = 'https://dxboard.vn/problems/';

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const locale = pickLocale(request.headers['accept-language']);
  const errors = error.fieldErrors.map((f: FieldError) => ({
    field: f.field,
    code: f.code,
    message: fieldMessage(f.code, locale, f.params),
  }));
  const detail = error.detailKey ? fieldMessage(error.detailKey, locale, error.params) : undefined;
  for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
  return reply
    .code(error.status)
    .header('content-language', locale)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `${PROBLEM_BASE}${error.code.toLowerCase()}`,
      title: errorTitle(error.code, locale),
      status: error.status,
      code: error.code,
      ...(detail && detail !== fieldMessage('invalid', locale) ? { detail } : {}),
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(errors.length ? { errors } : {}),
    });
}

// PostgreSQL refuses U+0000 in text ("invalid byte sequence for encoding UTF8: 0x00", SQLSTATE 22021);
// the failed statement rolls its transaction back, so it is the caller's bad input, not a server fault.
const PG_INVALID_TEXT = '22021';

function fromFastifyError(error: FastifyError): AppError | null {
  if ((error as { code?: unknown }).code === PG_INVALID_TEXT) return new AppError('BAD_REQUEST');
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = error.validationContext ?? '';
    const fieldErrors = error.validation.map((v) => {
      const issue = { ...(v.params as object), path: v.instancePath.split('/').filter(Boolean) } as Record<
        string,
        unknown
      >;
      issue.code = v.keyword;
      return fieldErrorFromIssue(prefix, issue);
    });
    return new AppError('VALIDATION', { fieldErrors });
  }
  if (error instanceof ZodError) {
    return new AppError('VALIDATION', {
      fieldErrors: error.issues.map((i) => fieldErrorFromIssue('', i as never)),
    });
  }
  // Body parse failures say what was wrong with the body, not only "bad request".
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return new AppError('BAD_REQUEST', { detailKey: 'request.invalid_json' });
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return new AppError('BAD_REQUEST', { detailKey: 'request.empty_json' });
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  const byStatus: Record<number, ErrorCode> = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  return new AppError(byStatus[status] ?? 'BAD_REQUEST');
}

/**
 * Fastify's `frameworkErrors`: the router rejects a malformed percent-encoding or an over-long path
 * parameter before any hook or error handler runs, so without this those 400s were plain JSON.
 */
export function sendFrameworkError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, new AppError('BAD_REQUEST'));
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError) {
      if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, appError);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError('INTERNAL'));
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError('NOT_FOUND')));
}
