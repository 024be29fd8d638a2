import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GrantInput,
  UserCreateBody,
  UserList,
  UserPatchBody,
  UserView,
} from '../../../core/contracts/accounts.js';
import { api } from '../../lib/api-client.js';

export const PAGE_SIZE = 20;

export function useUsers(q: string, offset: number) {
  return useQuery({
    queryKey: ['users', q, offset],
    queryFn: () => api.get<UserList>('/api/users', { q: q.trim(), limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api.post<UserView>('/api/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (input: { id: number; patch: UserPatchBody; grants?: GrantInput[] }) => {
      if (Object.keys(input.patch).length) await api.patch(`/api/users/${input.id}`, input.patch);
      if (input.grants) await api.put(`/api/users/${input.id}/grants`, { grants: input.grants });
    },
    onSuccess: invalidate,
  });
}
