import type { Selectable } from 'kysely';
import type { Letter, UrgingTask } from '../../../../core/contracts/steer-urging.js';
import type { SteerUrgingLettersTable } from '../../../db/schema-steer-urging.js';
import type { Actor } from '../../../lib/actor.js';
import type { SteerTasksService, TaskView } from '../steer.types.js';
import type { UrgingLetterInput } from './urging-letter.js';

// How urging and the officer's home read tasks (through the tasks feature's list) and show letters.

type TaskListQuery = Parameters<SteerTasksService['listTasks']>[1];

/** Every page of a task list (the list caps a page at 1000). */
export async function allTasks(
  tasks: Pick<SteerTasksService, 'listTasks'>,
  actor: Actor | null,
  query: TaskListQuery,
): Promise<TaskView[]> {
  const out: TaskView[] = [];
  for (let page = 1; ; page++) {
    const list = await tasks.listTasks(actor, { ...query, page, pageSize: 1000 });
    out.push(...list.items);
    if (list.items.length === 0 || out.length >= list.total) return out;
  }
}

/** A task as urging lists it (status as of the list's date). */
export function urgingTaskOf(t: TaskView): UrgingTask {
  const s = t.status;
  return {
    id: t.id,
    title: t.title,
    source: t.plan ? `Kế hoạch ${t.plan.numberSymbol}` : t.source.label,
    isKey: t.isKey,
    deadlineWritten: t.deadline.written,
    due: s?.due ?? t.currentDue,
    ongoing: t.deadline.kind === 'ongoing',
    state: t.state,
    status: s?.status ?? 'in_progress',
    daysOverdue: s?.daysOverdue ?? null,
    daysUntilDue: s?.daysUntilDue ?? null,
    progressPercent: t.progressPercent,
  };
}

export const byDaysOverdue = (a: UrgingTask, b: UrgingTask) =>
  (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.id - b.id;
export const byDue = (a: UrgingTask, b: UrgingTask) =>
  (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id;

export function letterView(row: Selectable<SteerUrgingLettersTable>): Letter {
  const input = JSON.parse(row.letterJson) as UrgingLetterInput;
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: input.unitName,
    number: row.number,
    issuedOn: row.issuedOn,
    replyBy: row.replyBy,
    overdueCount: row.overdueCount,
    dueSoonCount: row.dueSoonCount,
    createdBy: row.createdByLabel,
    createdAt: row.createdAt,
    isDemo: row.isDemo === 1,
  };
}
