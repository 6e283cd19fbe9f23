import { apiRequest } from './client';

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
};
