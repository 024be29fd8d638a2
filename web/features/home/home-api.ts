import { useQuery } from '@tanstack/react-query';
import type { FeedbackQueue } from '../../../core/contracts/feedback.js';
import type { Period, SubmissionView } from '../../../core/contracts/measure.js';
import type { AppraisalQueue } from '../../../core/contracts/measure-queue.js';
import { isAwaitingAnswer } from '../../../core/feedback/lifecycle.js';
import { ApiError, api } from '../../lib/api-client.js';
import { feedbackApi } from '../feedback/feedback-api.js';
import { measureApi } from '../measure/measure-api.js';

// The home page's reads, all through the owning modules' APIs (the server judges scope on each).

export type OpenEntry = { period: Period; submission: SubmissionView };
type FeedbackItem = FeedbackQueue['items'][number];

/** Open periods the unit takes part in, each with the unit's submission (status, answered count). */
async function openEntries(unitId: number): Promise<OpenEntry[]> {
  const open = (await measureApi.periods()).filter((p) => p.status === 'open');
  const found = await Promise.all(
    open.map(async (period) => {
      try {
        return { period, submission: await measureApi.submission(period.id, unitId) };
      } catch (e) {
        // A period of the officer's scope in which this unit does not take part.
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }
    }),
  );
  return found.filter((x): x is OpenEntry => x !== null);
}

export function useOpenEntries(unitId: number) {
  return useQuery({ queryKey: ['home', 'entries', unitId], queryFn: () => openEntries(unitId) });
}

const FEEDBACK_PAGE = 50;
const AWAITING = ['assigned', 'in_progress', 'reopened'] as const;
const byDeadline = (a: FeedbackItem, b: FeedbackItem) =>
  (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.id - b.id;

/** Reports with the unit that still owe an answer, the nearest deadline first. */
export function useFeedbackToAnswer(unitId: number) {
  return useQuery({
    queryKey: ['home', 'feedback', unitId],
    queryFn: async () => {
      // One read per status that still owes an answer, so older open reports are never cut off by newer ones.
      const pages = await Promise.all(
        AWAITING.map((status) => feedbackApi.queue({ unitId, status, pageSize: FEEDBACK_PAGE })),
      );
      const items = pages
        .flatMap((p) => p.items)
        .filter((i) => i.unitId === unitId && isAwaitingAnswer(i.status))
        .sort(byDeadline);
      const total = pages.reduce((n, p) => n + p.total, 0);
      return { items, total, overdue: items.filter((i) => i.deadlineState === 'overdue').length };
    },
  });
}

export function useAppraisalQueue(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'appraisal-queue'],
    queryFn: () => api.get<AppraisalQueue>('/api/measure/appraisal-queue'),
    enabled,
  });
}

/** The newest published period in the caller's scope, for the viewer's ranking link. */
export function useLatestPublished(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'latest-published'],
    queryFn: async () =>
      (await measureApi.periods())
        .filter((p) => p.status === 'published')
        .sort((a, b) => b.year - a.year || b.id - a.id)[0] ?? null,
    enabled,
  });
}
