import { z } from 'zod';
import { APPENDIX_COLUMNS } from '../steer/appendix.js';
import { DEADLINE_CYCLES, DEADLINE_KINDS } from '../steer/types.js';

// Importing a plan's task appendix from xlsx (/api/steer/plans/{id}/imports, /api/steer/imports/{id}…):
// upload → preview (groups, tasks with their resolved units and deadlines, names to pick by hand, row errors)
// → confirm with the picks → the plan's groups and tasks are created in one transaction.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const IdNumber = z.number().int().positive().max(2_147_483_647);

export const STEER_IMPORT_STATUSES = ['parsing', 'ready', 'invalid', 'failed', 'confirmed'] as const;
export type SteerImportStatus = (typeof STEER_IMPORT_STATUSES)[number];

export const SteerImportParamsSchema = z.strictObject({ id: IdParam });
export const SteerImportTemplateQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ImportUnitSchema = z.object({ id: z.number(), name: z.string() });
export type ImportUnit = z.infer<typeof ImportUnitSchema>;

/** A unit name as the appendix wrote it, with the unit it resolved to (null: a person has to pick). */
export const ImportNameSchema = z.object({
  name: z.string(),
  /** The name's canonical key: picks are given per key. */
  key: z.string(),
  unit: ImportUnitSchema.nullable(),
});
export type ImportName = z.infer<typeof ImportNameSchema>;

export const ImportTaskSchema = z.object({
  row: z.number(),
  /** Roman numeral of its group, null before the first group. */
  groupCode: z.string().nullable(),
  /** Row of its parent task (a sub-task), else null. */
  parentRow: z.number().nullable(),
  depth: z.number(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  product: z.string().nullable(),
  deadline: z
    .object({
      written: z.string(),
      kind: z.enum(DEADLINE_KINDS),
      due: z.string().nullable(),
      cycle: z.enum(DEADLINE_CYCLES).nullable(),
    })
    .nullable(),
  lead: ImportNameSchema.nullable(),
  coordinators: z.array(ImportNameSchema),
  /** The row has an error: the import cannot be confirmed until the file is corrected. */
  hasError: z.boolean(),
});
export type ImportTask = z.infer<typeof ImportTaskSchema>;

export const UNRESOLVED_REASONS = ['unknown', 'ambiguous', 'collective'] as const;
export const UnresolvedNameSchema = z.object({
  key: z.string(),
  name: z.string(),
  reason: z.enum(UNRESOLVED_REASONS),
  rows: z.array(z.number()),
  /** Used as a lead unit somewhere: it must be given a unit (a coordinating-only name may be left out). */
  asLead: z.boolean(),
  candidates: z.array(ImportUnitSchema),
});
export type UnresolvedName = z.infer<typeof UnresolvedNameSchema>;

export const ImportRowErrorSchema = z.object({
  row: z.number(),
  column: z.enum(APPENDIX_COLUMNS).nullable(),
  code: z.string(),
  message: z.string(),
});

export const SteerImportViewSchema = z
  .object({
    id: z.number(),
    planId: z.number(),
    status: z.enum(STEER_IMPORT_STATUSES),
    fileName: z.string(),
    progress: z.object({ processedRows: z.number(), totalRows: z.number() }),
    fileErrors: z.array(z.object({ code: z.string(), message: z.string() })),
    groups: z.array(
      z.object({ row: z.number().nullable(), code: z.string().nullable(), title: z.string().nullable() }),
    ),
    tasks: z.array(ImportTaskSchema),
    taskCount: z.number(),
    unresolved: z.array(UnresolvedNameSchema),
    /** The plan's units, to pick from by hand (only while some name is unresolved). */
    units: z.array(ImportUnitSchema),
    errors: z.array(ImportRowErrorSchema),
    errorCount: z.number(),
    result: z.object({ groups: z.number(), tasks: z.number() }).nullable(),
    createdAt: z.string(),
    confirmedAt: z.string().nullable(),
  })
  .meta({ id: 'SteerImport' });
export type SteerImportView = z.infer<typeof SteerImportViewSchema>;

export const SteerImportConfirmSchema = z.strictObject({
  /** One pick per unresolved name: a unit, or null to leave a coordinating-only name out. */
  resolutions: z
    .array(z.strictObject({ key: z.string().min(1).max(500), unitId: IdNumber.nullable() }))
    .max(2000)
    .default([]),
});
export type SteerImportConfirm = z.input<typeof SteerImportConfirmSchema>;
