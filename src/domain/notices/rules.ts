/*
 * Notices (thông báo) and legal documents (văn bản pháp luật, văn bản chỉ đạo) a commune or its
 * province publishes for citizens (issue 16 item 5): what makes one consistent and when a citizen sees it.
 */
import { addDays, type PlainDate, vnDateOf } from '../calendar/vn-time.ts';

export const NOTICE_KINDS = ['notice', 'legal_document'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The one file type a notice may carry: what citizens download and read on any phone. */
export const NOTICE_FILE_TYPE = 'application/pdf';

export interface NoticeDates {
  kind: NoticeKind;
  docNumber?: string | null;
  issuer?: string | null;
  issuedOn?: PlainDate | null;
  effectiveOn?: PlainDate | null;
  /** Last day shown to citizens (Vietnam's calendar), none: until unpublished. */
  expiresOn?: PlainDate | null;
}

export interface NoticeProblem {
  path: string;
  message: string;
}

/**
 * What is wrong with a notice's legal fields and dates (empty when nothing): a legal document names
 * its number, issuing body and date of issue; it takes effect on or after that date; and the last day
 * shown is not before the day it is published (`today`, Vietnam's calendar).
 */
export function noticeProblems(n: NoticeDates, today: PlainDate): NoticeProblem[] {
  const out: NoticeProblem[] = [];
  if (n.kind === 'legal_document') {
    if (!n.docNumber) out.push({ path: 'docNumber', message: 'Văn bản cần có số, ký hiệu' });
    if (!n.issuer) out.push({ path: 'issuer', message: 'Văn bản cần có cơ quan ban hành' });
    if (!n.issuedOn) out.push({ path: 'issuedOn', message: 'Văn bản cần có ngày ban hành' });
  }
  if (n.issuedOn && n.effectiveOn && n.effectiveOn < n.issuedOn)
    out.push({ path: 'effectiveOn', message: 'Ngày có hiệu lực không được trước ngày ban hành' });
  if (n.expiresOn && n.expiresOn < today)
    out.push({ path: 'expiresOn', message: 'Ngày hết hạn đăng không được trước ngày đăng' });
  return out;
}

/** The instant a notice shown until `expiresOn` (inclusive, Vietnam's calendar) stops being shown. */
export function expiryInstant(expiresOn: PlainDate): Date {
  return new Date(`${addDays(expiresOn, 1)}T00:00:00+07:00`);
}

/** The last day shown, back from the stored instant. */
export function expiresOnOf(expiresAt: Date): PlainDate {
  return vnDateOf(new Date(expiresAt.getTime() - 1));
}

export interface NoticeState {
  publishedAt: Date;
  expiresAt: Date | null;
  unpublishedAt: Date | null;
}

/** Whether citizens see the notice now: published, not taken down, not past its last day. */
export function isShown(n: NoticeState, now: Date): boolean {
  return (
    n.unpublishedAt === null &&
    n.publishedAt.getTime() <= now.getTime() &&
    (n.expiresAt === null || n.expiresAt.getTime() > now.getTime())
  );
}

/** A PDF by its first bytes (the declared type is not trusted). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 5 &&
    bytes[0] === 0x25 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x46 &&
    bytes[4] === 0x2d
  );
}
