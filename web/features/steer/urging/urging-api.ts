import { useQuery } from '@tanstack/react-query';
import type {
  Home,
  Letter,
  LetterList,
  LetterPreview,
  ReminderLog,
  ReminderSettingsInput,
  ReminderSettingsView,
  SendLetter,
  UrgingTask,
  UrgingUnits,
} from '../../../../core/contracts/steer-urging.js';
import { api } from '../../../lib/api-client.js';

// Typed calls to /api/steer/urging… and /api/steer/home; shapes come from the shared zod contracts.

export type { Home, Letter, LetterPreview, ReminderSettingsView, UrgingTask, UrgingUnits };

const base = '/api/steer/urging';

export const urgingApi = {
  units: () => api.get<UrgingUnits>(`${base}/units`),
  preview: (unitId: number) => api.get<LetterPreview>(`${base}/units/${unitId}/preview`),
  send: (unitId: number, body: SendLetter) => api.post<Letter>(`${base}/units/${unitId}/letters`, body),
  letters: (query: { unitId?: number; page?: number } = {}) => api.get<LetterList>(`${base}/letters`, query),
  letterUrl: (id: number) => `${base}/letters/${id}/letter.docx`,
  reminders: (unitId: number) => api.get<ReminderLog>(`${base}/reminders`, { unitId }),
  settings: () => api.get<ReminderSettingsView>(`${base}/settings`),
  saveSettings: (body: ReminderSettingsInput) => api.put<ReminderSettingsView>(`${base}/settings`, body),
  home: (unitId?: number) => api.get<Home>('/api/steer/home', { unitId }),
};

export const URGING_KEY = ['steer', 'urging'] as const;

export function useUrgingUnits() {
  return useQuery({ queryKey: [...URGING_KEY, 'units'], queryFn: urgingApi.units });
}
export function useLetterPreview(unitId: number | null) {
  return useQuery({
    queryKey: [...URGING_KEY, 'preview', unitId],
    queryFn: () => urgingApi.preview(unitId as number),
    enabled: unitId !== null,
  });
}
export function useLetters(page = 1) {
  return useQuery({ queryKey: [...URGING_KEY, 'letters', page], queryFn: () => urgingApi.letters({ page }) });
}
export function useReminderSettings() {
  return useQuery({ queryKey: [...URGING_KEY, 'settings'], queryFn: urgingApi.settings });
}
export function useHome(unitId?: number) {
  return useQuery({ queryKey: ['steer', 'home', unitId ?? null], queryFn: () => urgingApi.home(unitId) });
}
