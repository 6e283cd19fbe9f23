import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiProblem } from '../../api/client';
import { api } from '../../api/endpoints';
import type { Me } from '../../api/types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in staff member, or null for a visitor; decided by GET /auth/me. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api.me(signal);
      } catch (error) {
        if (isApiProblem(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) =>
      api.login(username, password),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
  });
}

/** Ends the session; the caller then reloads the page, which drops all cached staff data. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logout();
      } catch (error) {
        // An expired session is already what the user asked for.
        if (!(isApiProblem(error) && error.status === 401)) throw error;
      }
    },
  });
}
