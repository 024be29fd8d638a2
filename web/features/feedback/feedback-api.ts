import type {
  FeedbackCalendarDay,
  FeedbackCategory,
  FeedbackCategoryInput,
  FeedbackQueue,
  FeedbackReport,
  FeedbackRoutingRule,
  FeedbackRoutingRuleInput,
} from '../../../core/contracts/feedback.js';
import { api, type Query } from '../../lib/api-client.js';

// The Feedback module's staff API; shapes come from core/contracts/feedback.ts.
const r = (id: number, rest = '') => `/api/feedback/reports/${id}${rest}`;
export const feedbackApi = {
  categories: () => api.get<{ items: FeedbackCategory[] }>('/api/feedback/categories'),
  createCategory: (input: FeedbackCategoryInput) =>
    api.post<FeedbackCategory>('/api/feedback/categories', input),
  updateCategory: (id: number, input: FeedbackCategoryInput) =>
    api.put<FeedbackCategory>(`/api/feedback/categories/${id}`, input),
  routingRules: () => api.get<{ items: FeedbackRoutingRule[] }>('/api/feedback/routing-rules'),
  createRoutingRule: (input: FeedbackRoutingRuleInput) =>
    api.post<FeedbackRoutingRule>('/api/feedback/routing-rules', input),
  deleteRoutingRule: (id: number) => api.delete<null>(`/api/feedback/routing-rules/${id}`),
  calendar: (year: number) =>
    api.get<{ year: number; items: FeedbackCalendarDay[] }>('/api/feedback/calendar', { year }),
  setCalendarDay: (day: string, body: { kind: 'holiday' | 'working_day'; name: string }) =>
    api.put<FeedbackCalendarDay>(`/api/feedback/calendar/${day}`, body),
  deleteCalendarDay: (day: string) => api.delete<null>(`/api/feedback/calendar/${day}`),
  queue: (q: Query) => api.get<FeedbackQueue>('/api/feedback/reports', q),
  report: (id: number) => api.get<FeedbackReport>(r(id)),
  assign: (id: number, body: { unitId: number; reason?: string }) =>
    api.post<FeedbackReport>(r(id, '/assign'), body),
  accept: (id: number) => api.post<FeedbackReport>(r(id, '/accept'), {}),
  answer: (id: number, body: { answer: string; fileIds: string[] }) =>
    api.post<FeedbackReport>(r(id, '/answer'), body),
  refuse: (id: number, body: { kind: string; reason: string }) =>
    api.post<FeedbackReport>(r(id, '/refuse'), body),
  merge: (id: number, body: { intoId: number; reason?: string }) =>
    api.post<FeedbackReport>(r(id, '/merge'), body),
  close: (id: number) => api.post<FeedbackReport>(r(id, '/close'), {}),
  note: (id: number, text: string) => api.post<FeedbackReport>(r(id, '/notes'), { text }),
  extension: (id: number, body: { days: number; reason: string }) =>
    api.post<FeedbackReport>(r(id, '/extension'), body),
  decideExtension: (id: number, approve: boolean) =>
    api.post<FeedbackReport>(r(id, '/extension/decision'), { approve }),
};
