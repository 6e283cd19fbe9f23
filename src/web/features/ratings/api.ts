import type { z } from 'zod';
import type { InvitationSchema, RatingFiguresSchema } from '../../../server/modules/ratings/schemas.ts';
import { apiRequest } from '../../api/client';
import './i18n';

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'dissatisfied';

export interface InvitationState {
  unit: { code: string; name: string };
  kind: 'dossier' | 'ticket';
  rated: boolean;
  expiresAt: string;
}

/** The counter's invitation to rate a visit (the rating page's address in `url`). */
export type Invitation = z.output<typeof InvitationSchema>;
/** A commune's satisfaction figures of a period: the center, by channel, per officer, the reasons. */
export type FiguresReport = z.output<typeof RatingFiguresSchema>;
export type RatingFigures = FiguresReport['center'];

export const ratingsApi = {
  /** The counter invites the citizen just served (staff; the visit's ticket or dossier). */
  invite: (body: { ticketId?: string; dossierCode?: string }) =>
    apiRequest<Invitation>('/api/v1/ratings/invitations', { method: 'POST', body }),
  figures: (q: { unit?: string; from: string; to: string }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ from: q.from, to: q.to });
    if (q.unit) params.set('unit', q.unit);
    return apiRequest<FiguresReport>(`/api/v1/ratings/figures?${params}`, { signal });
  },
  invitation: (token: string, signal?: AbortSignal) =>
    apiRequest<InvitationState>(`/api/v1/ratings/invitations/${encodeURIComponent(token)}`, { signal }),
  rate: (body: { token: string; rating: RatingLevel; comment?: string }) =>
    apiRequest<{ rating: RatingLevel; ratedAt: string }>('/api/v1/ratings', { method: 'POST', body }),
};
