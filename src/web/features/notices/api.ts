import { apiRequest } from '../../api/client';
import './i18n';

export type NoticeKind = 'notice' | 'legal_document';

export interface NoticeUnit {
  code: string;
  name: string;
  level: 'province' | 'commune';
}

export interface NoticeFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface PublicNotice {
  id: string;
  unit: NoticeUnit;
  kind: NoticeKind;
  title: string;
  summary: string;
  body: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  effectiveOn: string | null;
  publishedAt: string;
  updatedAt: string;
  expiresOn: string | null;
  attachments: NoticeFile[];
}

export interface PublicNoticeList {
  unit: NoticeUnit;
  province: NoticeUnit | null;
  page: number;
  pageSize: number;
  total: number;
  items: Array<Omit<PublicNotice, 'body'>>;
}

export interface ManagedNotice extends PublicNotice {
  version: number;
  state: 'shown' | 'expired' | 'unpublished';
  createdAt: string;
  unpublishedAt: string | null;
}

export interface NoticeFields {
  kind: NoticeKind;
  title: string;
  summary?: string;
  body?: string;
  docNumber?: string;
  issuer?: string;
  issuedOn?: string;
  effectiveOn?: string;
  expiresOn?: string;
}

export interface NewNoticeFile {
  fileName: string;
  dataBase64: string;
}

export const fileUrl = (unit: string, id: string, fileId: string) =>
  `/api/v1/notices/${encodeURIComponent(unit)}/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

export const noticesApi = {
  list: (unit: string, q: { kind?: NoticeKind; page: number; pageSize: number }, signal?: AbortSignal) =>
    apiRequest<PublicNoticeList>(`/api/v1/units/${encodeURIComponent(unit)}/notices`, {
      query: { ...q },
      signal,
    }),
  detail: (unit: string, id: string, signal?: AbortSignal) =>
    apiRequest<PublicNotice>(`/api/v1/notices/${encodeURIComponent(unit)}/${encodeURIComponent(id)}`, {
      signal,
    }),
  manage: (unit: string | undefined, signal?: AbortSignal) =>
    apiRequest<{ units: NoticeUnit[]; items: ManagedNotice[] }>('/api/v1/notices', {
      query: { unit },
      signal,
    }),
  create: (body: NoticeFields & { unitCode: string; attachments: NewNoticeFile[] }) =>
    apiRequest<ManagedNotice>('/api/v1/notices', { method: 'POST', body }),
  update: (
    unit: string,
    id: string,
    body: NoticeFields & {
      expectedVersion: number;
      addAttachments: NewNoticeFile[];
      removeAttachments: string[];
    },
  ) =>
    apiRequest<ManagedNotice>(`/api/v1/notices/${encodeURIComponent(unit)}/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body,
    }),
  setPublished: (unit: string, id: string, expectedVersion: number, published: boolean) =>
    apiRequest<ManagedNotice>(
      `/api/v1/notices/${encodeURIComponent(unit)}/${encodeURIComponent(id)}/${published ? 'publish' : 'unpublish'}`,
      { method: 'POST', body: { expectedVersion } },
    ),
};

/** 'YYYY-MM-DD' as the reader writes days (dd/mm/yyyy). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The day an instant falls on in Vietnam (UTC+7), written dd/mm/yyyy. */
export function formatInstantDay(iso: string): string {
  const v = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return formatDay(v.slice(0, 10));
}
