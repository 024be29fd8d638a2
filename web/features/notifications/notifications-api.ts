import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MarkReadResult,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  UnreadCount,
} from '../../../core/contracts/notifications.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { api } from '../../lib/api-client.js';

export type ListParams = Partial<Omit<NotificationListQuery, 'unreadOnly'>> & { unreadOnly?: boolean };

export const notificationsApi = {
  list: (q: ListParams) => api.get<NotificationPage>('/api/notifications', q),
  unreadCount: () => api.get<UnreadCount>('/api/notifications/unread-count'),
  markRead: (ids: number[]) => api.post<MarkReadResult>('/api/notifications/read', { ids }),
  markAllRead: () => api.post<MarkReadResult>('/api/notifications/read-all'),
  preferences: () => api.get<NotificationPreferences>('/api/notifications/preferences'),
  savePreferences: (body: NotificationPreferencesUpdate) =>
    api.put<NotificationPreferences>('/api/notifications/preferences', body),
};

const ROOT = ['notifications'] as const;
/** The bell polls at a modest pace: a reminder a minute late is fine, a request a second from every tab is not. */
export const UNREAD_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...ROOT, 'unread'],
    queryFn: notificationsApi.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 15_000,
  });
}

/** Texts come in the current language, so the language is part of the key. */
export function useNotificationList(q: ListParams, enabled = true) {
  const { locale } = useI18n();
  return useQuery({
    queryKey: [...ROOT, 'list', locale, q],
    queryFn: () => notificationsApi.list(q),
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

/** Marking read refreshes the bell and every list. */
export function useMarkRead() {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries({ queryKey: ROOT });
  return {
    one: useMutation({
      mutationFn: (ids: number[]) => notificationsApi.markRead(ids),
      onSuccess: invalidate,
    }),
    all: useMutation({ mutationFn: notificationsApi.markAllRead, onSuccess: invalidate }),
  };
}

export function usePreferences() {
  return useQuery({ queryKey: [...ROOT, 'preferences'], queryFn: notificationsApi.preferences });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: notificationsApi.savePreferences,
    onSuccess: (data) => client.setQueryData([...ROOT, 'preferences'], data),
  });
}

/** Links inside the staff app are followed by the router (basename /app); others open as they are. */
export function internalPath(link: string | null): string | null {
  if (!link) return null;
  if (link === '/app') return '/';
  return link.startsWith('/app/') ? link.slice(4) : null;
}
