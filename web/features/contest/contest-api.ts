import type {
  ContestResults,
  ContestView,
  ImportResult,
  Participation,
  QuestionInput,
  QuestionView,
} from '../../../core/contracts/contest.js';
import type { ItemStats } from '../../../core/contracts/contest-outputs.js';
import { api } from '../../lib/api-client.js';
import type { ContestListItem } from './contest-types.js';

// Contest's API for the staff app; shapes come from core/contracts/contest.ts.
export const contestApi = {
  contests: () => api.get<{ items: ContestListItem[] }>('/api/contest/contests'),
  contest: (id: number) => api.get<ContestView>(`/api/contest/contests/${id}`),
  create: (input: { unitId: number; title: string; slug: string; config: unknown }) =>
    api.post<ContestView>('/api/contest/contests', input),
  update: (id: number, input: { title: string; slug: string; config: unknown }) =>
    api.put<ContestView>(`/api/contest/contests/${id}`, input),
  open: (id: number) => api.post<ContestView>(`/api/contest/contests/${id}/open`, {}),
  closeRound: (id: number, roundKey: string) =>
    api.post<ContestResults>(`/api/contest/contests/${id}/rounds/${encodeURIComponent(roundKey)}/close`, {}),
  close: (id: number) => api.post<ContestView>(`/api/contest/contests/${id}/close`, {}),
  results: (id: number) => api.get<ContestResults>(`/api/contest/contests/${id}/results`, { limit: 100 }),
  participation: (id: number) => api.get<Participation>(`/api/contest/contests/${id}/participation`),
  itemStats: (id: number, round: string) =>
    api.get<ItemStats>(`/api/contest/contests/${id}/item-stats`, { round }),
  questions: (unitId: number) =>
    api.get<{ items: QuestionView[]; categories: { id: number; name: string; questions: number }[] }>(
      '/api/contest/questions',
      { unitId },
    ),
  addQuestion: (input: QuestionInput) => api.post<QuestionView>('/api/contest/questions', input),
  archiveQuestion: (id: number) => api.delete<void>(`/api/contest/questions/${id}`),
  importQuestions: (
    q: { unitId: number; format: 'gift' | 'aiken' | 'xlsx'; mode: 'preview' | 'commit'; category?: string },
    content: string,
  ) =>
    api.post<ImportResult>(
      `/api/contest/questions/import?${new URLSearchParams({ unitId: String(q.unitId), format: q.format, mode: q.mode, ...(q.category ? { category: q.category } : {}) })}`,
      { content },
    ),
};
