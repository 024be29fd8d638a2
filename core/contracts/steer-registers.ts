import { z } from 'zod';
import {
  CAMPAIGN_STATUSES,
  HOSTINGS,
  NATIONAL_DATABASES,
  PRODUCT_KINDS,
  PRODUCT_STATUSES,
  PURPOSE_CATEGORIES,
  SYSTEM_SCOPES,
  SYSTEM_STATUSES,
  systemDateErrors,
} from '../steer/registers.js';

// Request and response shapes of Steer's registers: DX products (/api/steer/products…), information systems
// (/api/steer/systems…) and their review campaigns (/api/steer/system-reviews…). Dates are 'YYYY-MM-DD'
// (Asia/Ho_Chi_Minh), instants ISO UTC strings, money whole VND.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const Year = z.number().int().min(2015).max(2100);
const YearParam = z.coerce.number().int().min(2015).max(2100);
/** Whole VND, never negative; up to a thousand trillion (1e15), far above any provincial project. */
const Vnd = z.number().int().min(0).max(1_000_000_000_000_000).nullish();
const HttpLink = z
  .url({ protocol: /^https?$/ })
  .max(1000)
  .nullish()
  .transform((v) => v ?? null);

export const RegisterIdParamsSchema = z.strictObject({ id: IdParam });
export const UnitQuerySchema = z.strictObject({ unitId: IdParam });

// ------------------------------------------------------------------------------------------------ products

export const ProductInputSchema = z.strictObject({
  unitId: IdNumber.describe('The declaring unit (steer.report there)'),
  year: Year,
  name: Text(300),
  description: Text(4000),
  kind: z.enum(PRODUCT_KINDS),
  link: HttpLink,
  /** Public ids of uploaded files (POST /api/files) kept as evidence. */
  fileIds: z.array(z.string().min(10).max(64)).max(10).default([]),
  /** Steer tasks the product answers. */
  taskIds: z.array(IdNumber).max(20).default([]),
});
export type ProductInput = z.infer<typeof ProductInputSchema>;

export const ProductPatchSchema = ProductInputSchema.omit({ unitId: true });
export type ProductPatch = z.infer<typeof ProductPatchSchema>;

export const ProductDecisionSchema = z
  .strictObject({
    decision: z.enum(['accept', 'return']),
    reason: OptionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], params: { code: 'steer.product_reason_required' } });
    }
  });
export type ProductDecision = z.infer<typeof ProductDecisionSchema>;

export const ProductViewSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  year: z.number(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  link: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  returnReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  tasks: z.array(z.object({ id: z.number(), title: z.string().nullable() })),
  /** What the caller may do with it now. */
  can: z.object({ edit: z.boolean(), decide: z.boolean() }),
});
export type ProductView = z.infer<typeof ProductViewSchema>;

export const ProductListQuerySchema = z.strictObject({
  unitId: IdParam.describe('Products of this unit and the units below it'),
  year: YearParam.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuerySchema>;

export const ProductListSchema = z.object({ items: z.array(ProductViewSchema) });

export const UNIT_GROUPS = ['department', 'commune'] as const;

export const WithoutProductQuerySchema = z.strictObject({
  unitId: IdParam.describe('Units below this one (usually the province)'),
  year: YearParam,
  group: z.enum(UNIT_GROUPS).optional(),
});

const GroupTotals = z.object({ units: z.number(), withProduct: z.number(), without: z.number() });

export const WithoutProductSchema = z.object({
  year: z.number(),
  totals: z.object({ department: GroupTotals, commune: GroupTotals }),
  items: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      group: z.enum(UNIT_GROUPS),
      submitted: z.number(),
      returned: z.number(),
    }),
  ),
});
export type WithoutProduct = z.infer<typeof WithoutProductSchema>;

// ------------------------------------------------------------------------------------------------- systems

