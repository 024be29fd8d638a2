import { z } from 'zod';
import { NEWS_KINDS, NEWS_PILLARS, NEWS_STATUSES, SLUG_MAX, SLUG_PATTERN } from '../news/news.js';

// Request and response shapes of the News module: the staff's items with their approval workflow
// (/api/news/…) and the portal's published reads (/api/public/news…). Instants are UTC ISO strings.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const Text = (max: number) => z.string().trim().min(1).max(max);
const Instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

export const NewsKindSchema = z.enum(NEWS_KINDS);
export const NewsPillarSchema = z.enum(NEWS_PILLARS);
export const NewsStatusSchema = z.enum(NEWS_STATUSES);
export const SlugSchema = z.string().max(SLUG_MAX).regex(SLUG_PATTERN);

export const NewsIdParamsSchema = z.strictObject({ id: IdParam });
export const NewsSlugParamsSchema = z.strictObject({ slug: SlugSchema });

const UniquePillars = z
  .array(NewsPillarSchema)
  .max(NEWS_PILLARS.length)
  .refine((a) => new Set(a).size === a.length, 'duplicate');
const UniqueUnits = z
  .array(IdNumber)
  .max(20)
  .refine((a) => new Set(a).size === a.length, 'duplicate');

const NewsFields = {
  kind: NewsKindSchema,
  title: Text(200),
  /** Left out: made from the title. */
  slug: SlugSchema.nullish().transform((v) => v ?? null),
  summary: Text(400),
  body: Text(20_000),
  pillars: UniquePillars.default([]),
  /** Units the item is about (shown on their pages and filterable on the portal). */
  unitIds: UniqueUnits.default([]),
};

export const NewsCreateSchema = z.strictObject({ unitId: IdNumber, ...NewsFields });
export type NewsCreate = z.infer<typeof NewsCreateSchema>;

/** `revision` is the one the editor loaded: a save over someone else's newer save is a 409, never a loss. */
export const NewsUpdateSchema = z.strictObject({ ...NewsFields, revision: z.number().int().min(1).max(1e9) });
export type NewsUpdate = z.infer<typeof NewsUpdateSchema>;

export const NewsSubmitSchema = z.strictObject({
  /** A future instant publishes the item then (after approval); null or absent: at approval. */
  publishAt: Instant.nullish().transform((v) => v ?? null),
});
export type NewsSubmit = z.infer<typeof NewsSubmitSchema>;
export const NewsReturnSchema = z.strictObject({ note: Text(1000) });
export const NewsWithdrawSchema = z.strictObject({ reason: Text(1000) });

export const NewsListQuerySchema = z.strictObject({
  unitId: IdParam,
  status: NewsStatusSchema.optional(),
  kind: NewsKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NewsListQuery = z.infer<typeof NewsListQuerySchema>;

const UnitRef = z.object({ id: z.number(), name: z.string() });

export const NewsItemSchema = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: NewsKindSchema,
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  body: z.string(),
  pillars: z.array(NewsPillarSchema),
  units: z.array(UnitRef),
  hasCover: z.boolean(),
  status: NewsStatusSchema,
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  authorName: z.string(),
  approverName: z.string().nullable(),
  returnNote: z.string().nullable(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do now (the author never approves their own item). */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    withdraw: z.boolean(),
  }),
});
export type NewsItem = z.infer<typeof NewsItemSchema>;

export const NewsListSchema = z.object({
  items: z.array(NewsItemSchema.omit({ body: true })),
  total: z.number(),
});
export type NewsList = z.infer<typeof NewsListSchema>;

// --- public
export const PublicNewsQuerySchema = z.strictObject({
  kind: NewsKindSchema.optional(),
  pillar: NewsPillarSchema.optional(),
  unitId: IdParam.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicNewsQuery = z.infer<typeof PublicNewsQuerySchema>;

export const PublicNewsCardSchema = z.object({
  slug: z.string(),
  kind: NewsKindSchema,
  title: z.string(),
  summary: z.string(),
  pillars: z.array(NewsPillarSchema),
  publishedAt: z.string(),
  /** Same-origin path of the resized cover picture, or null. */
  coverUrl: z.string().nullable(),
  /** The publishing unit's name. */
  publisher: z.string(),
  units: z.array(UnitRef),
});
export type PublicNewsCard = z.infer<typeof PublicNewsCardSchema>;

export const PublicNewsListSchema = z.object({
  items: z.array(PublicNewsCardSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type PublicNewsList = z.infer<typeof PublicNewsListSchema>;

export const PublicNewsArticleSchema = PublicNewsCardSchema.extend({ body: z.string() });
export type PublicNewsArticle = z.infer<typeof PublicNewsArticleSchema>;
