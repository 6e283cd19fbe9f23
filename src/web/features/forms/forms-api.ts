import { useQuery } from '@tanstack/react-query';
import type { FormAnswers, FormDefinition } from '../../../domain/forms/types.ts';
import { apiRequest } from '../../api/client';

const V1 = '/api/v1';

/** The blank paper form, printed from the same definition as the wizard. */
export function blankFormUrl(code: string): string {
  return `${V1}/procedures/${encodeURIComponent(code)}/form.pdf`;
}

/** Where a citizen signs in (OpenID Connect, issue 14 item 1); comes back to `returnTo`. */
export function citizenLoginUrl(returnTo: string): string {
  return `${V1}/auth/citizen/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** A procedure's latest form; absent (FORM_NOT_FOUND) for procedures without one. */
export function useFormDefinition(code: string | undefined) {
  return useQuery({
    queryKey: ['form', code],
    queryFn: ({ signal }) =>
      apiRequest<FormDefinition>(`${V1}/procedures/${encodeURIComponent(code as string)}/form`, { signal }),
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export interface OnlineDocument {
  /** Id of the procedure's document ("Thành phần hồ sơ"). */
  documentId: string;
  fileName: string;
  contentType: string;
  /** The downscaled photo, base64 without the data: prefix. */
  dataBase64: string;
}

export interface OnlineSubmission {
  procedureCode: string;
  unitCode: string;
  formVersion: number;
  answers: FormAnswers;
  /** Phone and address, read from the answers (src/domain/forms/contact.ts). */
  contact: { phone: string; address: string };
  documents: OnlineDocument[];
}

/** Files an online dossier (POST /api/v1/citizen/dossiers, citizen session required). */
export function submitOnlineDossier(body: OnlineSubmission) {
  return apiRequest<{ code?: string; id?: string }>(`${V1}/citizen/dossiers`, { method: 'POST', body });
}

/** Files an online dossier for a citizen at the counter (POST /api/v1/dossiers/assisted, reception officer). */
export function submitAssistedDossier(body: OnlineSubmission) {
  return apiRequest<{ code?: string }>(`${V1}/dossiers/assisted`, { method: 'POST', body });
}
