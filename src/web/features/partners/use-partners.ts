import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type NewPartnerKey, partnersApi, type WebhookEventKind } from '../../api/partners';

const KEYS = ['partners', 'keys'] as const;

export function usePartnerKeys() {
  return useQuery({ queryKey: KEYS, queryFn: ({ signal }) => partnersApi.keys(signal) });
}

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEYS });
    },
  });
}

export const useCreateKey = () => useInvalidating((body: NewPartnerKey) => partnersApi.createKey(body));
export const useRevokeKey = () => useInvalidating((id: string) => partnersApi.revokeKey(id));
export const useCreateWebhook = () =>
  useInvalidating((a: { keyId: string; url: string; events: WebhookEventKind[] }) =>
    partnersApi.createWebhook(a.keyId, { url: a.url, events: a.events }),
  );
export const useDisableWebhook = () => useInvalidating((id: string) => partnersApi.disableWebhook(id));