const SystemFields = {
  name: Text(300),
  purpose: Text(2000),
  purposeCategory: z.enum(PURPOSE_CATEGORIES),
  scope: z.enum(SYSTEM_SCOPES),
  users: Text(1000).describe('Who uses it (e.g. "Cán bộ, công chức các sở, ngành; người dân")'),
  status: z.enum(SYSTEM_STATUSES),
  investmentVnd: Vnd,
  yearlyBudgetVnd: Vnd,
  startDate: IsoDate.nullish(),
  goLiveDate: IsoDate.nullish(),
  retirementDate: IsoDate.nullish(),
  hosting: z.enum(HOSTINGS),
  lgspIntegrated: z.boolean(),
  nationalDbs: z.array(z.enum(NATIONAL_DATABASES)).max(NATIONAL_DATABASES.length).default([]),
  dataShared: OptionalText(2000),
  dataConsumed: OptionalText(2000),
  securityLevel: z.number().int().min(1).max(5).nullish().describe('Cấp độ 1–5 (Decree 85/2016/NĐ-CP)'),
  securityPlanApproved: z.boolean(),
  securityDecisionNumber: OptionalText(100),
  securityDecisionDate: IsoDate.nullish(),
  lastReviewDate: IsoDate.nullish(),
  reviewFindings: OptionalText(4000),
};

type SystemShape = {
  startDate?: string | null;
  goLiveDate?: string | null;
  retirementDate?: string | null;
  securityLevel?: number | null;
  securityPlanApproved: boolean;
  securityDecisionNumber?: string | null;
  securityDecisionDate?: string | null;
  nationalDbs: readonly string[];
  status: string;
};

/** Rules across fields: dates in order, an approved plan names its level and decision, no duplicates. */
function checkSystem(v: SystemShape, ctx: z.RefinementCtx) {
  const issue = (field: string, code: string) =>
    ctx.addIssue({ code: 'custom', path: [field], params: { code } });
  for (const e of systemDateErrors({
    startDate: v.startDate ?? null,
    goLiveDate: v.goLiveDate ?? null,
    retirementDate: v.retirementDate ?? null,
  })) {
    issue(e.field, e.code);
  }
  if (v.securityPlanApproved) {
    if (!v.securityLevel) issue('securityLevel', 'steer.system_level_required');
    if (!v.securityDecisionNumber) issue('securityDecisionNumber', 'steer.system_decision_required');
    if (!v.securityDecisionDate) issue('securityDecisionDate', 'steer.system_decision_required');
  }
  if (new Set(v.nationalDbs).size !== v.nationalDbs.length) issue('nationalDbs', 'steer.system_duplicate_db');
  if (v.status === 'operating' && !v.goLiveDate) issue('goLiveDate', 'steer.system_golive_required');
}

export const SystemInputSchema = z
  .strictObject({ unitId: IdNumber.describe('The owner unit (steer.report there)'), ...SystemFields })
  .superRefine(checkSystem);
export type SystemInput = z.infer<typeof SystemInputSchema>;

/** A whole system as edited (the owner unit stays). */
export const SystemUpdateSchema = z.strictObject(SystemFields).superRefine(checkSystem);
export type SystemUpdate = z.infer<typeof SystemUpdateSchema>;

export const SystemViewSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string(),
  purpose: z.string(),
  purposeCategory: z.enum(PURPOSE_CATEGORIES),
  scope: z.enum(SYSTEM_SCOPES),
  users: z.string(),
  status: z.enum(SYSTEM_STATUSES),
  investmentVnd: z.number().nullable(),
  yearlyBudgetVnd: z.number().nullable(),
  startDate: z.string().nullable(),
  goLiveDate: z.string().nullable(),
  retirementDate: z.string().nullable(),
  hosting: z.enum(HOSTINGS),
  lgspIntegrated: z.boolean(),
  nationalDbs: z.array(z.enum(NATIONAL_DATABASES)),
  dataShared: z.string().nullable(),
  dataConsumed: z.string().nullable(),
  securityLevel: z.number().nullable(),
  securityPlanApproved: z.boolean(),
  securityDecisionNumber: z.string().nullable(),
  securityDecisionDate: z.string().nullable(),
  lastReviewDate: z.string().nullable(),
  reviewFindings: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type SystemView = z.infer<typeof SystemViewSchema>;

