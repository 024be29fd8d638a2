import type { FastifyInstance } from 'fastify';
import { createAccessGuard } from '../../../lib/access-guard.js';
import type { SteerModuleDeps, SteerPlansService, SteerTasksService } from '../steer.types.js';
import { createSteerImportRepository } from './import.repository.js';
import { registerSteerImportRoutes } from './import.routes.js';
import { createSteerImportService, PARSE_APPENDIX_JOB } from './import.service.js';
import type { ParseAppendixPayload, SteerImportService } from './import.types.js';

// Wiring of the plan appendix import (repository → service → job handler → routes), called from
// steer.module.ts with the tasks core's services, through which confirmed tasks are created.

export function createSteerImportServices(
  deps: Pick<SteerModuleDeps, 'db' | 'clock' | 'audit' | 'jobs'>,
  tasks: Pick<SteerTasksService, 'createTask'>,
  plans: Pick<SteerPlansService, 'addGroup'>,
): SteerImportService {
  return createSteerImportService({
    ...deps,
    guard: createAccessGuard(deps.db),
    repo: createSteerImportRepository(deps.db),
    tasks,
    plans,
  });
}

export function registerSteerImport(
  app: FastifyInstance,
  deps: SteerModuleDeps,
  imports: SteerImportService,
) {
  deps.jobs.registerHandler<ParseAppendixPayload>(PARSE_APPENDIX_JOB, (payload) =>
    imports.handleParseJob(payload),
  );
  app.register(async (scope) => {
    await registerSteerImportRoutes(scope, imports, deps.config.uploadMaxBytes);
  });
}
