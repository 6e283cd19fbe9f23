import { apiRequest } from './client';

/** Mirrors the partners module's schemas (src/server/modules/partners/schemas.ts). */
export type PartnerPermission = 'dossiers:read' | 'applicants:read' | 'webhooks';
export type WebhookEventKind = 'dossier.received' | 'dossier.status_changed' | 'dossier.updated';

export interface PartnerWebhook {
  id: string;
  url: string;
  events: WebhookEventKind[];
  createdAt: string;
  disabledAt: string | null;
}

export interface PartnerKey {
  id: string;
  name: string;
  prefix: string;
  scope: { kind: 'commune' | 'province'; code: string; name: string };
  permissions: PartnerPermission[];
  ratePerMinute: number;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  webhooks: PartnerWebhook[];
}

export interface NewPartnerKey {
  name: string;
  scope: { kind: 'commune' | 'province'; code: string };
  permissions: PartnerPermission[];
  ratePerMinute: number;
}

export const partnersApi = {
  keys: (signal?: AbortSignal) => apiRequest<{ items: PartnerKey[] }>('/api/v1/partners/keys', { signal }),
  createKey: (body: NewPartnerKey) =>
    apiRequest<{ key: PartnerKey; secret: string }>('/api/v1/partners/keys', { method: 'POST', body }),
  revokeKey: (id: string) =>
    apiRequest<PartnerKey>(`/api/v1/partners/keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
  createWebhook: (keyId: string, body: { url: string; events: WebhookEventKind[] }) =>
    apiRequest<{ webhook: PartnerWebhook; secret: string }>(
      `/api/v1/partners/keys/${encodeURIComponent(keyId)}/webhooks`,
      { method: 'POST', body },
    ),
  disableWebhook: (id: string) =>
    apiRequest<PartnerWebhook>(`/api/v1/partners/webhooks/${encodeURIComponent(id)}/disable`, {
      method: 'POST',
    }),
};
