/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả — the letter the centre sends when a result will not be
 * ready on the appointment date: why, an apology, and the new date and place (docs/domain-vn.md §3.5 and
 * §2.3 step 9; Mẫu 04 of Circular 01/2018/TT-VPCP, "Văn bản xin lỗi …" in Circular 03/2025/TT-VPCP).
 * Laid out as a letter (Decree 30/2020): number and "V/v" summary, "Kính gửi", Nơi nhận, signer.
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import { letterHeader, type OfficialSigner, recipientsAndSigner, type Salutation } from './form-parts.ts';
import { formatVnDateTime, renderPdf, sentenceCaseVi } from './pdf.ts';

export type { Salutation } from './form-parts.ts';

export interface ApologyLetterData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Place name for the date line, e.g. 'Tân Thới'. */
  place: string;
  issuedAt: Date;
  /** Number and symbol, printed after "Số: ", e.g. '25/TTPVHCC'. */
  number: string;
  /** Proper name of the centre in running text, e.g. 'Trung tâm Phục vụ hành chính công xã Tân Thới'. */
  issuerName?: string;
  /** How the applicant is addressed; defaults to 'Ông (Bà)'. */
  salutation?: Salutation;
  applicantName: string;
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  receivedAt: Date;
  /** The appointment that was missed. */
  originalDueAt: Date;
  /** Unit that did not deliver the result in time, e.g. 'Công chức Tư pháp - Hộ tịch xã Tân Thới'. */
  responsibleUnit: string;
  /** Why the result is late. */
  reason: string;
  newDueAt: Date;
  /** Where the result is collected, e.g. 'Trung tâm Phục vụ hành chính công xã Tân Thới'. */
  returnPlace: string;
  /** The centre Director (or a deputy signing on the Director's behalf). */
  signer: OfficialSigner;
  /** Nơi nhận; defaults to "Như trên" and "Lưu: VT". */
  recipients?: string[];
}

export const APOLOGY_SUMMARY =
  'V/v xin lỗi đối với hồ sơ giải quyết quá hạn và hẹn lại thời gian trả kết quả';

/** "abc." → "abc": the letter adds its own punctuation after inserted phrases. */
function clause(text: string): string {
  return text.trim().replace(/[.;,]+$/u, '');
}

/** A justified body paragraph with the first line indented. */
function paragraph(text: ContentText['text']): ContentText {
  return { text, alignment: 'justify', leadingIndent: 28, margin: [0, 0, 0, 6] };
}

/** Builds the pdfmake content of the letter; exported for layout tests. */
export function apologyLetterContent(data: ApologyLetterData): Content[] {
  if (data.newDueAt.getTime() <= data.originalDueAt.getTime()) {
    throw new RangeError('The new appointment must be later than the original one');
  }
  const you = data.salutation ?? 'Ông (Bà)';
  const centre = data.issuerName ?? sentenceCaseVi(data.issuerLine2);
  const recipients = data.recipients?.length ? data.recipients : ['Như trên', 'Lưu: VT'];
  return [
    letterHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      numberLine: `Số: ${data.number}`,
      summary: APOLOGY_SUMMARY,
      placeDate: { place: data.place, date: data.issuedAt },
    }),
    {
      text: `Kính gửi: ${you} ${data.applicantName}`,
      alignment: 'center',
      margin: [0, 18, 0, 12],
    },
    paragraph([
      `${centre} đã tiếp nhận hồ sơ của ${you} vào ${formatVnDateTime(data.receivedAt)}, về việc `,
      { text: clause(data.subject), bold: true },
      ', mã hồ sơ: ',
      { text: data.code, bold: true },
      `. Thời gian hẹn trả kết quả là ${formatVnDateTime(data.originalDueAt)}.`,
    ]),
    paragraph(
      `Tuy nhiên, đơn vị chủ trì giải quyết hồ sơ là ${clause(data.responsibleUnit)} chưa có kết quả ` +
        `giải quyết đúng thời gian quy định, với lý do: ${clause(data.reason)}.`,
    ),
    paragraph(
      `Sự chậm trễ này đã gây phiền hà cho ${you}. ${centre} chân thành xin lỗi ${you} ` +
        `và rất mong nhận được sự thông cảm của ${you}.`,
    ),
    paragraph([
      `Hồ sơ của ${you} sẽ được trả kết quả vào `,
      { text: formatVnDateTime(data.newDueAt), bold: true },
      `, tại ${clause(data.returnPlace)}.`,
    ]),
    paragraph('Trân trọng./.'),
    recipientsAndSigner(recipients, data.signer),
  ];
}

/** Renders the apology and re-appointment letter (docs/domain-vn.md §3.5) as an A4 PDF. */
export async function renderApologyLetter(data: ApologyLetterData): Promise<Buffer> {
  return renderPdf({
    info: { title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${data.code}`, subject: data.subject },
    content: apologyLetterContent(data),
  });
}
