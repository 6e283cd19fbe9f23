import { apiRequest } from '../../api/client';
import './i18n';

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';

export interface InvitationState {
  unit: { code: string; name: string };
  kind: 'dossier' | 'ticket';
  rated: boolean;
  expiresAt: string;
}

export const ratingsApi = {
  invitation: (token: string, signal?: AbortSignal) =>
    apiRequest<InvitationState>(`/api/v1/ratings/invitations/${encodeURIComponent(token)}`, { signal }),
  rate: (body: { token: string; rating: RatingLevel; comment?: string }) =>
    apiRequest<{ rating: RatingLevel; ratedAt: string }>('/api/v1/ratings', { method: 'POST', body }),
};
