import type { Kysely } from 'kysely';
import type {
  ImportName,
  ImportTask,
  ImportUnit,
  SteerImportConfirm,
  SteerImportView,
  UnresolvedName,
} from '../../../../core/contracts/steer-import.js';
import { fieldMessage } from '../../../../core/i18n/errors.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import {
  type AppendixIssue,
  appendixIssueMessage,
  appendixTasks,
  missingColumnsText,
  type ParsedAppendix,
} from '../../../../core/steer/appendix.js';
import { vietnamDate } from '../../../../core/time/vietnam-date.js';
import {
  canonicalUnitName,
  createUnitNameMatcher,
  type NameMatch,
  unitDisplayName,
} from '../../../../core/units/name-match.js';
import type { DB } from '../../../db/schema.js';
import type { JobQueue } from '../../../jobs/queue.js';
import type { AccessGuard } from '../../../lib/access-guard.js';
import { requireSignedIn } from '../../../lib/access-guard.js';
import { type Actor, hasPermissionAnywhere } from '../../../lib/actor.js';
import type { AuditContext, AuditService } from '../../../lib/audit.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError, notFound } from '../../../lib/errors.js';
import type { SteerPlansService, SteerTasksService } from '../tasks/tasks.types.js';
import { buildSampleAppendix } from './appendix-sample.js';
import { type AppendixFileIssue, readAppendixWorkbook } from './appendix-xlsx.js';
import type { ImportPlan, PlanUnit, SteerImportRepository, SteerImportRow } from './import.repository.js';
import type { ParseAppendixPayload, SteerImportService } from './import.types.js';
import './import.messages.js';

// The plan appendix import: upload (checked by the xlsx guard in the route) → a preview stored server-side
// (nothing of the plan changes) → the person picks units for the names that did not match → confirm: the
// plan's groups and tasks are created in ONE transaction through the tasks service (each task audited there),
// the import marked confirmed and audited. Large files are read by a background job that reports progress.

/** Job that reads a large appendix; any process may run it (the file waits in steer_import_files). */
export const PARSE_APPENDIX_JOB = 'steer.parse-appendix';

export type SteerImportServiceDeps = {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  jobs: JobQueue;
  guard: AccessGuard;
  repo: SteerImportRepository;
  tasks: Pick<SteerTasksService, 'createTask'>;
  plans: Pick<SteerPlansService, 'addGroup'>;
  /** Files up to these sizes are read before the upload is answered; larger ones in the background job. */
  inline?: { bytes: number; expandedBytes: number };
};

// A typical appendix (tens to a few hundred tasks) is well under both.
const INLINE = { bytes: 256 * 1024, expandedBytes: 1024 * 1024 };
const ERRORS_SHOWN = 500;

type Stored = { parsed: ParsedAppendix; year: number };

function fileError(issue: AppendixFileIssue, parsed?: ParsedAppendix): AppendixFileIssue {
  if (issue.code === 'steer_import.missing_columns' && parsed)
    return { code: issue.code, params: { columns: missingColumnsText(parsed.missing) } };
  return issue;
}

function refuseFile(issue: AppendixFileIssue): AppError {
  return new AppError(issue.code === 'steer_import.too_many_rows' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', {
    detailKey: issue.code,
    params: issue.params ?? {},
    fieldErrors: [{ field: 'file', code: issue.code, params: issue.params ?? {} }],
  });
}

export function unitLabel(u: Pick<PlanUnit, 'name' | 'type'>): string {
  return unitDisplayName(u.name, u.type);
}

