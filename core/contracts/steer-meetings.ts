import { z } from 'zod';
import { TASK_STATUSES } from '../steer/types.js';

// Request and response shapes of Steer's committee meetings: the meeting (committee unit, kind, date and time in
// Vietnam, chair, attendees by unit, agenda), its documents, its conclusion notice, its numbered conclusions and
// the one-step conversion of a conclusion into a tracked task.

export const MEETING_KINDS = ['regular_monthly', 'regular_quarterly', 'extraordinary', 'conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

const IdNumber = z.number().int().positive().max(2_147_483_647);
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date();
/** 'HH:MM', 24-hour, Vietnam time. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** A file's public id as POST /api/files returns it. */
const FilePublicId = z.string().trim().min(10).max(40);

export const MeetingIdParamsSchema = z.strictObject({ id: Id });
export const MeetingDocumentParamsSchema = z.strictObject({ id: Id, documentId: Id });
export const MeetingConclusionParamsSchema = z.strictObject({ id: Id, conclusionId: Id });
export const MeetingListQuerySchema = z.strictObject({
  unitId: Id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const AttendeeInput = z.strictObject({ unitId: IdNumber, representative: optText(200) });
const AgendaInput = z.strictObject({ title: text(500), presenterUnitId: IdNumber.nullable().optional() });

export const MeetingInputSchema = z.strictObject({
  unitId: IdNumber,
  title: text(300),
  kind: z.enum(MEETING_KINDS),
  date: isoDate,
  time: clockTime,
  location: optText(300),
  chairName: text(200),
  chairTitle: optText(200),
  attendees: z.array(AttendeeInput).max(300).default([]),
  agenda: z.array(AgendaInput).max(60).default([]),
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

export const MeetingPatchSchema = MeetingInputSchema.omit({ unitId: true })
  .extend({ attendees: z.array(AttendeeInput).max(300), agenda: z.array(AgendaInput).max(60) })
  .partial()
  .strict();
export type MeetingPatch = z.infer<typeof MeetingPatchSchema>;

export const MeetingDocumentInputSchema = z.strictObject({ fileId: FilePublicId, title: text(300) });
export type MeetingDocumentInput = z.infer<typeof MeetingDocumentInputSchema>;

export const NoticeInputSchema = z.strictObject({
  /** "45/TB-BCĐ" */
  numberSymbol: z.string().trim().min(3).max(60).regex(/\//, 'số/ký hiệu'),
  issuedOn: isoDate,
  signer: optText(200),
  fileId: FilePublicId.nullable().optional(),
});
export type NoticeInput = z.infer<typeof NoticeInputSchema>;

export const ConclusionInputSchema = z.strictObject({ text: text(4000) });
export type ConclusionInput = z.infer<typeof ConclusionInputSchema>;

export const ConvertConclusionSchema = z.strictObject({
  /** The task's title; the conclusion's text (cut to 500 characters) when absent. */
  title: text(500).optional(),
  leadUnitId: IdNumber,
  coordinatingUnitIds: z.array(IdNumber).max(100).default([]),
  /** As the notice writes it: "Quý II/2026", "30/6/2026", "Thường xuyên"… */
  deadline: text(200),
  expectedProduct: optText(500),
});
export type ConvertConclusionInput = z.infer<typeof ConvertConclusionSchema>;

export const MeetingSummarySchema = z
  .object({
    id: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    title: z.string(),
    kind: z.enum(MEETING_KINDS),
    date: z.string(),
    time: z.string(),
    startsAt: z.string(),
    location: z.string().nullable(),
    chairName: z.string(),
    noticeNumber: z.string().nullable(),
    conclusionCount: z.number(),
    convertedCount: z.number(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'SteerMeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;
export const MeetingListSchema = z.object({ items: z.array(MeetingSummarySchema) });

export const ConclusionTaskSchema = z.object({
  id: z.number(),
  title: z.string(),
  leadUnitId: z.number(),
  leadUnitName: z.string(),
  deadlineWritten: z.string(),
  due: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  daysOverdue: z.number().nullable(),
});
export type ConclusionTask = z.infer<typeof ConclusionTaskSchema>;

export const ConclusionSchema = z
  .object({
    id: z.number(),
    position: z.number(),
    text: z.string(),
    convertedAt: z.string().nullable(),
    /** The task it became; null before conversion (or when the task is hidden from the caller). */
    task: ConclusionTaskSchema.nullable(),
  })
  .meta({ id: 'SteerMeetingConclusion' });
export type Conclusion = z.infer<typeof ConclusionSchema>;

export const NoticeSchema = z.object({
  numberSymbol: z.string(),
  issuedOn: z.string(),
  signer: z.string().nullable(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const MeetingDocumentSchema = z.object({
  id: z.number(),
  title: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
});

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  chairTitle: z.string().nullable(),
  attendees: z.array(
    z.object({ unitId: z.number(), unitName: z.string(), representative: z.string().nullable() }),
  ),
  agenda: z.array(
    z.object({
      position: z.number(),
      title: z.string(),
      presenterUnitId: z.number().nullable(),
      presenterUnitName: z.string().nullable(),
    }),
  ),
  documents: z.array(MeetingDocumentSchema),
  notice: NoticeSchema.nullable(),
  conclusions: z.array(ConclusionSchema),
  previousMeeting: z.object({ id: z.number(), title: z.string(), date: z.string() }).nullable(),
  /** The caller may edit it (steer.manage on the committee's unit). */
  canManage: z.boolean(),
}).meta({ id: 'SteerMeetingDetail' });
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

export const ConvertConclusionResultSchema = z.object({
  conclusion: ConclusionSchema,
  taskId: z.number(),
});
