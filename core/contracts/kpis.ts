import { z } from 'zod';
import { PERIODICITIES } from '../measure/kpi-periods.js';
import { KPI_TIME_AGGREGATIONS, KPI_VALUE_TYPES } from '../measure/kpi-values.js';
import { UNIT_KINDS } from '../units/kind.js';

// Request and response shapes of the operational KPI API (definitions, values, targets, ingestion).

// 'computed': derived by DXBoard from its own data (Steer's registers), never typed in.
export const KPI_SOURCES = ['api', 'dhis2', 'xlsx', 'manual', 'computed'] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];
export const KPI_BATCH_MAX = 5_000;

const IdNumber = z.number().int().positive().max(2_147_483_647);
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const Raw = z.number().finite().nullable().optional();
const text = (max: number) => z.string().trim().min(1).max(max);

export const KpiCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Z][A-Z0-9_]*$/, 'UPPER_SNAKE code');
export const PeriodCodeSchema = z.string().trim().min(4).max(10);

export const KpiDefinitionSchema = z
  .object({
    id: z.number(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    description: z.string().nullable(),
    unitOfMeasure: z.string(),
    valueType: z.enum(KPI_VALUE_TYPES),
    periodicity: z.enum(PERIODICITIES),
    timeAggregation: z.enum(KPI_TIME_AGGREGATIONS),
    appliesToKinds: z.array(z.enum(UNIT_KINDS)),
    higherIsBetter: z.boolean(),
    dhis2DataElement: z.string().nullable(),
    isBuiltin: z.boolean(),
  })
  .meta({ id: 'KpiDefinition' });
export type KpiDefinition = z.infer<typeof KpiDefinitionSchema>;

export const KpiDefinitionInputSchema = z.strictObject({
  code: KpiCodeSchema,
  nameVi: text(200),
  nameEn: text(200),
  description: z.string().trim().max(2000).nullable().optional(),
  unitOfMeasure: text(40),
  valueType: z.enum(KPI_VALUE_TYPES),
  periodicity: z.enum(PERIODICITIES),
  timeAggregation: z.enum(KPI_TIME_AGGREGATIONS),
  appliesToKinds: z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length).default([]),
  higherIsBetter: z.boolean().default(true),
  dhis2DataElement: z.string().trim().min(1).max(60).nullable().optional(),
});
export type KpiDefinitionInput = z.infer<typeof KpiDefinitionInputSchema>;
export const KpiDefinitionPatchSchema = KpiDefinitionInputSchema.omit({
  code: true,
  valueType: true,
}).partial();
export type KpiDefinitionPatch = z.infer<typeof KpiDefinitionPatchSchema>;

// --- values in
export const KpiValueInputSchema = z.strictObject({
  kpiCode: z.string().trim().min(1).max(60),
  unitId: IdNumber.optional(),
  unitCode: z.string().trim().min(1).max(40).optional(),
  period: PeriodCodeSchema,
  value: Raw,
  numerator: Raw,
  denominator: Raw,
  note: z.string().trim().max(1000).nullable().optional(),
});
export type KpiValueInput = z.infer<typeof KpiValueInputSchema>;

export const KpiValuesBatchSchema = z.strictObject({
  values: z.array(KpiValueInputSchema).min(1).max(KPI_BATCH_MAX),
});

