import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { findForbiddenControls } from '../lib/text-safety.js';

// No text with a C0 control character (other than tab, LF, CR) enters through the API, whatever the
// route: one hook on the root instance, so a new module cannot forget it. It runs after the body is
// parsed and before any schema validation, over the JSON body, the query string and the path
// parameters; the problem names each offending field ("body.items.0.title"). Both databases then hold
// the same text, and a SQLite backup always restores into PostgreSQL (which refuses U+0000).
// Imported files are checked where they are read (lib/xlsx-rows.ts, units CSV import).

export function registerTextSafety(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const found = [
      ...findForbiddenControls(request.params, 'params'),
      ...findForbiddenControls(request.query, 'querystring'),
      ...findForbiddenControls(request.body, 'body'),
    ];
    if (found.length) {
      throw new AppError('VALIDATION', {
        fieldErrors: found.map((f) => ({
          field: f.field,
          code: 'text.control_character',
          params: { codePoint: f.codePoint },
        })),
      });
    }
  });
}
