/**
 * The signed-in citizen's API (issue 14 item 4): their identity, "Hồ sơ của tôi", and what they may do
 * with their own dossiers. The citizen session is its own cookie (never the staff one); a 401 means
 * "not signed in as a citizen".
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiProblem } from '../../api/client';

const V1 = '/api/v1';

export interface CitizenMe {
  fullName: string;
  personalId: string;
  birthDate: string | null;
  verified: boolean;
}

export type Rating = 'very_satisfied' | 'satisfied' | 'dissatisfied';
export const RATINGS: readonly Rating[] = ['very_satisfied', 'satisfied', 'dissatisfied'];

export interface CitizenDossierItem {
  code: string;
  procedure: { code: string; name: string };
  unit: { code: string; name: string };
  status: number;
  statusName: string;
  actionNeeded: boolean;
  submittedAt: string;
}

export interface CitizenDossier extends CitizenDossierItem {
  subState: string;
  channel: 'counter' | 'online' | 'post';
  appointment: string | null;
  asked: {
    kind: 'pre_receipt_supplement' | 'supplement';
    reasons: string[];
    items: { name: string }[];
  } | null;
  refusal: string[] | null;
  timeline: { at: string; code: string; action: string; status: number | null; statusName: string }[];
  files: { id: string; fileName: string; contentType: string; size: number }[];
  result: { fileName: string; url: string } | null;
  can: { withdraw: boolean; supplement: boolean; rate: boolean };
  rating: Rating | null;
}

export interface UploadDocument {
  documentId: string;
  fileName: string;
  contentType: string;
  dataBase64: string;
}

/** Where a citizen signs in (OpenID Connect at the national identity provider); comes back to `returnTo`. */
export function citizenLoginHref(returnTo: string): string {
  return `${V1}/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export const CITIZEN_ME_KEY = ['citizen', 'me'] as const;

/** The signed-in citizen, or null when no citizen session is open. */
export function useCitizen(enabled = true) {
  return useQuery<CitizenMe | null>({
    queryKey: CITIZEN_ME_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<CitizenMe>(`${V1}/citizen/me`, { signal });
      } catch (error) {
        if (isApiProblem(error) && error.status === 401) return null;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useCitizenLogout() {
  return useMutation({
    mutationFn: () => apiRequest<void>(`${V1}/auth/citizen/logout`, { method: 'POST' }),
  });
}

export function useMyDossiers(enabled: boolean) {
  return useQuery({
    queryKey: ['citizen', 'dossiers'],
    queryFn: ({ signal }) => apiRequest<CitizenDossierItem[]>(`${V1}/citizen/dossiers`, { signal }),
    enabled,
    staleTime: 0,
  });
}

const dossierKey = (code: string) => ['citizen', 'dossier', code] as const;

export function useMyDossier(code: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: dossierKey(code ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<CitizenDossier>(`${V1}/citizen/dossiers/${encodeURIComponent(code as string)}`, { signal }),
    enabled: enabled && Boolean(code),
    staleTime: 0,
  });
}

/** A change to the citizen's own dossier; the server answers with the dossier as it now is. */
function useDossierChange<T>(code: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: T) =>
      apiRequest<CitizenDossier>(`${V1}/citizen/dossiers/${encodeURIComponent(code)}/${path}`, {
        method: 'POST',
        body,
      }),
    onSuccess: (dossier) => {
      queryClient.setQueryData(dossierKey(code), dossier);
      void queryClient.invalidateQueries({ queryKey: ['citizen', 'dossiers'] });
    },
  });
}

export const useSupplement = (code: string) =>
  useDossierChange<{ note?: string; documents: UploadDocument[] }>(code, 'supplement');
export const useWithdraw = (code: string) => useDossierChange<{ reason: string }>(code, 'withdraw');
export const useRate = (code: string) =>
  useDossierChange<{ rating: Rating; comment?: string }>(code, 'rating');
