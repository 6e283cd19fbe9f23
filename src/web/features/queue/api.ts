import { apiRequest } from '../../api/client';
import './i18n';

export interface QueueGroup {
  code: string;
  name: string;
}

export interface QueueTicket {
  id: string;
  unit: string;
  day: string;
  number: number;
  group: QueueGroup | null;
  status: 'waiting' | 'called' | 'served' | 'no_show';
  counter: number | null;
  takenAt: string;
  calledAt: string | null;
  calls: number;
  sms: boolean;
}

export interface TakenTicket extends QueueTicket {
  waitingAhead: number;
  followUrl: string;
  printUrl: string;
}

export interface BoardCall {
  number: number;
  counter: number;
  counterName: string;
  calledAt: string;
  calls: number;
}

export interface Board {
  unit: { code: string; name: string };
  day: string;
  current: BoardCall[];
  recent: BoardCall[];
  waiting: number;
}

export interface Follow {
  unit: { code: string; name: string };
  number: number;
  day: string;
  group: QueueGroup | null;
  status: QueueTicket['status'];
  counter: number | null;
  counterName: string | null;
  waitingAhead: number;
  expired: boolean;
}

export interface Counters {
  unit: { code: string; name: string };
  day: string;
  fields: QueueGroup[];
  counters: Array<{
    number: number;
    name: string;
    fields: string[];
    active: boolean;
    version: number;
    current: QueueTicket | null;
  }>;
  waiting: QueueTicket[];
}

export type TicketAction = 'recall' | 'skip' | 'transfer' | 'served' | 'no_show';

export const queueApi = {
  kiosk: (unit: string, signal?: AbortSignal) =>
    apiRequest<{ unit: { code: string; name: string }; groups: QueueGroup[] }>('/api/v1/queue/kiosk', {
      query: { unit },
      signal,
    }),
  take: (body: { unit: string; group?: string; phone?: string }) =>
    apiRequest<TakenTicket>('/api/v1/queue/tickets', { method: 'POST', body }),
  board: (unit: string, signal?: AbortSignal) =>
    apiRequest<Board>('/api/v1/queue/board', { query: { unit }, signal }),
  /** A ticket followed by its link (`/hang-doi/<commune>/<id>`): the commune finds it on its shard alone. */
  follow: (unit: string, id: string, signal?: AbortSignal) =>
    apiRequest<Follow>(`/api/v1/queue/tickets/${encodeURIComponent(id)}`, { query: { unit }, signal }),
  counters: (signal?: AbortSignal) => apiRequest<Counters>('/api/v1/queue/counters', { signal }),
  callNext: (counter: number) =>
    apiRequest<{ ticket: QueueTicket | null }>(`/api/v1/queue/counters/${counter}/call-next`, {
      method: 'POST',
    }),
  act: (id: string, body: { action: TicketAction; counter: number; to?: number }) =>
    apiRequest<QueueTicket>(`/api/v1/queue/tickets/${encodeURIComponent(id)}/actions`, {
      method: 'POST',
      body,
    }),
};
