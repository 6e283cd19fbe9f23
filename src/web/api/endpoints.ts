import { apiRequest } from './client';
import type {
  Dossier,
  DossierListItem,
  IntakeRequest,
  Me,
  ProcedureDetail,
  ProcedureSummary,
  TrackResult,
  Unit,
} from './types';

const V1 = '/api/v1';

export const api = {
  activeCommunes: (signal?: AbortSignal) =>
    apiRequest<Unit[]>(`${V1}/units`, { query: { level: 'commune', active: true }, signal }),

  procedures: (unit: string, q: string, signal?: AbortSignal) =>
    apiRequest<ProcedureSummary[]>(`${V1}/procedures`, { query: { unit, q: q.trim() || undefined }, signal }),

  procedure: (code: string, unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<ProcedureDetail>(`${V1}/procedures/${encodeURIComponent(code)}`, { query: { unit }, signal }),

  track: (code: string, phone: string, signal?: AbortSignal) =>
    apiRequest<TrackResult>(`${V1}/track/${encodeURIComponent(code)}`, { query: { phone }, signal }),

  me: (signal?: AbortSignal) => apiRequest<Me>(`${V1}/auth/me`, { signal }),

  login: (username: string, password: string) =>
    apiRequest<Me>(`${V1}/auth/login`, { method: 'POST', body: { username, password } }),

  logout: () => apiRequest<void>(`${V1}/auth/logout`, { method: 'POST' }),

  createDossier: (body: IntakeRequest, idempotencyKey: string) =>
    apiRequest<Dossier>(`${V1}/dossiers`, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),

  dossiersOfDay: (date: string, signal?: AbortSignal) =>
    apiRequest<{ items: DossierListItem[] }>(`${V1}/dossiers`, { query: { date }, signal }),
};

/** Where the receipt-and-appointment slip of a dossier is downloaded. */
export function receiptUrl(code: string): string {
  return `${V1}/dossiers/${encodeURIComponent(code)}/receipt.pdf`;
}
