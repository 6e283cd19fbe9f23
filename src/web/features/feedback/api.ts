import type { z } from 'zod';
import type { FeedbackAction, FeedbackRating } from '../../../domain/feedback/feedback.ts';
import type {
  FeedbackListSchema,
  FeedbackSchema,
  PublicFeedbackSchema,
  ReceiptSchema,
  SubmitBody,
} from '../../../server/modules/feedback/schemas.ts';
import { apiRequest } from '../../api/client';
import './i18n';

export type FeedbackReceipt = z.output<typeof ReceiptSchema>;
export type PublicFeedback = z.output<typeof PublicFeedbackSchema>;
export type StaffFeedback = z.output<typeof FeedbackSchema>;
export type FeedbackList = z.output<typeof FeedbackListSchema>;
export type FeedbackSubmit = z.input<typeof SubmitBody>;

const publicPath = (code: string) => `/api/v1/feedback/public/${encodeURIComponent(code)}`;

export const feedbackApi = {
  submit: (body: FeedbackSubmit) => apiRequest<FeedbackReceipt>('/api/v1/feedback', { method: 'POST', body }),
  follow: (code: string, signal?: AbortSignal) => apiRequest<PublicFeedback>(publicPath(code), { signal }),
  supplyInfo: (code: string, reply: string) =>
    apiRequest<PublicFeedback>(`${publicPath(code)}/info`, { method: 'POST', body: { reply } }),
  rate: (code: string, rating: FeedbackRating) =>
    apiRequest<PublicFeedback>(`${publicPath(code)}/rating`, { method: 'POST', body: { rating } }),
  list: (status: string | undefined, signal?: AbortSignal) =>
    apiRequest<FeedbackList>('/api/v1/feedback', { query: status ? { status } : undefined, signal }),
  detail: (code: string, signal?: AbortSignal) =>
    apiRequest<StaffFeedback>(`/api/v1/feedback/${encodeURIComponent(code)}`, { signal }),
  act: (code: string, body: { action: FeedbackAction; reason?: string; request?: string; answer?: string }) =>
    apiRequest<StaffFeedback>(`/api/v1/feedback/${encodeURIComponent(code)}/actions`, {
      method: 'POST',
      body,
    }),
};
