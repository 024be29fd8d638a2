import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { DB } from '../../../db/schema.js';
import type { SteerTasksTable } from '../../../db/schema-steer.js';
import type {
  SteerRemindersTable,
  SteerUrgingLettersTable,
  SteerUrgingSettingsTable,
} from '../../../db/schema-steer-urging.js';
import { chunk } from '../../../lib/chunk.js';

// Urging's queries (Kysely only): the open tasks the reminder job looks at, the reminder log (one row per
// idempotency key), urging letters and their tasks, the settings row, the job's daily runs. Task rows are read
// from the tasks feature's tables (same module); their status comes from the tasks feature's statusInputs.

/** Lifecycle states that can still owe a reminder (done, paused and cancelled tasks owe nothing). */
export const OPEN_STATES = ['not_started', 'in_progress', 'returned'] as const;

export type OpenTaskRow = Selectable<SteerTasksTable>;

export function createUrgingRepository(db: Kysely<DB>) {
  const underRoots = (roots: number[]) =>
    db
      .selectFrom('unitClosure')
      .select('descendantId')
      .where('ancestorId', 'in', roots.length ? roots : [-1]);

  return {
    /** Open tasks with id > afterId, by id (the job pages through them). */
    openTasks: (afterId: number, limit: number, exec: Executor = db): Promise<OpenTaskRow[]> =>
      exec
        .selectFrom('steerTasks')
        .selectAll()
        .where('state', 'in', [...OPEN_STATES])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute(),

    /** Logs a reminder; undefined when its key was already logged (another run, another process). */
    insertReminder: (row: Insertable<SteerRemindersTable>, exec: Executor = db) =>
      exec
        .insertInto('steerReminders')
        .values(row)
        .onConflict((oc) => oc.column('idempotencyKey').doNothing())
        .returning('id')
        .executeTakeFirst(),
    /** Logs many reminders in one statement per 100; returns the rows this call logged (a key already there is not). */
    insertReminders: async (rows: Insertable<SteerRemindersTable>[], exec: Executor = db) => {
      const out: { id: number; idempotencyKey: string }[] = [];
      for (const part of chunk(rows, 100)) {
        out.push(
          ...(await exec
            .insertInto('steerReminders')
            .values(part)
            .onConflict((oc) => oc.column('idempotencyKey').doNothing())
            .returning(['id', 'idempotencyKey'])
            .execute()),
        );
      }
      return out;
    },
    setReminderNotification: (id: number, notificationId: number, exec: Executor = db) =>
      exec.updateTable('steerReminders').set({ notificationId }).where('id', '=', id).execute(),
    /** Links reminders to the notifications recorded under the same idempotency keys. */
    linkReminderNotifications: async (ids: number[], exec: Executor = db) => {
      for (const part of chunk(ids))
        await exec
          .updateTable('steerReminders')
          .set((eb) => ({
            notificationId: eb
              .selectFrom('notifications')
              .select('notifications.id')
              .whereRef('notifications.idempotencyKey', '=', 'steerReminders.idempotencyKey'),
          }))
          .where('id', 'in', part)
          .execute();
    },
    reminderKeysExist: async (keys: string[], exec: Executor = db) => {
      const found = new Set<string>();
      for (const part of chunk(keys)) {
        const rows = await exec
          .selectFrom('steerReminders')
          .select('idempotencyKey')
          .where('idempotencyKey', 'in', part)
          .execute();
        for (const r of rows) found.add(r.idempotencyKey);
      }
      return found;
    },
    /** Reminders about tasks led by the units under `unitIds`, newest first. */
    remindersOfUnits: async (unitIds: number[], page: number, pageSize: number, exec: Executor = db) => {
      const base = exec
        .selectFrom('steerReminders as r')
        .innerJoin('steerTasks as t', 't.id', 'r.taskId')
        .where('r.unitId', 'in', unitIds.length ? unitIds : [-1]);
      const [rows, count] = await Promise.all([
        base
          .select([
            'r.id',
            'r.taskId',
            't.title as taskTitle',
            'r.unitId',
            'r.kind',
            'r.due',
            'r.days',
            'r.sentOn',
          ])
          .orderBy('r.sentAt', 'desc')
          .orderBy('r.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    // ------------------------------------------------------------ the job's runs and settings
    runOf: (date: string, exec: Executor = db) =>
      exec.selectFrom('steerUrgingRuns').selectAll().where('runOn', '=', date).executeTakeFirst(),
    lastRun: (exec: Executor = db) =>
      exec.selectFrom('steerUrgingRuns').selectAll().orderBy('runOn', 'desc').limit(1).executeTakeFirst(),
    /** Records a finished run; a forced second run the same day adds the reminders it sent. */
    finishRun: (
      row: { runOn: string; tasks: number; reminders: number; finishedAt: string },
      exec: Executor = db,
    ) =>
      exec
        .insertInto('steerUrgingRuns')
        .values(row)
        .onConflict((oc) =>
          oc.column('runOn').doUpdateSet((eb) => ({
            tasks: row.tasks,
            reminders: eb(eb.ref('steerUrgingRuns.reminders'), '+', row.reminders),
            finishedAt: row.finishedAt,
          })),
        )
        .execute(),
    settings: (exec: Executor = db) =>
      exec.selectFrom('steerUrgingSettings').selectAll().where('id', '=', 1).executeTakeFirst(),
    saveSettings: (row: Omit<SteerUrgingSettingsTable, 'id'>, exec: Executor = db) =>
      exec
        .insertInto('steerUrgingSettings')
        .values({ id: 1, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute(),

    // ------------------------------------------------------------ letters
    insertLetter: (row: Insertable<SteerUrgingLettersTable>, exec: Executor = db) =>
      exec.insertInto('steerUrgingLetters').values(row).returningAll().executeTakeFirstOrThrow(),
    insertLetterTasks: async (letterId: number, taskIds: number[], exec: Executor = db) => {
      for (const part of chunk(taskIds))
        await exec
          .insertInto('steerUrgingLetterTasks')
          .values(part.map((taskId) => ({ letterId, taskId })))
          .execute();
    },
    setLetterNotification: (id: number, notificationId: number, exec: Executor = db) =>
      exec.updateTable('steerUrgingLetters').set({ notificationId }).where('id', '=', id).execute(),
    findLetter: (id: number, exec: Executor = db) =>
      exec.selectFrom('steerUrgingLetters').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Letters to units under `scopeRoots` (and under `unitId` when given), newest first. */
    listLetters: async (
      filter: { scopeRoots: number[]; unitId?: number; page: number; pageSize: number },
      exec: Executor = db,
    ) => {
      let base = exec
        .selectFrom('steerUrgingLetters as l')
        .where('l.unitId', 'in', underRoots(filter.scopeRoots));
      if (filter.unitId) base = base.where('l.unitId', 'in', underRoots([filter.unitId]));
      const [rows, count] = await Promise.all([
        base
          .selectAll('l')
          .orderBy('l.issuedOn', 'desc')
          .orderBy('l.id', 'desc')
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
    /** The latest letter per unit, for the units given. */
    lastLetters: async (unitIds: number[], exec: Executor = db) => {
      const out = new Map<number, { id: number; issuedOn: string }>();
      for (const part of chunk(unitIds)) {
        const rows = await exec
          .selectFrom('steerUrgingLetters')
          .select(['id', 'unitId', 'issuedOn'])
          .where('unitId', 'in', part)
          .orderBy('id')
          .execute();
        for (const r of rows) out.set(r.unitId, { id: r.id, issuedOn: r.issuedOn });
      }
      return out;
    },

    /** A line in each task's history (who, when, what): the letter that urged it. */
    insertHistory: async (
      rows: {
        taskId: number;
        at: string;
        onDate: string;
        actorUserId: number | null;
        actorLabel: string;
        note: string;
        newValue: string;
      }[],
      exec: Executor = db,
    ) => {
      for (const part of chunk(rows))
        await exec
          .insertInto('steerTaskHistory')
          .values(
            part.map((r) => ({
              taskId: r.taskId,
              at: r.at,
              onDate: r.onDate,
              actorUserId: r.actorUserId,
              actorLabel: r.actorLabel,
              kind: 'urged',
              field: null,
              oldValue: null,
              newValue: r.newValue,
              note: r.note,
            })),
          )
          .execute();
    },

    /** Extensions asked for the tasks given that the committee has not answered yet. */
    pendingExtensions: async (taskIds: number[], exec: Executor = db) => {
      const out: { id: number; taskId: number; requestedDue: string; requestedAt: string }[] = [];
      for (const part of chunk(taskIds))
        out.push(
          ...(await exec
            .selectFrom('steerTaskExtensions')
            .select(['id', 'taskId', 'requestedDue', 'requestedAt'])
            .where('taskId', 'in', part)
            .where('status', '=', 'pending')
            .orderBy('requestedAt')
            .execute()),
        );
      return out;
    },

    unitNames: async (ids: number[], exec: Executor = db) => {
      const out = new Map<number, string>();
      for (const part of chunk([...new Set(ids)])) {
        const rows = await exec.selectFrom('units').select(['id', 'name']).where('id', 'in', part).execute();
        for (const r of rows) out.set(r.id, r.name);
      }
      return out;
    },
    /** The top-level unit (the province) above `unitId`: who issues its letters. */
    rootOf: (unitId: number, exec: Executor = db) =>
      exec
        .selectFrom('unitClosure as c')
        .innerJoin('units as u', 'u.id', 'c.ancestorId')
        .select(['u.id', 'u.name', 'u.type', 'u.level'])
        .where('c.descendantId', '=', unitId)
        .orderBy('c.depth', 'desc')
        .limit(1)
        .executeTakeFirst(),
  };
}

export type UrgingRepository = ReturnType<typeof createUrgingRepository>;