/** The preview: every task with its units resolved (or not), the names to pick, the row errors. */
export function buildView(row: SteerImportRow, units: PlanUnit[], locale: Locale): SteerImportView {
  const stored = row.parsedJson ? (JSON.parse(row.parsedJson) as Stored) : null;
  const fileErrors = (JSON.parse(row.fileErrorsJson) as AppendixFileIssue[]).map((f) => ({
    code: f.code,
    message: fieldMessage(f.code, locale, f.params ?? {}),
  }));
  const base: SteerImportView = {
    id: row.id,
    planId: row.planId,
    status: row.status,
    fileName: row.fileName,
    progress: { processedRows: row.processedRows, totalRows: row.totalRows },
    fileErrors,
    groups: [],
    tasks: [],
    taskCount: 0,
    unresolved: [],
    units: [],
    errors: [],
    errorCount: 0,
    result: row.resultJson ? JSON.parse(row.resultJson) : null,
    createdAt: row.createdAt,
    confirmedAt: row.confirmedAt,
  };
  if (!stored) return base;
  const { parsed } = stored;
  const names = resolveNames(parsed, units);
  const unitOf = new Map(units.map((u) => [u.id, { id: u.id, name: unitLabel(u) }]));
  const nameRef = (name: string): ImportName => {
    const key = canonicalUnitName(name);
    const m = names.get(key)?.match;
    return { name, key, unit: m?.status === 'matched' ? (unitOf.get(m.unitId) ?? null) : null };
  };
  const errorRows = new Set(parsed.issues.map((i) => i.row));
  const tasks: ImportTask[] = [...appendixTasks(parsed)].map(({ group, task, parent }) => ({
    row: task.row,
    groupCode: group.code,
    parentRow: parent?.row ?? null,
    depth: parent ? 1 : 0,
    code: task.code,
    title: task.title,
    description: task.description,
    product: task.product,
    deadline: task.deadline
      ? {
          written: task.deadline.written,
          kind: task.deadline.kind,
          due: task.deadline.due,
          cycle: task.deadline.kind === 'ongoing' ? task.deadline.cycle : null,
        }
      : null,
    lead: task.leadName ? nameRef(task.leadName) : null,
    coordinators: task.coordinatorNames.map(nameRef),
    hasError: errorRows.has(task.row),
  }));
  const unresolved: UnresolvedName[] = [...names.values()]
    .filter((n) => n.match.status !== 'matched')
    .map((n) => ({
      key: n.key,
      name: n.name,
      reason: n.match.status as UnresolvedName['reason'],
      rows: [...n.rows].sort((a, b) => a - b),
      asLead: n.asLead,
      candidates: (n.match.status === 'matched' ? [] : n.match.candidates)
        .map((id) => unitOf.get(id))
        .filter((u): u is ImportUnit => u !== undefined),
    }));
  return {
    ...base,
    groups: parsed.groups.map((g) => ({ row: g.row, code: g.code, title: g.title })),
    tasks,
    taskCount: parsed.taskCount,
    unresolved,
    units: unresolved.length ? [...unitOf.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')) : [],
    errors: parsed.issues.slice(0, ERRORS_SHOWN).map((i: AppendixIssue) => ({
      row: i.row,
      column: i.column,
      code: i.code,
      message: appendixIssueMessage(i, locale),
    })),
    errorCount: parsed.issues.length,
  };
}

type NameEntry = { key: string; name: string; match: NameMatch; rows: Set<number>; asLead: boolean };

/** Every distinct unit name of the appendix (by canonical key) with how it matched. */
function resolveNames(parsed: ParsedAppendix, units: PlanUnit[]): Map<string, NameEntry> {
  const matcher = createUnitNameMatcher(units);
  const names = new Map<string, NameEntry>();
  const see = (name: string, row: number, asLead: boolean) => {
    const key = canonicalUnitName(name);
    if (!key) return;
    let entry = names.get(key);
    if (!entry) {
      entry = { key, name, match: matcher.match(name), rows: new Set(), asLead: false };
      names.set(key, entry);
    }
    entry.rows.add(row);
    entry.asLead ||= asLead;
  };
  for (const { task } of appendixTasks(parsed)) {
    if (task.leadName) see(task.leadName, task.row, true);
    for (const c of task.coordinatorNames) see(c, task.row, false);
  }
  return names;
}

export function createSteerImportService(deps: SteerImportServiceDeps): SteerImportService {
  const { db, clock, audit, jobs, guard, repo, tasks, plans } = deps;
  const inline = deps.inline ?? INLINE;

  async function managedPlan(actor: Actor | null, planId: number) {
    const { entity } = await guard.forEntity(
      actor,
      'steer.manage',
      () => repo.findPlan(planId),
      (p: ImportPlan) => p.issuingUnitId,
    );
    return entity;
  }

  const yearOf = (plan: ImportPlan) => Number(plan.issuedOn.slice(0, 4));

  async function parseInto(id: number, buffer: Buffer, year: number): Promise<void> {
    const read = await readAppendixWorkbook(buffer, year);
    const now = clock.now().toISOString();
    if (!read.ok) {
      await repo.updateImport(id, {
        status: 'invalid',
        updatedAt: now,
        fileErrorsJson: JSON.stringify([fileError(read.issue, read.parsed)]),
      });
      return;
    }
    const rows = read.parsed.groups.length + read.parsed.taskCount;
    await repo.updateImport(id, {
      status: statusOf(read.parsed),
      updatedAt: now,
      processedRows: rows,
      totalRows: rows,
      fileErrorsJson: JSON.stringify(read.parsed.taskCount ? [] : [{ code: 'steer_import.empty' }]),
      parsedJson: JSON.stringify({ parsed: read.parsed, year } satisfies Stored),
    });
  }

  const statusOf = (parsed: ParsedAppendix) =>
    parsed.issues.length || parsed.taskCount === 0 ? ('invalid' as const) : ('ready' as const);

  /** The job handler; idempotent (a queue may run a job twice). */
  async function handleParseJob(payload: ParseAppendixPayload) {
    const row = await repo.importById(payload.importId);
    if (row?.status !== 'parsing') return;
    const plan = await repo.findPlan(row.planId);
    const file = await repo.fileOf(row.id);
    try {
      if (!file || !plan) throw new Error('file or plan gone');
      // The workbook is loaded now; the row says so, so the polling page can show that work has begun.
      await repo.updateImport(row.id, {
        totalRows: 1,
        processedRows: 0,
        updatedAt: clock.now().toISOString(),
      });
      await parseInto(row.id, Buffer.from(file.contentBase64, 'base64'), yearOf(plan));
    } catch (error) {
      console.error('[steer] reading appendix import', row.id, 'failed:', error);
      await repo.updateImport(row.id, {
        status: 'failed',
        updatedAt: clock.now().toISOString(),
        fileErrorsJson: JSON.stringify([{ code: 'steer_import.unreadable' }]),
      });
    }
    await repo.deleteFile(row.id);
  }

  async function ownImport(actor: Actor | null, id: number) {
    const signedIn = requireSignedIn(actor);
    const row = await repo.importById(id);
    // Someone else's import answers like a missing one.
    if (!row || row.createdBy !== signedIn.userId) throw notFound();
    return { actor: signedIn, row };
  }

  async function viewOf(row: SteerImportRow, locale: Locale) {
    const plan = await repo.findPlan(row.planId);
    const units = row.parsedJson && plan ? await repo.planUnits(plan.issuingUnitId) : [];
    return buildView(row, units, locale);
  }

  return {
    handleParseJob,

    async upload(
      ctx: AuditContext,
      planId: number,
      file: { fileName: string; buffer: Buffer; expandedBytes: number },
      locale: Locale,
    ): Promise<SteerImportView> {
      const plan = await managedPlan(ctx.actor, planId);
      const actor = requireSignedIn(ctx.actor);
      if (plan.status === 'superseded')
        throw new AppError('INVALID_STATE', { detailKey: 'steer_import.plan_closed' });
      const small = file.buffer.length <= inline.bytes && file.expandedBytes <= inline.expandedBytes;
      const now = clock.now().toISOString();
      const fileName = file.fileName.slice(0, 200);
      let parsed: ParsedAppendix | null = null;
      if (small) {
        const read = await readAppendixWorkbook(file.buffer, yearOf(plan));
        // A file that is not an appendix at all is refused at once, with nothing stored.
        if (!read.ok) throw refuseFile(fileError(read.issue, read.parsed));
        if (!read.parsed.taskCount) throw refuseFile({ code: 'steer_import.empty' });
        parsed = read.parsed;
      }
      const created = await db.transaction().execute(async (trx) => {
        const rows = parsed ? parsed.groups.length + parsed.taskCount : 0;
        const row = await repo.insertImport(
          {
            planId: plan.id,
            status: parsed ? statusOf(parsed) : 'parsing',
            fileName,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
            processedRows: rows,
            totalRows: rows,
            fileErrorsJson: '[]',
            parsedJson: parsed ? JSON.stringify({ parsed, year: yearOf(plan) } satisfies Stored) : null,
            resultJson: null,
            confirmedAt: null,
          },
          trx,
        );
        if (!parsed) await repo.insertFile(row.id, file.buffer.toString('base64'), trx);
        await audit.record(trx, ctx, {
          action: 'steer.import.upload',
          entity: 'steer_import',
          entityId: row.id,
          after: { planId: plan.id, fileName, bytes: file.buffer.length, background: !parsed },
        });
        return row;
      });
      if (!parsed) {
        const payload: ParseAppendixPayload = { importId: created.id };
        await jobs.enqueue(PARSE_APPENDIX_JOB, payload, { jobId: `steer-import-${created.id}` });
      }
      return viewOf((await repo.importById(created.id))!, locale);
    },

    async get(actor: Actor | null, id: number, locale: Locale): Promise<SteerImportView> {
      const { row } = await ownImport(actor, id);
      return viewOf(row, locale);
    },

    async confirm(
      ctx: AuditContext,
      id: number,
      input: SteerImportConfirm,
      locale: Locale,
    ): Promise<SteerImportView> {
      const { row } = await ownImport(ctx.actor, id);
      const plan = await managedPlan(ctx.actor, row.planId);
      if (row.status === 'confirmed')
        throw new AppError('INVALID_STATE', { detailKey: 'steer_import.already_confirmed' });
      if (row.status === 'parsing')
        throw new AppError('INVALID_STATE', { detailKey: 'steer_import.not_ready' });
      if (row.status !== 'ready' || !row.parsedJson)
        throw new AppError('INVALID_STATE', { detailKey: 'steer_import.has_errors' });
      if (plan.status === 'superseded')
        throw new AppError('INVALID_STATE', { detailKey: 'steer_import.plan_closed' });
      const { parsed } = JSON.parse(row.parsedJson) as Stored;
      // Units may have changed since the preview: names are matched again, then the picks applied.
      const units = await repo.planUnits(plan.issuingUnitId);
      const inPlan = new Set(units.map((u) => u.id));
      const names = resolveNames(parsed, units);
      const picks = new Map((input.resolutions ?? []).map((r) => [r.key, r.unitId]));
      const unitFor = new Map<string, number | null>();
      const missing: string[] = [];
      const fieldErrors: { field: string; code: string; params?: Record<string, unknown> }[] = [];
      for (const n of names.values()) {
        if (n.match.status === 'matched') {
          unitFor.set(n.key, n.match.unitId);
          continue;
        }
        const pick = picks.get(n.key);
        if (pick === undefined || (pick === null && n.asLead)) {
          missing.push(n.name);
          fieldErrors.push({
            field: `resolutions.${n.key}`,
            code: n.asLead ? 'steer_import.pick_required' : 'steer_import.unresolved',
            params: { name: n.name, names: n.name },
          });
        } else if (pick !== null && !inPlan.has(pick)) {
          fieldErrors.push({ field: `resolutions.${n.key}`, code: 'steer_import.unknown_unit' });
        } else unitFor.set(n.key, pick);
      }
      if (fieldErrors.length)
        throw new AppError('VALIDATION', {
          detailKey: missing.length ? 'steer_import.unresolved' : 'steer_import.unknown_unit',
          params: { names: missing.slice(0, 10).join('; ') },
          fieldErrors,
        });

      await db.transaction().execute(async (trx) => {
        // A second confirm racing this one finds the row no longer 'ready' and writes nothing.
        if (!(await repo.claim(id, clock.now().toISOString(), trx)))
          throw new AppError('INVALID_STATE', { detailKey: 'steer_import.already_confirmed' });
        const existing = await repo.planGroups(plan.id, trx);
        const groupIds = new Map(existing.map((g) => [g.code, g.id]));
        let position = existing.reduce((max, g) => Math.max(max, g.position), 0);
        let groupsCreated = 0;
        for (const g of parsed.groups) {
          if (!g.code || groupIds.has(g.code)) continue;
          const created = await plans.addGroup(
            ctx,
            plan.id,
            { code: g.code, title: (g.title ?? g.code).slice(0, 1000), position: ++position },
            trx,
          );
          groupIds.set(g.code, created.id);
          groupsCreated++;
        }
        const taskIds = new Map<number, number>();
        let created = 0;
        const source = {
          kind: 'import' as const,
          ref: String(id),
          label: `Phụ lục Kế hoạch số ${plan.numberSymbol} (tệp ${row.fileName})`.slice(0, 500),
        };
        for (const { group, task, parent } of appendixTasks(parsed)) {
          const lead = unitFor.get(canonicalUnitName(task.leadName ?? ''));
          const coordinators = [
            ...new Set(
              task.coordinatorNames
                .map((n) => unitFor.get(canonicalUnitName(n)))
                .filter((u): u is number => typeof u === 'number' && u !== lead),
            ),
          ];
          try {
            const view = await tasks.createTask(
              ctx,
              {
                planId: plan.id,
                groupId: group.code ? (groupIds.get(group.code) ?? null) : null,
                parentId: parent ? (taskIds.get(parent.row) ?? null) : null,
                code: task.code,
                title: task.title,
                description: task.description,
                expectedProduct: task.product,
                leadUnitIds: lead ? [lead] : [],
                coordinatingUnitIds: coordinators,
                deadline: task.deadlineText,
                isKey: false,
                confidential: false,
                source,
              },
              trx,
            );
            taskIds.set(task.row, view.id);
            created++;
          } catch (error) {
            throw rowError(error, task.row, locale);
          }
        }
        const outcome = { groups: groupsCreated, tasks: created };
        await repo.updateImport(id, { resultJson: JSON.stringify(outcome) }, trx);
        await audit.record(trx, ctx, {
          action: 'steer.import.confirm',
          entity: 'steer_import',
          entityId: id,
          before: { status: 'ready' },
          after: { status: 'confirmed', planId: plan.id, ...outcome, resolutions: [...picks.entries()] },
        });
      });
      return viewOf((await repo.importById(id))!, locale);
    },

    /** The sample appendix ("Tải mẫu") for `year`: for anyone who may import into some plan. */
    async template(actor: Actor | null, year?: number) {
      const signedIn = requireSignedIn(actor);
      if (!hasPermissionAnywhere(signedIn, 'steer.manage')) throw new AppError('FORBIDDEN');
      const y = year ?? Number(vietnamDate(clock.now()).slice(0, 4));
      return { year: y, body: await buildSampleAppendix(y) };
    },
  };
}

/** A task the tasks service refused: the same problem, naming the appendix row. */
function rowError(error: unknown, row: number, locale: Locale): unknown {
  if (!(error instanceof AppError)) return error;
  const message = error.detailKey
    ? fieldMessage(error.detailKey, locale, error.params)
    : fieldMessage(error.fieldErrors[0]?.code ?? error.code, locale, error.fieldErrors[0]?.params ?? {});
  return new AppError(error.code, {
    detailKey: 'steer_import.row_refused',
    params: { row, message },
    fieldErrors: error.fieldErrors.map((f) => ({
      ...f,
      field: `rows.${row}.${f.field.replace(/^body\./, '')}`,
    })),
  });
}
