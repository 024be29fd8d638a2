import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client.js';
import { fetchSession, SESSION_KEY, type Session } from './auth-api.js';

/** The signed-in session; `data` is null when anonymous (401), so callers can tell "not signed in" from "loading". */
export function useSession() {
  return useQuery<Session | null>({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        return await fetchSession();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
