/**
 * Thông báo dừng giải quyết hồ sơ — the written notice that processing of an accepted dossier has
 * stopped (status 8: ineligible after appraisal, or withdrawal confirmed), with the reasons
 * (docs/domain-vn.md §2.3 step 11 and §3.1: Mẫu 05 of Circular 03/2025/TT-VPCP Phụ lục I as reported;
 * the official wording has not been checked, so the body follows the refusal slip's phrasing).
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import {
  type FormApplicant,
  field,
  letterHeader,
  type OfficialSigner,
  recipientsAndSigner,
  type Salutation,
} from './form-parts.ts';
import { BODY_FONT_SIZE, formatVnDateTime, renderPdf, sentenceCaseVi } from './pdf.ts';

export interface StopNoticeData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI' (or the province for a commune People's Committee). */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG' or 'ỦY BAN NHÂN DÂN XÃ TÂN THỚI'. */
  issuerLine2: string;
  /** Place name for the date line, e.g. 'Tân Thới'. */
  place: string;
  issuedAt: Date;
  /** Number and symbol, printed after "Số: ", e.g. '07/TB-UBND'; omit for dots. */
  number?: string | null;
  /** Proper name of the issuing body in running text; defaults to issuerLine2 in sentence case. */
  issuerName?: string;
  /** How the applicant is addressed; defaults to 'Ông (Bà)'. */
  salutation?: Salutation;
  /** Dossier code (mã hồ sơ). */
  code: string;
  applicant: FormApplicant;
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  /** When the dossier was accepted; printed when known. */
  receivedAt?: Date | null;
  /** Why processing stops: one entry per reason. */
  reasons: string[];
  /** Optional closing guidance, e.g. where to collect the returned documents. */
  guidance?: string | null;
  signer: OfficialSigner;
  /** Nơi nhận; defaults to "Như trên" and "Lưu: VT". */
  recipients?: string[];
}

function paragraph(text: ContentText['text'], marginTop = 0): ContentText {
  return { text, alignment: 'justify', leadingIndent: 28, margin: [0, marginTop, 0, 4] };
}

/** Builds the pdfmake content of the notice; exported for layout tests. */
export function stopNoticeContent(data: StopNoticeData): Content[] {
  const reasons = data.reasons.map((reason) => reason.trim()).filter((reason) => reason !== '');
  if (reasons.length === 0) throw new RangeError('A stop notice must state at least one reason');
  const you = data.salutation ?? 'Ông (Bà)';
  const body = data.issuerName ?? sentenceCaseVi(data.issuerLine2);
  const recipients = data.recipients?.length ? data.recipients : ['Như trên', 'Lưu: VT'];
  const { applicant } = data;
  const number = data.number?.trim() ? data.number.trim() : '……';

  const received = data.receivedAt ? ` vào ${formatVnDateTime(data.receivedAt)}` : '';
  const facts: Content[] = [
    field('Mã hồ sơ', data.code, true),
    field('Nội dung yêu cầu giải quyết', data.subject, true),
    field('Người nộp hồ sơ', applicant.fullName),
    field('Địa chỉ', applicant.address),
    field('Số điện thoại', applicant.phone),
  ];

  const content: Content[] = [
    letterHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      numberLine: `Số: ${number}`,
      placeDate: { place: data.place, date: data.issuedAt },
    }),
    {
      stack: [
        { text: 'THÔNG BÁO', bold: true, fontSize: BODY_FONT_SIZE + 2 },
        { text: 'Dừng giải quyết hồ sơ', bold: true, fontSize: BODY_FONT_SIZE + 1 },
      ],
      alignment: 'center',
      margin: [0, 16, 0, 8],
    },
    { text: `Kính gửi: ${you} ${applicant.fullName}`, alignment: 'center', margin: [0, 0, 0, 10] },
    paragraph(`${body} đã tiếp nhận hồ sơ của ${you}${received}:`),
    { stack: facts, margin: [28, 0, 0, 4] },
    paragraph(`Qua xem xét, ${body} thông báo dừng giải quyết hồ sơ nêu trên với lý do cụ thể như sau:`),
    reasons.length === 1
      ? { text: reasons[0] ?? '', alignment: 'justify', margin: [28, 0, 0, 4] }
      : { ol: reasons, alignment: 'justify', margin: [28, 0, 0, 4] },
  ];
  const guidance = data.guidance?.trim();
  if (guidance) content.push(paragraph(guidance, 2));
  content.push(
    paragraph(`${body} thông báo để ${you} được biết./.`, 2),
    recipientsAndSigner(recipients, data.signer),
  );
  return content;
}

/** Renders the stop notice as an A4 PDF. */
export async function renderStopNotice(data: StopNoticeData): Promise<Buffer> {
  return renderPdf({
    info: { title: `Thông báo dừng giải quyết hồ sơ ${data.code}`, subject: data.subject },
    content: stopNoticeContent(data),
  });
}
