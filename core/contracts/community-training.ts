import { z } from 'zod';

// Training courses of the Community module (/api/training/…): courses with sessions, registrations by unit,
// attendance by a session's check-in code, certificates verified at a public URL.

const IdNumber = z.number().int().positive().max(2_147_483_647);
const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const COURSE_AUDIENCES = ['province', 'department', 'commune', 'community_teams', 'citizens'] as const;
export const COURSE_MODES = ['in_person', 'online', 'both'] as const;

export const TrainingIdParamsSchema = z.strictObject({ id: IdParam });
export const CertificateParamsSchema = z.strictObject({ code: z.string().regex(/^[A-Z0-9]{6,20}$/) });

export const CourseInputSchema = z
  .strictObject({
    /** The organising unit (training.manage on it). */
    unitId: IdNumber,
    title: Text(300),
    organiser: Text(200),
    audience: z.enum(COURSE_AUDIENCES),
    mode: z.enum(COURSE_MODES),
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: z.number().int().min(1).max(100_000),
    materials: z
      .array(z.strictObject({ name: Text(200), url: z.url({ protocol: /^https?$/ }).max(1000) }))
      .max(50)
      .default([]),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], params: { code: 'invalid_date' } });
export type CourseInput = z.infer<typeof CourseInputSchema>;

export const SessionInputSchema = z.strictObject({ sessionDate: IsoDate, place: Text(200) });
export const RegistrationInputSchema = z.strictObject({
  unitId: IdNumber,
  officials: z
    .array(
      z.strictObject({
        fullName: Text(120),
        position: z
          .string()
          .trim()
          .max(120)
          .nullish()
          .transform((v) => v || null),
        email: z
          .email()
          .max(200)
          .nullish()
          .transform((v) => v || null),
      }),
    )
    .min(1)
    .max(200),
});
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;
export const CheckInSchema = z.strictObject({
  code: z.string().trim().min(4).max(40),
  registrationId: IdNumber,
});

/** Attendance of one session imported from the online platform's xlsx/csv (multipart field "file"). */
export const AttendanceImportQuerySchema = z.strictObject({
  sessionId: IdParam,
  /** 'true' writes the attendance when no row has an error; otherwise only the preview. */
  commit: z.enum(['true', 'false']).default('false'),
});
export const AttendanceImportSchema = z
  .object({
    rows: z.number(),
    valid: z.number(),
    errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
    committed: z.boolean(),
    created: z.number(),
    /** Certificates issued by this import (officials who have now attended every session). */
    certificates: z.number(),
  })
  .meta({ id: 'TrainingAttendanceImport' });
export type AttendanceImport = z.infer<typeof AttendanceImportSchema>;

export const CourseViewSchema = z
  .object({
    id: z.number(),
    unitId: z.number(),
    title: z.string(),
    organiser: z.string(),
    audience: z.enum(COURSE_AUDIENCES),
    mode: z.enum(COURSE_MODES),
    startsOn: z.string(),
    endsOn: z.string(),
    capacity: z.number(),
    materials: z.array(z.object({ name: z.string(), url: z.string() })),
    sessions: z.array(
      z.object({
        id: z.number(),
        sessionDate: z.string(),
        place: z.string(),
        /** Shown (and put in the QR code) only to those who run the course. */
        checkinCode: z.string().nullable(),
        attended: z.number(),
      }),
    ),
    registrations: z.array(
      z.object({
        id: z.number(),
        unitId: z.number(),
        unitName: z.string(),
        fullName: z.string(),
        position: z.string().nullable(),
        attended: z.number(),
        certificateCode: z.string().nullable(),
      }),
    ),
    can: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'TrainingCourse' });
export type CourseView = z.infer<typeof CourseViewSchema>;
export const CourseListSchema = z.object({
  items: z.array(
    CourseViewSchema.pick({
      id: true,
      title: true,
      organiser: true,
      startsOn: true,
      endsOn: true,
      mode: true,
      audience: true,
      capacity: true,
    }),
  ),
});
export const CourseListQuerySchema = z.strictObject({ unitId: IdParam });
export const AttendanceSchema = z.object({
  sessionId: z.number(),
  registrationId: z.number(),
  checkedAt: z.string(),
});
export const CertificateVerificationSchema = z
  .object({
    code: z.string(),
    valid: z.literal(true),
    fullName: z.string(),
    unitName: z.string(),
    courseTitle: z.string(),
    organiser: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    issuedAt: z.string(),
  })
  .meta({ id: 'TrainingCertificateVerification' });
export const TrainedRateQuerySchema = z.strictObject({
  unitId: IdParam,
  year: z.coerce.number().int().min(2015).max(2100),
});
export const TrainedRateSchema = z.object({
  items: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      trained: z.number(),
      headcount: z.number().nullable(),
      rate: z.number().nullable(),
    }),
  ),
});
