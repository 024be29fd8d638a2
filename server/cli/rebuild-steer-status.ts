import type { Deps } from '../deps.js';
import { rebuildStatusSpans } from '../modules/steer/tasks/status-spans.js';
import { createSteerTasksRepository } from '../modules/steer/tasks/tasks.repository.js';

export const REBUILD_STEER_STATUS_USAGE = 'rebuild-steer-status';

// Steer's stored status spans follow every write to a task, its history, extensions and progress through
// triggers, hand edits included; this recomputes all of them from the tasks (after the spans table itself was
// edited or emptied by hand, or to check a suspicion): each task's spans from deriveTaskStatus again.
export async function runRebuildSteerStatus(args: string[], deps: Deps): Promise<number> {
  if (args.length) {
    console.error(
      `Unexpected arguments: ${args.join(' ')}\nUsage: npx dxboard ${REBUILD_STEER_STATUS_USAGE}`,
    );
    return 2;
  }
  const started = performance.now();
  const count = await rebuildStatusSpans(createSteerTasksRepository(deps.db), deps.db);
  console.info(
    `Steer: status spans of ${count} tasks rebuilt in ${Math.round(performance.now() - started)} ms`,
  );
  return 0;
}
