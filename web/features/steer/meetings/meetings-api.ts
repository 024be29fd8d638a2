import { useQuery } from '@tanstack/react-query';
import type {
  ConvertConclusionInput,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingSummary,
  NoticeInput,
} from '../../../../core/contracts/steer-meetings.js';
import { api } from '../../../lib/api-client.js';

// Typed calls to /api/steer/meetings…; shapes come from the shared zod contracts.

export type { MeetingDetail, MeetingSummary };

const base = '/api/steer/meetings';

export const meetingsApi = {
  list: (query: { year?: number } = {}) => api.get<{ items: MeetingSummary[] }>(base, query),
  get: (id: number) => api.get<MeetingDetail>(`${base}/${id}`),
  create: (body: MeetingInput) => api.post<MeetingDetail>(base, body),
  update: (id: number, body: MeetingPatch) => api.patch<MeetingDetail>(`${base}/${id}`, body),
  addDocument: (id: number, body: { fileId: string; title: string }) =>
    api.post<MeetingDetail>(`${base}/${id}/documents`, body),
  removeDocument: (id: number, documentId: number) =>
    api.delete<MeetingDetail>(`${base}/${id}/documents/${documentId}`),
  setNotice: (id: number, body: NoticeInput) => api.put<MeetingDetail>(`${base}/${id}/notice`, body),
  addConclusion: (id: number, text: string) => api.post<MeetingDetail>(`${base}/${id}/conclusions`, { text }),
  updateConclusion: (id: number, conclusionId: number, text: string) =>
    api.patch<MeetingDetail>(`${base}/${id}/conclusions/${conclusionId}`, { text }),
  removeConclusion: (id: number, conclusionId: number) =>
    api.delete<MeetingDetail>(`${base}/${id}/conclusions/${conclusionId}`),
  convert: (id: number, conclusionId: number, body: ConvertConclusionInput) =>
    api.post<{ taskId: number }>(`${base}/${id}/conclusions/${conclusionId}/task`, body),
  briefingUrl: (id: number) => `${base}/${id}/briefing.docx`,
};

export const meetingKey = (id: number) => ['steer', 'meetings', id] as const;

export function useMeetings(year?: number) {
  return useQuery({
    queryKey: ['steer', 'meetings', 'list', year],
    queryFn: () => meetingsApi.list({ year }),
  });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: meetingKey(id), queryFn: () => meetingsApi.get(id) });
}
