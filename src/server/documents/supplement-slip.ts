/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — the written, one-time guidance listing everything an
 * applicant must add or correct (docs/domain-vn.md §3.3; Mẫu 02 of Circular 01/2018/TT-VPCP, kept in
 * Circular 03/2025/TT-VPCP Phụ lục I). Issued either before acceptance (no clock running) or during
 * processing (clock paused; the appointment moves by the time spent waiting).
 */
import type { Content, ContentTable, Margins, TableCell } from 'pdfmake/interfaces';
import {
  contactLine,
  FORM_TABLE_LAYOUT,
  type FormApplicant,
  type FormContact,
  field,
  formTitle,
  TABLE_FONT_SIZE,
} from './form-parts.ts';
import { officialHeader, renderPdf, sentenceCaseVi, signatureBlock } from './pdf.ts';
import { ratingQrBlock } from './rating-qr.ts';

export interface SupplementSlipItem {
  /** Thành phần hồ sơ to add or correct, e.g. 'Tờ khai đăng ký khai sinh'. */
  name: string;
  /** What exactly is missing or wrong, printed in italics under the name. */
  detail?: string | null;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

/** 'intake': the dossier is not accepted yet; 'processing': accepted, clock paused while waiting. */
export type SupplementStage = 'intake' | 'processing';

export interface SupplementSlipData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Issuing body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Place name for the date line, e.g. 'Tân Thới'. */
  place: string;
  /** Sequence part of "Số: …/HDHS"; omit to leave dots for a hand-written number. */
  number?: string | number | null;
  issuedAt: Date;
  /** Proper name of the receiving body in running text; defaults to issuerLine2 in sentence case. */
  receivingBodyName?: string;
  /** Dossier code; online dossiers have one before acceptance, counter dossiers may not. */
  code?: string | null;
  applicant: FormApplicant;
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  stage: SupplementStage;
  items: SupplementSlipItem[];
  /** Lý do. */
  reason: string;
  contact: FormContact;
  /** The public page where the citizen rates the dossier (a QR at the foot); none when null. */
  ratingUrl?: string | null;
  /** Người hướng dẫn; omit to leave the name for handwriting. */
  guideName?: string | null;
}

/** The one sentence that differs between a pre-acceptance and an in-processing request. */
export const STAGE_SENTENCE: Record<SupplementStage, string> = {
  intake:
    'Hồ sơ chưa được tiếp nhận. Sau khi Ông (Bà) bổ sung, hoàn thiện đầy đủ theo hướng dẫn này, ' +
    'hồ sơ sẽ được tiếp nhận và hẹn ngày trả kết quả theo quy định.',
  processing:
    'Hồ sơ đã được tiếp nhận và đang giải quyết. Thời gian chờ Ông (Bà) bổ sung, hoàn thiện hồ sơ ' +
    'không tính vào thời gian giải quyết; ngày hẹn trả kết quả được lùi lại tương ứng với thời gian chờ bổ sung.',
};

function itemsTable(items: SupplementSlipItem[]): ContentTable {
  const head = (
    text: string,
    extra: { rowSpan?: number; colSpan?: number; margin?: Margins } = {},
  ): TableCell => ({
    text,
    bold: true,
    alignment: 'center',
    fontSize: TABLE_FONT_SIZE - 1,
    ...extra,
  });
  const count = (value: number): TableCell => ({ text: String(value), alignment: 'center' });

  const body: TableCell[][] = [
    [
      head('TT', { rowSpan: 2, margin: [0, 7, 0, 0] }),
      head('Thành phần hồ sơ', { rowSpan: 2, margin: [0, 7, 0, 0] }),
      head('Số lượng', { colSpan: 3 }),
      {},
      {},
    ],
    [{}, {}, head('Bản chính'), head('Bản chứng thực'), head('Bản photo')],
  ];
  items.forEach((item, index) => {
    const detail = item.detail?.trim();
    body.push([
      { text: String(index + 1), alignment: 'center' },
      detail
        ? { stack: [item.name, { text: detail, italics: true, fontSize: TABLE_FONT_SIZE - 1 }] }
        : item.name,
      count(item.originals),
      count(item.certifiedCopies),
      count(item.photocopies),
    ]);
  });
  return {
    table: { headerRows: 2, dontBreakRows: true, widths: [22, '*', 46, 56, 42], body },
    layout: FORM_TABLE_LAYOUT,
    fontSize: TABLE_FONT_SIZE,
    margin: [0, 3, 0, 4],
  };
}

/** Builds the pdfmake content of the slip; exported for layout tests. */
export function supplementSlipContent(data: SupplementSlipData): Content[] {
  const { applicant } = data;
  if (data.items.length === 0) throw new RangeError('A supplement request must list at least one item');
  const receiver = data.receivingBodyName ?? sentenceCaseVi(data.issuerLine2);
  const number = data.number === undefined || data.number === null ? '……' : String(data.number);
  const email = applicant.email?.trim();

  const facts: Content[] = [
    { text: [`${receiver} tiếp nhận hồ sơ của Ông (Bà): `, { text: applicant.fullName, bold: true }] },
  ];
  if (data.code?.trim()) facts.push(field('Mã hồ sơ', data.code.trim(), true));
  facts.push(field('Nội dung yêu cầu giải quyết', data.subject, true), field('Địa chỉ', applicant.address), {
    text: [`Số điện thoại: ${applicant.phone}`, email ? `          Email: ${email}` : ''],
  });

  return [
    officialHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      numberLine: `Số: ${number}/HDHS`,
      placeDate: { place: data.place, date: data.issuedAt },
    }),
    formTitle('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'),
    { stack: facts, lineHeight: 1.1 },
    { text: 'Yêu cầu Ông (Bà) bổ sung, hoàn thiện hồ sơ gồm những nội dung như sau:', margin: [0, 6, 0, 0] },
    itemsTable(data.items),
    { text: [{ text: 'Lý do: ', bold: true }, data.reason], margin: [0, 2, 0, 0] },
    { text: STAGE_SENTENCE[data.stage], margin: [0, 4, 0, 0] },
    contactLine(data.contact, 'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc'),
    {
      columns: [
        { width: '*', text: '' },
        { width: '*', stack: [signatureBlock({ title: 'Người hướng dẫn', name: data.guideName })] },
      ],
      margin: [0, 12, 0, 0],
      unbreakable: true,
    },
    ...(data.ratingUrl ? [ratingQrBlock(data.ratingUrl)] : []),
  ];
}

/** Renders the supplement request slip (docs/domain-vn.md §3.3) as an A4 PDF. */
export async function renderSupplementSlip(data: SupplementSlipData): Promise<Buffer> {
  const code = data.code?.trim();
  return renderPdf({
    info: {
      title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ${code ? ` ${code}` : ''}`,
      subject: data.subject,
    },
    content: supplementSlipContent(data),
  });
}
