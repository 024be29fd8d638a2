import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  MEMBER_ROLES,
  ORGANISATIONS,
  SKILLS,
  TEAM_STATUSES,
} from '../community/community.js';

// Request and response shapes of the Community module: villages (units of kind 'village' below a commune),
// community digital technology teams, members, activities, targets and roll-ups (/api/community/…), and the
// public "find a team near you" read (/api/public/community/…). Dates 'YYYY-MM-DD' (Asia/Ho_Chi_Minh).

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
const Count = z.number().int().min(0).max(1_000_000);

export const CommunityIdParamsSchema = z.strictObject({ id: IdParam });
export const CommuneQuerySchema = z.strictObject({ communeId: IdParam });
export const SkillSchema = z.enum(SKILLS);
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export const TeamStatusSchema = z.enum(TEAM_STATUSES);
export const MemberRoleSchema = z.enum(MEMBER_ROLES);
export const OrganisationSchema = z.enum(ORGANISATIONS);

// --- villages
export const VillageSchema = z
  .object({
    id: z.number(),
    communeId: z.number(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    teamId: z.number().nullable(),
  })
  .meta({ id: 'CommunityVillage' });
export type Village = z.infer<typeof VillageSchema>;
export const VillageListSchema = z.object({
  communeId: z.number(),
  communeName: z.string(),
  items: z.array(VillageSchema),
});
export type VillageList = z.infer<typeof VillageListSchema>;

export const VillageCreateSchema = z.strictObject({
  communeId: IdNumber,
  code: Text(20).regex(/^[0-9A-Za-z._-]+$/),
  name: Text(200),
  type: z.enum(['thôn', 'tổ dân phố', 'bản', 'ấp', 'khu phố', 'làng', 'buôn']).default('thôn'),
});
export type VillageCreate = z.infer<typeof VillageCreateSchema>;

/** Villages that merge into one (a new village, or one of them absorbing the others) on a date. */
export const VillageMergeSchema = z.strictObject({
  communeId: IdNumber,
  fromIds: z.array(IdNumber).min(1).max(50),
  into: z.strictObject({
    code: Text(20).regex(/^[0-9A-Za-z._-]+$/),
    name: Text(200),
    type: z.enum(['thôn', 'tổ dân phố', 'bản', 'ấp', 'khu phố', 'làng', 'buôn']).default('thôn'),
  }),
  effectiveDate: IsoDate,
});
export type VillageMerge = z.infer<typeof VillageMergeSchema>;

export const RowErrorSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

export const ImportPreviewSchema = z
  .object({
    kind: z.enum(['villages', 'teams', 'members', 'activities']),
    rows: z.number(),
    valid: z.number(),
    errors: z.array(RowErrorSchema),
    /** The first rows as read, for the preview table. */
    sample: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    committed: z.boolean(),
    created: z.number(),
  })
  .meta({ id: 'CommunityImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export const ImportQuerySchema = z.strictObject({
  communeId: IdParam,
  kind: z.enum(['villages', 'teams', 'members', 'activities']),
  /** 'true' writes the rows when none has an error; otherwise only the preview. */
  commit: z.enum(['true', 'false']).default('false'),
});

// --- teams
export const TeamInputSchema = z.strictObject({
  /** The village or residential group (or the commune itself for a commune-level team). */
  unitId: IdNumber,
  name: Text(200),
  decisionNumber: OptionalText(60),
  decisionDate: IsoDate,
  decisionSigner: OptionalText(120),
  /** An uploaded file's public id (POST /api/files). */
  decisionFileId: OptionalText(64),
  status: TeamStatusSchema.default('active'),
});
export type TeamInput = z.infer<typeof TeamInputSchema>;

export const MemberViewSchema = z
  .object({
    id: z.number(),
    personId: z.number(),
    fullName: z.string(),
    /** Whole only for people of the team's commune; masked ('091****678') for everyone else. */
    phone: z.string().nullable(),
    phoneMasked: z.boolean(),
    role: MemberRoleSchema,
    organisation: OrganisationSchema,
    startDate: z.string(),
    endDate: z.string().nullable(),
    /** Other teams this person serves on. */
    otherTeams: z.number(),
  })
  .meta({ id: 'CommunityMember' });
export type MemberView = z.infer<typeof MemberViewSchema>;

export const TeamViewSchema = z
  .object({
    id: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    communeId: z.number(),
    communeName: z.string(),
    name: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string(),
    decisionSigner: z.string().nullable(),
    decisionFile: z.object({ id: z.string(), name: z.string() }).nullable(),
    status: TeamStatusSchema,
    memberCount: z.number(),
    activityCount: z.number(),
    lastActivityDate: z.string().nullable(),
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'CommunityTeam' });
export type TeamView = z.infer<typeof TeamViewSchema>;
export const TeamDetailSchema = TeamViewSchema.extend({ members: z.array(MemberViewSchema) }).meta({
  id: 'CommunityTeamDetail',
});
export type TeamDetail = z.infer<typeof TeamDetailSchema>;
export const TeamListSchema = z.object({ items: z.array(TeamViewSchema) });
export type TeamList = z.infer<typeof TeamListSchema>;
export const TeamListQuerySchema = z.strictObject({
  unitId: IdParam,
  status: TeamStatusSchema.optional(),
});

export const MemberInputSchema = z
  .strictObject({
    fullName: Text(120),
    /** Checked by the service (Vietnamese mobile or landline), so the error names the rule. */
    phone: OptionalText(30),
    role: MemberRoleSchema,
    organisation: OrganisationSchema,
    startDate: IsoDate,
    endDate: IsoDate.nullish().transform((v) => v ?? null),
  })
  .refine((m) => !m.endDate || m.endDate >= m.startDate, {
    path: ['endDate'],
    params: { code: 'invalid_date' },
  });
export type MemberInput = z.infer<typeof MemberInputSchema>;
export const MemberEndSchema = z.strictObject({ endDate: IsoDate });
export const TeamMemberParamsSchema = z.strictObject({ id: IdParam, memberId: IdParam });

// --- activities
export const ActivityInputSchema = z.strictObject({
  teamId: IdNumber,
  activityDate: IsoDate,
  place: Text(200),
  kind: ActivityKindSchema,
  skills: z.array(SkillSchema).min(1).max(SKILLS.length),
  /** Checked by the service (below zero is refused with its own message). */
  peopleReached: z.number().int().max(1_000_000),
  householdsReached: z.number().int().max(1_000_000).default(0),
  note: OptionalText(1000),
  photoFileIds: z.array(Text(64)).max(6).default([]),
  /** The phone's key for an entry queued offline: a second send returns the stored activity. */
  clientKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .nullish()
    .transform((v) => v ?? null),
});
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

export const ActivityViewSchema = z
  .object({
    id: z.number(),
    teamId: z.number(),
    teamName: z.string(),
    communeId: z.number(),
    activityDate: z.string(),
    place: z.string(),
    kind: ActivityKindSchema,
    skills: z.array(SkillSchema),
    peopleReached: z.number(),
    householdsReached: z.number(),
    note: z.string().nullable(),
    photos: z.array(z.object({ id: z.string(), name: z.string() })),
    createdAt: z.string(),
    /** True when this request found the activity already stored under its client key. */
    replayed: z.boolean(),
  })
  .meta({ id: 'CommunityActivity' });
export type ActivityView = z.infer<typeof ActivityViewSchema>;
export const ActivityListQuerySchema = z.strictObject({
  unitId: IdParam,
  teamId: IdParam.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const ActivityListSchema = z.object({ items: z.array(ActivityViewSchema), total: z.number() });
export type ActivityList = z.infer<typeof ActivityListSchema>;

// --- targets and roll-ups
export const TargetsPutSchema = z.strictObject({
  communeId: IdNumber,
  year: Year,
  teams: Count.nullable(),
  sessions: Count.nullable(),
  people: Count.nullable(),
  /** People to reach per skill. */
  perSkill: z
    .array(z.strictObject({ skill: SkillSchema, people: Count }))
    .max(SKILLS.length)
    .default([]),
});
export type TargetsPut = z.infer<typeof TargetsPutSchema>;
export const TargetsSchema = z
  .object({
    communeId: z.number(),
    year: z.number(),
    teams: z.number().nullable(),
    sessions: z.number().nullable(),
    people: z.number().nullable(),
    perSkill: z.array(z.object({ skill: SkillSchema, people: z.number() })),
  })
  .meta({ id: 'CommunityTargets' });
export type Targets = z.infer<typeof TargetsSchema>;
export const TargetsQuerySchema = z.strictObject({ communeId: IdParam, year: YearParam });

export const RollupQuerySchema = z.strictObject({
  unitId: IdParam,
  year: YearParam,
  /** Laggards are judged through this month (default: the current month of that year, or 12). */
  throughMonth: z.coerce.number().int().min(1).max(12).optional(),
  /**
   * The communes and laggards lists are paged (a country has 3,321 communes): `offset` into each list, at most
   * `limit` of each. The totals, months, skills and areas always cover the whole unit.
   */
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type RollupQuery = z.input<typeof RollupQuerySchema>;
const MonthRowSchema = z.object({
  month: z.number(),
  sessions: z.number(),
  people: z.number(),
  households: z.number(),
  cumSessions: z.number(),
  cumPeople: z.number(),
});
export const RollupSchema = z
  .object({
    unitId: z.number(),
    unitName: z.string(),
    year: z.number(),
    throughMonth: z.number(),
    totals: z.object({
      communes: z.number(),
      communesWithTeams: z.number(),
      villages: z.number(),
      teams: z.number(),
      members: z.number(),
      sessions: z.number(),
      people: z.number(),
      households: z.number(),
    }),
    months: z.array(MonthRowSchema),
    perSkill: z.array(z.object({ skill: SkillSchema, sessions: z.number(), people: z.number() })),
    communes: z.array(
      z.object({
        communeId: z.number(),
        communeName: z.string(),
        villages: z.number(),
        teams: z.number(),
        sessions: z.number(),
        people: z.number(),
        households: z.number(),
        months: z.array(z.object({ month: z.number(), sessions: z.number(), people: z.number() })),
        targets: z.object({
          teams: z.number().nullable(),
          sessions: z.number().nullable(),
          people: z.number().nullable(),
        }),
      }),
    ),
    laggards: z.array(
      z.object({
        communeId: z.number(),
        communeName: z.string(),
        reasons: z.array(z.enum(['teams', 'sessions', 'people', 'no_activity'])),
        sessions: z.number(),
        expectedSessions: z.number().nullable(),
        people: z.number(),
        expectedPeople: z.number().nullable(),
        teams: z.number(),
        targetTeams: z.number().nullable(),
        attainment: z.number(),
      }),
    ),
    /** Which slice of `communes` and `laggards` this answer holds, and how many there are in all. */
    page: z.object({
      offset: z.number(),
      limit: z.number(),
      communes: z.number(),
      laggards: z.number(),
    }),
    /**
     * The unit's direct sub-units that hold communes (provinces under the country, districts under a
     * province before the 2025 reform), each summed: empty when the communes are the unit's own children.
     */
    areas: z.array(
      z.object({
        unitId: z.number(),
        unitName: z.string(),
        communes: z.number(),
        communesWithTeams: z.number(),
        teams: z.number(),
        sessions: z.number(),
        people: z.number(),
        laggards: z.number(),
      }),
    ),
  })
  .meta({ id: 'CommunityRollup' });
export type Rollup = z.infer<typeof RollupSchema>;

// --- public
export const PublicTeamsQuerySchema = z.strictObject({ communeId: IdParam });
export const PublicCommunesSchema = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), teams: z.number() })),
});
export type PublicCommunes = z.infer<typeof PublicCommunesSchema>;
export const PublicTeamsSchema = z
  .object({
    communeId: z.number(),
    communeName: z.string(),
    asOf: z.string(),
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        villageName: z.string(),
        members: z.number(),
        /** The leader's name and a masked phone ('091****678'); never a whole number. */
        contactName: z.string().nullable(),
        contactPhone: z.string().nullable(),
        activitiesThisYear: z.number(),
      }),
    ),
  })
  .meta({ id: 'CommunityPublicTeams' });
export type PublicTeams = z.infer<typeof PublicTeamsSchema>;
