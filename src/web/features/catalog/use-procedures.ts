import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints';

/** The numbered catalogue of a commune, filtered on the server (diacritics ignored). */
export function useProcedures(unit: string | null | undefined, q: string) {
  return useQuery({
    queryKey: ['procedures', unit, q.trim()],
    queryFn: ({ signal }) => api.procedures(unit as string, q, signal),
    enabled: Boolean(unit),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useProcedure(code: string | undefined, unit: string | null | undefined) {
  return useQuery({
    queryKey: ['procedure', code, unit ?? null],
    queryFn: ({ signal }) => api.procedure(code as string, unit ?? undefined, signal),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}
