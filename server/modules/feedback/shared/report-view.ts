import type { FeedbackReport } from '../../../../core/contracts/feedback.js';
import type { PublicReport } from '../../../../core/contracts/feedback-public.js';
import {
  computeDeadline,
  type DeadlineKind,
  deadlineState,
  type WorkCalendar,
} from '../../../../core/feedback/deadline.js';
import {
  allowedActions,
  type FeedbackStatus,
  isAwaitingAnswer,
} from '../../../../core/feedback/lifecycle.js';
import { maskPhone, maskText } from '../../../lib/mask.js';
import type { EventRow, FeedbackRepository, ReportRow } from './feedback.repository.js';

// How a report is shown: to staff (the whole timeline; the contact only to those who handle or manage it) and
// to the public (public events only, contact never, the reporter's name only when they allowed it, phone
// numbers and ids in free text masked).

export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  if (!domain) return '***';
  return `${user.slice(0, 1)}***@${domain}`;
}

export const maskContact = (kind: 'phone' | 'email', value: string) =>
  kind === 'phone' ? maskPhone(value) : maskEmail(value);

export function newDeadline(
  from: string,
  category: { deadlineAmount: number; deadlineKind: DeadlineKind },
  calendar: WorkCalendar,
) {
  return computeDeadline(from, category.deadlineAmount, category.deadlineKind, calendar);
}

type Files = Awaited<ReturnType<FeedbackRepository['filesOf']>>;

export function staffView(
  r: ReportRow,
  events: EventRow[],
  files: Files,
  today: string,
  can: { handle: boolean; manage: boolean },
  calendar: WorkCalendar,
): FeedbackReport {
  const actions = allowedActions(r.status).filter((a) => {
    if (a === 'assign' || a === 'refuse' || a === 'close') return can.manage;
    if (a === 'accept' || a === 'answer') return can.handle;
    return false; // ratings are the citizen's
  });
  const fileView = (f: Files[number]) => ({ id: f.publicId, name: f.originalName, mime: f.mime });
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    status: r.status,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    unitId: r.unitId,
    unitName: r.unitName,
    areaUnitId: r.areaUnitId,
    areaName: r.areaName,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    contactKind: r.contactKind,
    contact: can.handle || can.manage ? r.contact : maskContact(r.contactKind, r.contact),
    reporterName: r.reporterName,
    showName: r.showName === 1,
    deadline: r.deadline,
    deadlineState: deadlineState(r.deadline, today, isAwaitingAnswer(r.status), calendar),
    receiveDueAt: r.receiveDueAt,
    duplicateOf:
      r.duplicateOfId !== null && r.duplicateOfCode !== null
        ? { id: r.duplicateOfId, code: r.duplicateOfCode }
        : null,
    answer: r.answer,
    answeredAt: r.answeredAt,
    refuseKind: r.refuseKind,
    refuseReason: r.refuseReason,
    satisfaction: r.satisfaction,
    satisfactionReason: r.satisfactionReason,
    extension:
      r.extensionStatus && r.extensionDays !== null
        ? { days: r.extensionDays, reason: r.extensionReason ?? '', status: r.extensionStatus }
        : null,
    photos: files.filter((f) => f.role === 'photo').map(fileView),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      isPublic: e.isPublic === 1,
      status: e.status,
      unitName: e.unitName,
      text: e.text,
      userName: e.userName,
      createdAt: e.createdAt,
      files: files.filter((f) => f.eventId === e.id).map(fileView),
    })),
    createdAt: r.createdAt,
    can: {
      actions,
      note: can.handle || can.manage,
      requestExtension:
        can.handle && isAwaitingAnswer(r.status) && r.extensionStatus !== 'pending' && !!r.deadline,
      decideExtension: can.manage && r.extensionStatus === 'pending',
    },
  };
}

const HIDDEN_UNTIL_ROUTED: FeedbackStatus[] = ['received', 'refused'];

export function publicView(r: ReportRow, events: EventRow[], files: Files): PublicReport {
  const shown = (text: string | null) => (text === null ? null : maskText(text));
  return {
    code: r.code,
    title: maskText(r.title),
    description: maskText(r.description),
    status: r.status,
    categoryName: r.categoryName,
    handlingUnit: HIDDEN_UNTIL_ROUTED.includes(r.status) ? null : r.unitName,
    areaName: r.areaName,
    address: shown(r.address),
    lat: r.lat,
    lng: r.lng,
    reporter: r.showName === 1 && r.reporterName ? r.reporterName : null,
    deadline: r.deadline,
    answer: shown(r.answer),
    answeredAt: r.answeredAt,
    satisfaction: r.satisfaction,
    canRate: r.status === 'answered',
    duplicateOf: r.duplicateOfCode,
    photos: files.filter((f) => f.role === 'photo').map((f) => ({ id: f.publicId })),
    timeline: events
      .filter((e) => e.isPublic === 1)
      .map((e) => ({
        kind: e.kind,
        status: e.status,
        unitName: e.unitName,
        text: shown(e.text),
        createdAt: e.createdAt,
        files: files.filter((f) => f.eventId === e.id).map((f) => ({ id: f.publicId, name: f.originalName })),
      })),
    createdAt: r.createdAt,
  };
}
