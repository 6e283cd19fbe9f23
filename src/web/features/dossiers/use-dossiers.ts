import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import type { IntakeRequest } from '../../api/types';

export function useDossiersOfDay(date: string) {
  return useQuery({
    queryKey: ['dossiers', 'day', date],
    queryFn: ({ signal }) => api.dossiersOfDay(date, signal),
    // Several officers share a counter's day: pick up their intakes too.
    refetchInterval: 60_000,
  });
}

export function useCreateDossier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: IntakeRequest; idempotencyKey: string }) =>
      api.createDossier(request, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dossiers'] }),
  });
}
