import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../lib/access-guard.js';
import { registerFilesRoutes } from './files.routes.js';
import { createFileAccessService } from './files.service.js';
import type { FilesModuleDeps } from './files.types.js';

// Wiring only: the container's file store → the access service → routes.
export function registerFilesModule(app: FastifyInstance, deps: FilesModuleDeps) {
  const service = createFileAccessService({ files: deps.files, guard: createAccessGuard(deps.db) });
  // Multipart parsing is registered in this module's own scope, so no other route accepts it.
  app.register(async (scope) => {
    await scope.register(multipart, {
      // One byte over the limit lets the store see the overflow and answer 413 itself.
      limits: { fileSize: deps.config.uploadMaxBytes + 1, files: 1, fields: 10, parts: 12, fieldSize: 4096 },
      throwFileSizeLimit: false,
    });
    registerFilesRoutes(scope, service);
  });
}
