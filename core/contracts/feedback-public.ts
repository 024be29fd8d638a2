import { z } from 'zod';
import { FEEDBACK_STATUSES } from '../feedback/lifecycle.js';

// Citizen-side shapes of the Feedback module (/api/public/feedback/…): no account; a contact verified by a
// one-time code, a proof-of-work challenge, following a report by its code, rating it, subscribing by email,
// the public list and per-unit statistics. Personal data never leaves in these shapes unmasked.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const Text = (max: number) => z.string().trim().min(1).max(max);

export const PHONE_PATTERN = /^(?:\+84|0)\d{9}$/;
const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[ .-]/g, ''))
  .pipe(z.string().regex(PHONE_PATTERN, 'feedback.phone_invalid'));
const Email = z.string().trim().toLowerCase().pipe(z.email('feedback.email_invalid').max(254));

export const ContactSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('phone'), value: Phone }),
  z.strictObject({ kind: z.literal('email'), value: Email }),
]);
export type Contact = z.infer<typeof ContactSchema>;

export const ChallengeSchema = z.object({
  challenge: z.string(),
  difficulty: z.number(),
  expiresAt: z.string(),
});
export const PowSolutionSchema = z.strictObject({
  challenge: z.string().min(10).max(100),
  nonce: z.string().min(1).max(40),
});

export const OtpRequestSchema = z.strictObject({
  contact: ContactSchema,
  purpose: z.enum(['submit', 'subscribe']),
  pow: PowSolutionSchema,
});
export const OtpIssuedSchema = z.object({ otpId: z.string(), expiresAt: z.string(), sentTo: z.string() });
export const OtpProofSchema = z.strictObject({
  otpId: z.string().min(10).max(64),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'feedback.otp_format'),
});

export const PublicCategorySchema = z.object({
  id: z.number(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  photoRequired: z.boolean(),
  deadlineAmount: z.number(),
  deadlineKind: z.string(),
});
export const PublicCategoryListSchema = z.object({ items: z.array(PublicCategorySchema) });

export const PublicPhotoSchema = z.object({ id: z.string() });

export const SubmitReportSchema = z.strictObject({
  categoryId: IdNumber,
  title: Text(200),
  description: Text(4000),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  areaUnitId: IdNumber.nullish(),
  address: z.string().trim().max(500).nullish(),
  reporterName: z.string().trim().max(120).nullish(),
  showName: z.boolean().default(false),
  contact: ContactSchema,
  /** Not needed when the citizen is signed in by single sign-on and `contact` is the email or phone it vouched for. */
  otp: OtpProofSchema.optional(),
  /** Ids returned by POST /api/public/feedback/photos. */
  photoIds: z.array(z.string().min(1).max(64)).max(5).default([]),
  subscribe: z.boolean().default(false),
});
export type SubmitReport = z.infer<typeof SubmitReportSchema>;

export const SubmittedSchema = z.object({ code: z.string(), status: z.enum(FEEDBACK_STATUSES) });

export const CodeParamsSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^PA-\d{4}-[0-9A-Z]{8}$/, 'feedback.code_format'),
});
export const CodePhotoParamsSchema = z.strictObject({
  code: CodeParamsSchema.shape.code,
  fileId: z.string().min(1).max(64),
});

export const PublicEventSchema = z.object({
  kind: z.string(),
  status: z.enum(FEEDBACK_STATUSES).nullable(),
  unitName: z.string().nullable(),
  text: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const PublicReportSchema = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  categoryName: z.string(),
  handlingUnit: z.string().nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  reporter: z.string().nullable(),
  deadline: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  satisfaction: z.enum(['satisfied', 'unsatisfied']).nullable(),
  canRate: z.boolean(),
  /** The code of the report this one duplicates (merged), to follow instead. */
  duplicateOf: z.string().nullable(),
  photos: z.array(z.object({ id: z.string() })),
  timeline: z.array(PublicEventSchema),
  createdAt: z.string(),
});
export type PublicReport = z.infer<typeof PublicReportSchema>;

export const RateSchema = z
  .strictObject({
    satisfied: z.boolean(),
    reason: z.string().trim().max(2000).optional(),
    /** The contact the report was sent with proves it is the reporter. */
    contact: z.string().trim().min(3).max(254),
  })
  .refine((v) => v.satisfied || (v.reason && v.reason.length >= 5), {
    path: ['reason'],
    params: { code: 'feedback.rate_reason_required' },
  });

export const SubscribeSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  otp: OtpProofSchema,
});

export const PublicListQuerySchema = z.strictObject({
  categoryId: IdParam.optional(),
  areaUnitId: IdParam.optional(),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export const PublicListItemSchema = z.object({
  code: z.string(),
  title: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  categoryName: z.string(),
  areaName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  createdAt: z.string(),
});
export const PublicListSchema = z.object({ items: z.array(PublicListItemSchema), total: z.number() });
export type PublicListQuery = z.infer<typeof PublicListQuerySchema>;

export const NearbyQuerySchema = z.strictObject({
  categoryId: IdParam,
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  areaUnitId: IdParam.optional(),
});
export const NearbySchema = z.object({
  items: z.array(PublicListItemSchema.extend({ distanceMetres: z.number().nullable() })),
});

export const PublicStatsQuerySchema = z.strictObject({ year: z.coerce.number().int().min(2020).max(2100) });
export const PublicStatsSchema = z.object({
  year: z.number(),
  units: z.array(
    z.object({
      unitName: z.string(),
      received: z.number(),
      answered: z.number(),
      onTime: z.number(),
      onTimeRate: z.number().nullable(),
      rated: z.number(),
      satisfied: z.number(),
      satisfactionRate: z.number().nullable(),
    }),
  ),
});
export type PublicCategory = z.infer<typeof PublicCategorySchema>;