const YesNo = z.enum(['yes', 'no']);
export const SystemListQuerySchema = z.strictObject({
  unitId: IdParam.describe('Systems owned by this unit and the units below it'),
  status: z.enum(SYSTEM_STATUSES).optional(),
  purposeCategory: z.enum(PURPOSE_CATEGORIES).optional(),
  hosting: z.enum(HOSTINGS).optional(),
  integrated: YesNo.optional(),
  securityApproved: YesNo.optional(),
  q: z.string().trim().max(100).optional(),
});
export type SystemListQuery = z.infer<typeof SystemListQuerySchema>;

export const SystemListSchema = z.object({ items: z.array(SystemViewSchema) });

const SystemRef = z.object({
  id: z.number(),
  name: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(SYSTEM_STATUSES),
});

export const SystemProblemsSchema = z.object({
  /** In operation and not connected to the provincial data-sharing platform (LGSP). */
  notIntegrated: z.array(SystemRef),
  /** In operation without a security level or without an approved security plan. */
  withoutSecurity: z.array(SystemRef.extend({ securityLevel: z.number().nullable() })),
  /** Two or more live systems for the same job in one scope. */
  overlaps: z.array(
    z.object({
      purposeCategory: z.enum(PURPOSE_CATEGORIES),
      /** Province-wide, or the systems of one unit. */
      scope: z.enum(SYSTEM_SCOPES),
      systems: z.array(SystemRef),
    }),
  ),
  /** Integrated and approved-security shares per owner unit (the values written as KPIs). */
  shares: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      operating: z.number(),
      integrated: z.number(),
      securityApproved: z.number(),
      integratedShare: z.number().nullable(),
      securityShare: z.number().nullable(),
    }),
  ),
});
export type SystemProblems = z.infer<typeof SystemProblemsSchema>;

// --------------------------------------------------------------------------------------- review campaigns

export const CampaignInputSchema = z.strictObject({
  name: Text(300),
  rootUnitId: IdNumber.describe('Owner units below this one are asked (steer.manage there)'),
  dueDate: IsoDate,
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const ConfirmInputSchema = z.strictObject({
  note: OptionalText(2000),
  /** The system as it is now, when the owner corrects it while confirming (saved in the same step). */
  system: SystemUpdateSchema.optional(),
});
export type ConfirmInput = z.infer<typeof ConfirmInputSchema>;

const Progress = z.object({
  total: z.number(),
  confirmed: z.number(),
  unconfirmed: z.number(),
  overdue: z.boolean(),
});

export const CampaignViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  dueDate: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Over the systems of the asked unit's subtree only. */
  progress: Progress,
});
export type CampaignView = z.infer<typeof CampaignViewSchema>;

export const CampaignListSchema = z.object({ items: z.array(CampaignViewSchema) });

export const CampaignDetailSchema = CampaignViewSchema.extend({
  can: z.object({ close: z.boolean(), remind: z.boolean() }),
  units: z.array(
    Progress.extend({
      unitId: z.number(),
      unitName: z.string(),
    }),
  ),
  items: z.array(
    z.object({
      id: z.number(),
      systemId: z.number(),
      systemName: z.string(),
      unitId: z.number(),
      unitName: z.string(),
      confirmedAt: z.string().nullable(),
      changed: z.boolean(),
      note: z.string().nullable(),
      canConfirm: z.boolean(),
    }),
  ),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

export const CampaignItemParamsSchema = z.strictObject({ id: IdParam, itemId: IdParam });

export const RemindResultSchema = z.object({
  /** Units reminded now (each once per campaign and day). */
  unitsReminded: z.number(),
  unconfirmed: z.number(),
});