export const KpiBatchResultSchema = z.object({
  batchId: z.string(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
export type KpiBatchResult = z.infer<typeof KpiBatchResultSchema>;

// --- DHIS2 dataValueSets (JSON)
const Dhis2Text = z.string().trim().min(1).max(100);
export const Dhis2DataValueSchema = z.object({
  dataElement: Dhis2Text,
  period: Dhis2Text.optional(),
  orgUnit: Dhis2Text.optional(),
  value: z.union([z.string().max(50), z.number(), z.null()]).optional(),
  categoryOptionCombo: z.string().max(100).optional(),
  attributeOptionCombo: z.string().max(100).optional(),
  comment: z.string().max(1000).nullable().optional(),
  storedBy: z.string().max(200).optional(),
  created: z.string().max(40).optional(),
  lastUpdated: z.string().max(40).optional(),
  followup: z.boolean().optional(),
});
export type Dhis2DataValue = z.infer<typeof Dhis2DataValueSchema>;
export const Dhis2DataValueSetSchema = z.object({
  dataSet: z.string().max(100).optional(),
  period: Dhis2Text.optional(),
  orgUnit: Dhis2Text.optional(),
  completeDate: z.string().max(40).optional(),
  attributeOptionCombo: z.string().max(100).optional(),
  dataValues: z.array(Dhis2DataValueSchema).max(KPI_BATCH_MAX * 2),
});
export type Dhis2DataValueSet = z.infer<typeof Dhis2DataValueSetSchema>;

export const Dhis2ImportSummarySchema = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  importCount: z.object({
    imported: z.number(),
    updated: z.number(),
    ignored: z.number(),
    deleted: z.number(),
  }),
  conflicts: z.array(z.object({ object: z.string(), value: z.string() })),
});
export type Dhis2ImportSummary = z.infer<typeof Dhis2ImportSummarySchema>;

// --- values out
export const KpiValueViewSchema = z
  .object({
    kpiCode: z.string(),
    unitId: z.number(),
    period: z.string(),
    periodStart: z.string(),
    value: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    derived: z.number().nullable(),
    source: z.enum(KPI_SOURCES),
    note: z.string().nullable(),
    isDemo: z.boolean(),
    enteredBy: z.string(),
    enteredAt: z.string(),
  })
  .meta({ id: 'KpiValue' });
export type KpiValueView = z.infer<typeof KpiValueViewSchema>;

export const KpiValuesQuerySchema = z.strictObject({
  unitId: Id,
  from: PeriodCodeSchema.optional(),
  to: PeriodCodeSchema.optional(),
});

export const KpiHistoryEntrySchema = z.object({
  action: z.enum(['create', 'update']),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  source: z.enum(KPI_SOURCES),
  note: z.string().nullable(),
  actorLabel: z.string(),
  at: z.string(),
  batchId: z.string(),
});
export const KpiHistoryQuerySchema = z.strictObject({ unitId: Id, period: PeriodCodeSchema });

export const KpiSummaryQuerySchema = z.strictObject({ unitId: Id, period: PeriodCodeSchema });
export const KpiSummaryItemSchema = z.object({
  kpi: KpiDefinitionSchema,
  value: z.number().nullable(),
  subtreeValue: z.number().nullable(),
  subtreeUnitsReporting: z.number(),
  target: z.number().nullable(),
  attainment: z.number().nullable(),
  subtreeAttainment: z.number().nullable(),
});
export const KpiSummarySchema = z.object({
  unitId: z.number(),
  period: z.string(),
  items: z.array(KpiSummaryItemSchema),
});
export type KpiSummary = z.infer<typeof KpiSummarySchema>;

// --- targets
export const KpiTargetInputSchema = z.strictObject({
  unitId: IdNumber,
  year: z.number().int().min(2000).max(2100),
  target: z.number().finite().min(0).max(1e12),
  /** True: the target applies to every unit in the subtree that has no target of its own (province-wide). */
  appliesToSubtree: z.boolean().default(false),
});
export type KpiTargetInput = z.infer<typeof KpiTargetInputSchema>;
export const KpiTargetViewSchema = z.object({
  kpiCode: z.string(),
  unitId: z.number(),
  year: z.number(),
  target: z.number(),
  appliesToSubtree: z.boolean(),
});

// --- xlsx imports
export const KPI_IMPORT_COLUMNS = [
  'kpi_code',
  'unit_code',
  'period',
  'value',
  'numerator',
  'denominator',
  'note',
] as const;
export const KPI_IMPORT_STATUSES = ['parsing', 'ready', 'invalid', 'failed', 'committed'] as const;

export const RowErrorSchema = z.object({
  row: z.number(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type RowError = z.infer<typeof RowErrorSchema>;

export const KpiImportViewSchema = z
  .object({
    id: z.number(),
    status: z.enum(KPI_IMPORT_STATUSES),
    fileName: z.string(),
    progress: z.object({ processedRows: z.number(), totalRows: z.number() }),
    fileErrors: z.array(z.object({ code: z.string(), message: z.string() })),
    errors: z.array(RowErrorSchema),
    errorCount: z.number(),
    preview: z.array(
      z.object({
        row: z.number(),
        kpiCode: z.string(),
        unitCode: z.string(),
        unitId: z.number(),
        period: z.string(),
        value: z.number().nullable(),
        numerator: z.number().nullable(),
        denominator: z.number().nullable(),
        note: z.string().nullable(),
      }),
    ),
    result: KpiBatchResultSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'KpiImport' });
export type KpiImportView = z.infer<typeof KpiImportViewSchema>;
export const KpiImportIdParamsSchema = z.strictObject({ id: Id });
export const KpiCodeParamsSchema = z.strictObject({ code: z.string().trim().min(1).max(60) });
