import { apiRequest } from '../../api/client';
import type { AddCounterRequest, QueueReport, UpdateCounterRequest } from '../../api/types';
import type { Counters } from './api';

/** The hall's report and the counters' configuration (staff app only). */
export const hallApi = {
  report: (q: { unit?: string; from: string; to: string }, signal?: AbortSignal) =>
    apiRequest<QueueReport>('/api/v1/reports/queue', {
      query: { ...(q.unit ? { unit: q.unit } : {}), from: q.from, to: q.to },
      signal,
    }),
  counters: (unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<Counters>('/api/v1/queue/counters', { query: unit ? { unit } : {}, signal }),
  addCounter: (body: AddCounterRequest) =>
    apiRequest<Counters>('/api/v1/queue/counters', { method: 'POST', body }),
  updateCounter: (number: number, body: UpdateCounterRequest) =>
    apiRequest<Counters>(`/api/v1/queue/counters/${number}`, { method: 'PATCH', body }),
  consultation: (body: { fieldCode: string; channel: 'counter'; subject: string; queueTicketId: string }) =>
    apiRequest<{ id: string }>('/api/v1/consultations', { method: 'POST', body }),
};
