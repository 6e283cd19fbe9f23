import type { z } from 'zod';
import type {
  HandledUnmatchedAnswerSchema,
  MapUnmatchedBodySchema,
  UnmatchedInboundAnswerSchema,
} from '../../server/modules/portal-sync/schemas.ts';
import { apiRequest } from './client';

/** A portal dossier waiting for an officer (GET /api/v1/integration/portal/unmatched). */
export type UnmatchedInbound = z.output<typeof UnmatchedInboundAnswerSchema>['items'][number];
export type MapUnmatchedBody = z.input<typeof MapUnmatchedBodySchema>;
export type HandledUnmatched = z.output<typeof HandledUnmatchedAnswerSchema>;

/** Mirrors StatusSchema of the server (modules/operations/schemas.ts). */
export type LinkState = 'up' | 'degraded' | 'down' | 'idle' | 'off';
export type LinkReason = 'probe_failed' | 'failing' | 'last_failed' | 'slow' | 'lagging' | 'not_configured';

export interface LinkFigures {
  link: string;
  state: LinkState;
  reasons: LinkReason[];
  backlog: number | null;
  oldestPendingAt: string | null;
  oldestPendingAgeSeconds: number | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  deadLettered: number;
  consecutiveFailures: number;
}

export interface LinkCard extends LinkFigures {
  configured: boolean;
  endpoint: string | null;
  probe: { ok: boolean; status?: number; latencyMs: number; error?: string; checkedAt: string } | null;
  lastError: string | null;
  attempts24h: number;
  failures24h: number;
}

export interface StatusBucket {
  at: string;
  attempts: number;
  failures: number;
  errorRate: number | null;
}

export interface IntegrationStatus {
  scope: { level: 'commune' | 'province'; code: string; name: string };
  generatedAt: string;
  links: LinkCard[];
  communes: Array<{ unit: { code: string; name: string }; links: LinkFigures[] }>;
  series: Array<{ link: string; window: '24h' | '7d'; bucketSeconds: number; buckets: StatusBucket[] }>;
  deadLetters: Array<{
    unitCode: string;
    id: string;
    link: string;
    dossierCode: string | null;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    deadAt: string;
  }>;
  canRetry: boolean;
}

export const operationsApi = {
  status: (province: string | undefined, signal?: AbortSignal) =>
    apiRequest<IntegrationStatus>('/api/v1/integration/status', { query: { province }, signal }),
  retry: (dossierCode: string) =>
    apiRequest<{ retried: number }>(`/api/v1/dossiers/${encodeURIComponent(dossierCode)}/sync/retry`, {
      method: 'POST',
    }),
  unmatched: (unitCode: string, signal?: AbortSignal) =>
    apiRequest<{ items: UnmatchedInbound[] }>('/api/v1/integration/portal/unmatched', {
      query: { unitCode },
      signal,
    }),
  mapUnmatched: (portalId: string, body: MapUnmatchedBody) =>
    apiRequest<HandledUnmatched>(`/api/v1/integration/portal/unmatched/${encodeURIComponent(portalId)}/map`, {
      method: 'POST',
      body,
    }),
  refuseUnmatched: (portalId: string, body: { unitCode: string; reason: string }) =>
    apiRequest<HandledUnmatched>(
      `/api/v1/integration/portal/unmatched/${encodeURIComponent(portalId)}/refuse`,
      { method: 'POST', body },
    ),
};
