import { z } from 'zod';
import { STATUS_BUCKETS } from '../steer/types.js';

// Request and response shapes of the leader/secretariat DX dashboard (/api/dashboard…): the province's (or an
// area's) digital transformation at a glance, read from each module's own services (KPIs, Measure, Steer,
// Contest, Feedback, Community). Dates 'YYYY-MM-DD' (Asia/Ho_Chi_Minh); rates 0–1 unless a KPI says '%'.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);

export const DASHBOARD_UNIT_KINDS = ['all', 'department', 'commune'] as const;
export type DashboardUnitKind = (typeof DASHBOARD_UNIT_KINDS)[number];

export const DashboardQuerySchema = z.strictObject({
  /** The area (a parent unit); default: the caller's first unit with dashboard.read. */
  unitId: IdParam.optional(),
  /** Units the lists and counts keep: all, departments (sở, ngành) or communes (xã, phường, đặc khu). */
  unitKind: z.enum(DASHBOARD_UNIT_KINDS).default('all'),
  /** Figures as of this date (default today in Vietnam), between 2000 and 2100 like Steer's own "as of". */
  asOf: z.iso
    .date()
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', { params: { code: 'invalid_date' } })
    .optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

const Split = z.object(
  Object.fromEntries(STATUS_BUCKETS.map((b) => [b, z.number()])) as Record<
    (typeof STATUS_BUCKETS)[number],
    z.ZodNumber
  >,
);

export const DashboardKpiSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitOfMeasure: z.string(),
  valueType: z.enum(['count', 'ratio', 'percent']),
  /** The period the headline value is of ('2026-Q4', '2026-11'). */
  period: z.string().nullable(),
  /** The area's figure (its subtree's aggregate): a count, or a rate in percent 0–100. */
  value: z.number().nullable(),
  target: z.number().nullable(),
  attainment: z.number().nullable(),
  unitsReporting: z.number(),
  /** Oldest first: the last quarters' figures. */
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  /** A monthly KPI's last complete month ("what changed since last month": against `previous`). */
  lastMonth: z.object({ period: z.string(), value: z.number().nullable() }).nullable(),
  /** The month before `lastMonth` (monthly KPIs), else the quarter before the headline one. */
  previous: z.object({ period: z.string(), value: z.number().nullable() }).nullable(),
  /** Where the latest value came from (api, dhis2, import, manual, computed) and when it was entered. */
  source: z.string().nullable(),
  asOf: z.string().nullable(),
});
export type DashboardKpi = z.infer<typeof DashboardKpiSchema>;

const RankedRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  rank: z.number().nullable(),
  value: z.number().nullable(),
  band: z.string().nullable(),
  rankDelta: z.number().nullable(),
  valueDelta: z.number().nullable(),
});
export type DashboardRankedRow = z.infer<typeof RankedRow>;

export const DashboardMeasureSchema = z.object({
  ranking: z
    .object({
      periodId: z.number(),
      periodName: z.string(),
      computedAt: z.string(),
      previousPeriodId: z.number().nullable(),
      unitCount: z.number(),
      top: z.array(RankedRow),
      bottom: z.array(RankedRow),
      movers: z.array(RankedRow),
      bands: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
    })
    .nullable(),
  progress: z
    .object({
      periodId: z.number(),
      periodName: z.string(),
      dueOn: z.string(),
      unitCount: z.number(),
      counts: z.object({
        not_started: z.number(),
        draft: z.number(),
        submitted: z.number(),
        returned: z.number(),
        approved: z.number(),
      }),
      late: z.number(),
    })
    .nullable(),
});

export const DashboardSteerSchema = z.object({
  asOf: z.string(),
  total: z.number(),
  split: Split,
  /** The split at the end of last month ("what changed"); null when filtered by unit type. */
  splitBefore: Split.nullable(),
  previousAsOf: z.string(),
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  keyOverdue: z.array(
    z.object({
      taskId: z.number(),
      title: z.string(),
      leadUnitId: z.number(),
      leadUnitName: z.string(),
      due: z.string().nullable(),
      daysOverdue: z.number(),
    }),
  ),
  /** Tasks that moved between buckets since last month ('in_progress>overdue': 3). */
  changeCounts: z.record(z.string(), z.number()),
  withoutProduct: z.object({
    year: z.number(),
    units: z.number(),
    without: z.number(),
    items: z.array(z.object({ unitId: z.number(), unitName: z.string(), group: z.string() })),
  }),
});

export const DashboardContestSchema = z.object({
  contestId: z.number(),
  title: z.string(),
  status: z.string(),
  participants: z.number(),
  headcount: z.number().nullable(),
  rate: z.number().nullable(),
  byUnit: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      participants: z.number(),
      headcount: z.number().nullable(),
      rate: z.number().nullable(),
    }),
  ),
});

export const DashboardFeedbackSchema = z.object({
  period: z.string(),
  onTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  onTimeUnits: z.number(),
  satisfactionUnits: z.number(),
});

export const DashboardCommunitySchema = z.object({
  year: z.number(),
  throughMonth: z.number(),
  communes: z.number(),
  communesWithTeams: z.number(),
  coverage: z.number().nullable(),
  teams: z.number(),
  members: z.number(),
  sessions: z.number(),
  people: z.number(),
  laggards: z.array(
    z.object({ communeId: z.number(), communeName: z.string(), reasons: z.array(z.string()) }),
  ),
  months: z.array(z.object({ month: z.number(), sessions: z.number(), people: z.number() })),
});

export const DashboardSchema = z
  .object({
    scope: z.object({ unitId: z.number(), unitName: z.string(), unitKind: z.enum(DASHBOARD_UNIT_KINDS) }),
    asOf: z.string(),
    /** "What changed since last month" compares with this date (30 days before asOf). */
    compareTo: z.string(),
    kpis: z.array(DashboardKpiSchema),
    /** Null when the caller may not read that module on the area. */
    measure: DashboardMeasureSchema.nullable(),
    steer: DashboardSteerSchema.nullable(),
    contest: DashboardContestSchema.nullable(),
    feedback: DashboardFeedbackSchema.nullable(),
    community: DashboardCommunitySchema.nullable(),
  })
  .meta({ id: 'DxDashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The one-page briefing for the committee meeting (PDF or DOCX) takes the dashboard's query. */
export const BriefingQuerySchema = DashboardQuerySchema;
