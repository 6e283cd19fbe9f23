/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ — handed to the applicant when a dossier cannot be
 * accepted, with the reasons in writing (docs/domain-vn.md §3.4; Mẫu 03 of Circular 01/2018/TT-VPCP,
 * kept in Circular 03/2025/TT-VPCP Phụ lục I).
 */
import type { Content } from 'pdfmake/interfaces';
import { contactLine, type FormApplicant, type FormContact, field, formTitle } from './form-parts.ts';
import { formatVnDateTime, officialHeader, renderPdf, sentenceCaseVi, signatureBlock } from './pdf.ts';
import { ratingQrBlock } from './rating-qr.ts';

export interface RefusalSlipData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Place name for the date line, e.g. 'Tân Thới'. */
  place: string;
  issuedAt: Date;
  /** Proper name of the receiving body in running text; defaults to issuerLine2 in sentence case. */
  receivingBodyName?: string;
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** When the applicant submitted the dossier (counter, portal or post). */
  submittedAt: Date;
  applicant: FormApplicant;
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  /** Lý do từ chối: one entry per reason, printed as a numbered list when there are several. */
  reasons: string[];
  contact: FormContact;
  /** The public page where the citizen rates the dossier (a QR at the foot); none when null. */
  ratingUrl?: string | null;
  /** Người từ chối; omit to leave the name for handwriting. */
  refuserName?: string | null;
}

/** Builds the pdfmake content of the slip; exported for layout tests. */
export function refusalSlipContent(data: RefusalSlipData): Content[] {
  const { applicant } = data;
  const reasons = data.reasons.map((reason) => reason.trim()).filter((reason) => reason !== '');
  if (reasons.length === 0) throw new RangeError('A refusal must state at least one reason');
  const receiver = data.receivingBodyName ?? sentenceCaseVi(data.issuerLine2);
  const email = applicant.email?.trim();
  const idNumber = applicant.idNumber?.trim();

  const facts: Content[] = [
    { text: [`${receiver} tiếp nhận hồ sơ của Ông (Bà): `, { text: applicant.fullName, bold: true }] },
    field('Mã hồ sơ', data.code, true),
    field('Thời gian nộp hồ sơ', formatVnDateTime(data.submittedAt)),
    field('Địa chỉ', applicant.address),
    { text: [`Số điện thoại: ${applicant.phone}`, email ? `          Email: ${email}` : ''] },
  ];
  if (idNumber) facts.push(field('Số căn cước', idNumber));
  facts.push(field('Nội dung yêu cầu giải quyết', data.subject, true));

  const reasonLines: Content =
    reasons.length === 1
      ? { text: reasons[0] ?? '', margin: [12, 2, 0, 0] }
      : { ol: reasons, margin: [12, 2, 0, 0] };

  return [
    officialHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      placeDate: { place: data.place, date: data.issuedAt },
    }),
    formTitle('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'),
    { stack: facts, lineHeight: 1.1 },
    {
      text: `Qua xem xét, ${receiver} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      margin: [0, 6, 0, 0],
    },
    { text: 'Lý do từ chối:', bold: true, margin: [0, 2, 0, 0] },
    reasonLines,
    { text: 'Xin thông báo cho Ông (Bà) được biết và thực hiện.', margin: [0, 6, 0, 0] },
    contactLine(data.contact, 'Nếu có vướng mắc'),
    {
      columns: [
        { width: '*', text: '' },
        { width: '*', stack: [signatureBlock({ title: 'Người từ chối', name: data.refuserName })] },
      ],
      margin: [0, 12, 0, 0],
      unbreakable: true,
    },
    ...(data.ratingUrl ? [ratingQrBlock(data.ratingUrl)] : []),
  ];
}

/** Renders the refusal slip (docs/domain-vn.md §3.4) as an A4 PDF. */
export async function renderRefusalSlip(data: RefusalSlipData): Promise<Buffer> {
  return renderPdf({
    info: { title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ ${data.code}`, subject: data.subject },
    content: refusalSlipContent(data),
  });
}
