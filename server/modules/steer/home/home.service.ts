import type { UrgingTask } from '../../../../core/contracts/steer-urging.js';
import { addDays } from '../../../../core/steer/calendar.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import type { Deps } from '../../../deps.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { scopeRootsFor } from '../../../lib/actor.js';
import { AppError } from '../../../lib/errors.js';
import type { SteerTasksService } from '../steer.types.js';
import type { UrgingRepository } from '../urging/urging.repository.js';
import type { SteerHomeService } from '../urging/urging.types.js';
import { allTasks, byDaysOverdue, byDue, letterView, urgingTaskOf } from '../urging/urging-views.js';

// The unit officer's home: the tasks the unit leads (itself or through a merger), by urgency; the ongoing
// tasks whose report cut-off falls this week; returned completion reports; extensions awaiting an answer; the
// urging letters and reminders the unit received. Tasks come from the tasks feature's list (scope,
// confidentiality and lineage judged there); the rest from urging's own log.

export type HomeServiceDeps = Pick<Deps, 'clock'> & {
  repo: UrgingRepository;
  guard: AccessGuard;
  tasks: Pick<SteerTasksService, 'listTasks'>;
};

const OPEN = new Set(['not_started', 'in_progress', 'returned']);

export function createHomeService({ clock, repo, guard, tasks }: HomeServiceDeps): SteerHomeService {
  return {
    async home(actor, query) {
      const a = requireSignedIn(actor);
      // Default: the caller's own unit that reports on tasks, else one it reads.
      const own = [...new Set([...scopeRootsFor(a, 'steer.report'), ...scopeRootsFor(a, 'steer.read')])];
      const unitId = query.unitId ?? own[0];
      if (unitId === undefined) throw new AppError('FORBIDDEN', { detailKey: 'steer.urging.no_unit' });
      await guard.forUnit(a, 'steer.read', unitId);
      const asOf = query.asOf ?? vietnamDate(clock.now());
      const weekEnd = addDays(asOf, 6);
      const names = await repo.unitNames([unitId, ...own]);
      const unitName = names.get(unitId);
      if (!unitName) throw new AppError('NOT_FOUND');
      const led = (await allTasks(tasks, a, { unitId, role: 'lead', asOf })).filter(
        (t) => t.leadUnit.id === unitId,
      );
      const items = led.map((t) => ({ view: t, item: urgingTaskOf(t) }));
      const pick = (test: (t: UrgingTask) => boolean) => items.map((x) => x.item).filter(test);
      const overdue = pick((t) => t.status === 'overdue').sort(byDaysOverdue);
      const dueSoon = pick((t) => t.status === 'due_soon').sort(byDue);
      const inProgress = pick((t) => t.status === 'in_progress' && OPEN.has(t.state)).sort(byDue);
      const reportThisWeek = pick(
        (t) => t.ongoing && t.status === 'due_soon' && t.due !== null && t.due <= weekEnd,
      ).sort(byDue);
      const returned = pick((t) => t.state === 'returned').sort(byDue);
      const titles = new Map(led.map((t) => [t.id, t.title]));
      const [extensions, letters, reminders] = await Promise.all([
        repo.pendingExtensions(led.map((t) => t.id)),
        repo.listLetters({ scopeRoots: [unitId], page: 1, pageSize: 10 }),
        repo.remindersOfUnits([unitId], 1, 10),
      ]);
      return {
        asOf,
        weekEnd,
        unitId,
        unitName,
        units: own
          .filter((id) => names.has(id))
          .map((id) => ({ unitId: id, unitName: names.get(id) as string })),
        overdue,
        dueSoon,
        inProgress,
        reportThisWeek,
        returned,
        pendingExtensions: extensions.map((e) => ({
          extensionId: e.id,
          taskId: e.taskId,
          taskTitle: titles.get(e.taskId) ?? '',
          requestedDue: e.requestedDue,
          requestedAt: e.requestedAt,
        })),
        letters: letters.rows.map(letterView),
        reminders: reminders.rows,
      };
    },
  };
}
