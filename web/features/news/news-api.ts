import type { NewsCreate, NewsItem, NewsList, NewsSubmit, NewsUpdate } from '../../../core/contracts/news.js';
import { api, postFile } from '../../lib/api-client.js';

// News's API for the staff app; shapes come from core/contracts/news.ts.
export const newsApi = {
  list: (q: { unitId: number; status?: string | null; limit?: number }) =>
    api.get<NewsList>('/api/news/items', {
      unitId: q.unitId,
      status: q.status ?? undefined,
      limit: q.limit ?? 50,
    }),
  get: (id: number) => api.get<NewsItem>(`/api/news/items/${id}`),
  create: (input: NewsCreate) => api.post<NewsItem>('/api/news/items', input),
  update: (id: number, input: NewsUpdate) => api.put<NewsItem>(`/api/news/items/${id}`, input),
  cover: (id: number, file: File, csrf: string) =>
    postFile<NewsItem>(`/api/news/items/${id}/cover`, file, csrf),
  submit: (id: number, input: NewsSubmit) => api.post<NewsItem>(`/api/news/items/${id}/submit`, input),
  approve: (id: number) => api.post<NewsItem>(`/api/news/items/${id}/approve`),
  returnToAuthor: (id: number, note: string) => api.post<NewsItem>(`/api/news/items/${id}/return`, { note }),
  withdraw: (id: number, reason: string) => api.post<NewsItem>(`/api/news/items/${id}/withdraw`, { reason }),
};
