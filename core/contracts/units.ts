import { z } from 'zod';
import { UNIT_KINDS } from '../units/kind.js';

// Request and response shapes of the units API (structures, units over time, lineage, headcounts).
// The server validates with these; the web app builds against the inferred types.

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IdNumber = z.number().int().positive().max(2_147_483_647);
export const CalendarDateSchema = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const UnitKindSchema = z.enum(UNIT_KINDS);
export const LineageKindSchema = z.enum(['full', 'partial']);
export const ShareBasisSchema = z.enum(['population', 'area']);
export const HeadcountMetricSchema = z.enum(['officials', 'population']);
export const LineageRelationSchema = z.enum(['self', 'predecessor', 'successor']);
/** What the signed-in actor may do on a unit; the UI shows buttons from this list, never guesses. */
export const UNIT_ACTIONS = ['view', 'edit', 'addChild', 'editHeadcounts', 'editLineage'] as const;
export const UnitActionSchema = z.enum(UNIT_ACTIONS);
export type UnitAction = z.infer<typeof UnitActionSchema>;

// --- structures
export const StructureSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    description: z.string().nullable(),
    unitCount: z.number(),
  })
  .meta({ id: 'Structure' });
export type Structure = z.infer<typeof StructureSchema>;
export const StructureListSchema = z.object({ items: z.array(StructureSchema) });

// --- units
export const UnitSummarySchema = z
  .object({
    id: z.number(),
    structureId: z.number(),
    structureName: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    kind: UnitKindSchema,
    level: z.number(),
    parentId: z.number().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    childCount: z.number(),
  })
  .meta({ id: 'UnitSummary' });
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UnitListQuerySchema = z.strictObject({
  structureId: Id.optional(),
  asOf: CalendarDateSchema.optional(),
  parentId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  kind: UnitKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type UnitListQuery = z.infer<typeof UnitListQuerySchema>;
export const UnitListSchema = z.object({ items: z.array(UnitSummarySchema), total: z.number() });
export type UnitList = z.infer<typeof UnitListSchema>;

export const HeadcountSchema = z
  .object({
    metric: HeadcountMetricSchema,
    asOf: z.string(),
    value: z.number(),
    /** 'demo' (seeded, not official), 'manual' (entered in the app), 'import', or null. */
    source: z.string().nullable(),
  })
  .meta({ id: 'Headcount' });
export type Headcount = z.infer<typeof HeadcountSchema>;

export const UnitDetailSchema = UnitSummarySchema.extend({
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), type: z.string() })),
  headcounts: z.array(HeadcountSchema),
  predecessorCount: z.number(),
  successorCount: z.number(),
  allowedActions: z.array(UnitActionSchema),
}).meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

export const UnitIdParamsSchema = z.strictObject({ id: Id });

export const UnitCreateSchema = z
  .strictObject({
    /** Optional; when given it must be the parent's structure. */
    structureId: IdNumber.optional(),
    // Every unit created or moved in the app sits under a parent in the actor's scope; top-level units
    // (provinces, ministries) come from `dxboard import-units`, so nobody creates what they cannot see.
    parentId: IdNumber,
    code: Text(20).regex(/^[0-9A-Za-z._-]+$/),
    name: Text(200),
    type: Text(60),
    kind: UnitKindSchema,
    validFrom: CalendarDateSchema.optional(),
    validTo: CalendarDateSchema.nullable().optional(),
  })
  .refine((b) => !b.validTo || !b.validFrom || b.validTo >= b.validFrom, {
    path: ['validTo'],
    params: { code: 'invalid_date' },
  });
export type UnitCreate = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z
  .strictObject({
    code: Text(20)
      .regex(/^[0-9A-Za-z._-]+$/)
      .optional(),
    name: Text(200).optional(),
    type: Text(60).optional(),
    kind: UnitKindSchema.optional(),
    parentId: IdNumber.optional(),
    validFrom: CalendarDateSchema.optional(),
    validTo: CalendarDateSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { params: { code: 'required' } });
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

export const HeadcountsPutSchema = z.strictObject({
  headcounts: z
    .array(
      z.strictObject({
        metric: HeadcountMetricSchema,
        asOf: CalendarDateSchema,
        value: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .max(500),
});
export type HeadcountsPut = z.infer<typeof HeadcountsPutSchema>;
export const HeadcountListSchema = z.object({ headcounts: z.array(HeadcountSchema) });

// --- lineage
export const LineageQuerySchema = z.strictObject({
  depth: z.coerce.number().int().min(1).max(10).default(5),
});

export const LineageEdgeSchema = z
  .object({
    id: z.number(),
    fromUnitId: z.number(),
    toUnitId: z.number(),
    kind: LineageKindSchema,
    share: z.number().nullable(),
    shareBasis: ShareBasisSchema.nullable(),
    effectiveDate: z.string(),
  })
  .meta({ id: 'LineageEdge' });
export type LineageEdge = z.infer<typeof LineageEdgeSchema>;

export const LineageNodeSchema = UnitSummarySchema.extend({ relation: LineageRelationSchema });
export type LineageNode = z.infer<typeof LineageNodeSchema>;
export const LineageGraphSchema = z.object({
  nodes: z.array(LineageNodeSchema),
  edges: z.array(LineageEdgeSchema),
});
export type LineageGraph = z.infer<typeof LineageGraphSchema>;

export const LineageCreateSchema = z
  .strictObject({
    fromUnitId: IdNumber,
    toUnitId: IdNumber,
    kind: LineageKindSchema,
    share: z.number().gt(0).max(1).nullable().optional(),
    shareBasis: ShareBasisSchema.nullable().optional(),
    effectiveDate: CalendarDateSchema,
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((b) => b.fromUnitId !== b.toUnitId, { path: ['toUnitId'], params: { code: 'invalid_value' } })
  .refine((b) => (b.share == null) === (b.shareBasis == null), {
    path: ['shareBasis'],
    params: { code: 'required' },
  });
export type LineageCreate = z.infer<typeof LineageCreateSchema>;
export const LineageIdParamsSchema = z.strictObject({ id: Id });
