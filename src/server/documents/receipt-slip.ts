/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả — the receipt and appointment slip handed to the citizen
 * when a dossier is received (docs/domain-vn.md §3.2; Mẫu 01 of Circular 01/2018/TT-VPCP, kept in
 * Circular 03/2025/TT-VPCP Phụ lục I).
 */
import type {
  Content,
  ContentTable,
  ContentText,
  CustomTableLayout,
  Margins,
  TableCell,
} from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { pad2 } from '../../domain/calendar/vn-time.ts';
import { field } from './form-parts.ts';
import {
  BODY_FONT_SIZE,
  cm,
  formatVnDateTime,
  officialHeader,
  renderPdf,
  sentenceCaseVi,
  signatureRow,
} from './pdf.ts';
import { ratingQrBlock } from './rating-qr.ts';

export interface ReceiptSlipDocument {
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

export interface ReceiptSlipData {
  /** Governing body, e.g. 'UBND XÃ TÂN THỚI'. */
  issuerLine1: string;
  /** Receiving body, e.g. 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG'. */
  issuerLine2: string;
  /** Place name for the date line, e.g. 'Tân Thới'. */
  place: string;
  /** Dossier code (mã hồ sơ). */
  code: string;
  /** Public status page for this dossier; encoded in the QR code. */
  trackingUrl: string;
  applicant: { fullName: string; idNumber: string; phone: string; address: string; email?: string | null };
  /** Nội dung yêu cầu giải quyết. */
  subject: string;
  procedureName: string;
  /** How the dossier was submitted, e.g. 'Trực tiếp tại Trung tâm'. */
  channelText: string;
  documents: ReceiptSlipDocument[];
  /** Number of dossier sets (bộ). */
  sets: number;
  /** Legal processing time, e.g. '03 ngày làm việc' or 'Trong ngày'. */
  timeLimitText: string;
  receivedAt: Date;
  dueAt: Date;
  /** Where the result is collected, e.g. 'Trung tâm Phục vụ hành chính công xã Tân Thới'. */
  returnPlace: string;
  /** Entry in the dossier tracking book (Sổ theo dõi hồ sơ). */
  book: { volume: string; number: number };
  receiverName: string;
  /** Proper name of the receiving body in running text, e.g. 'Trung tâm Phục vụ hành chính công xã Tân Thới'. */
  receivingBodyName?: string;
  /** The public page where the citizen rates the dossier (a second QR at the foot); none when null. */
  ratingUrl?: string | null;
}

const QR_SIZE = cm(3);
const TABLE_FONT_SIZE = BODY_FONT_SIZE - 1;

/** Thin black grid with modest padding, closer to a printed form than pdfmake's default. */
const FORM_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The page citizens open to look a dossier up by code and phone digits: the URL without its query. */
function lookupAddress(trackingUrl: string): string {
  try {
    const url = new URL(trackingUrl);
    return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    // Not an absolute URL (e.g. a configured relative path): print it exactly as configured.
    return trackingUrl;
  }
}

async function qrCodeSvg(text: string): Promise<string> {
  // Level M survives ordinary print and scan wear; margin 0 because the layout provides the quiet zone.
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
}

function documentsTable(documents: ReceiptSlipDocument[]): ContentTable {
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
      head('Tên giấy tờ', { rowSpan: 2, margin: [0, 7, 0, 0] }),
      head('Số lượng', { colSpan: 3 }),
      {},
      {},
    ],
    [{}, {}, head('Bản chính'), head('Bản chứng thực'), head('Bản photo')],
  ];
  documents.forEach((doc, index) => {
    body.push([
      { text: String(index + 1), alignment: 'center' },
      doc.name,
      count(doc.originals),
      count(doc.certifiedCopies),
      count(doc.photocopies),
    ]);
  });
  if (documents.length === 0) {
    body.push([
      { text: '(Không có giấy tờ kèm theo)', italics: true, colSpan: 5, alignment: 'center' },
      {},
      {},
      {},
      {},
    ]);
  }

  return {
    table: { headerRows: 2, dontBreakRows: true, widths: [22, '*', 46, 56, 42], body },
    layout: FORM_TABLE_LAYOUT,
    fontSize: TABLE_FONT_SIZE,
    margin: [0, 3, 0, 4],
  };
}

/** Builds the pdfmake content of the slip; exported for layout tests. */
export async function receiptSlipContent(data: ReceiptSlipData): Promise<Content[]> {
  const { applicant } = data;
  const qr = await qrCodeSvg(data.trackingUrl);
  const receiver = data.receivingBodyName ?? sentenceCaseVi(data.issuerLine2);

  const applicantBlock: Content[] = [
    { text: [`${receiver} tiếp nhận hồ sơ của Ông (Bà): `, { text: applicant.fullName, bold: true }] },
    field('Hình thức nộp hồ sơ', data.channelText),
    field('Địa chỉ', applicant.address),
    field('Số điện thoại', applicant.phone),
    field('Email', applicant.email?.trim() ?? ''),
    field('Số căn cước', applicant.idNumber),
  ];

  const request: Content[] = [
    { ...field('Nội dung yêu cầu giải quyết', data.subject, true), margin: [0, 4, 0, 0] },
  ];
  if (data.procedureName.trim() !== data.subject.trim()) {
    request.push(field('Thủ tục hành chính', data.procedureName));
  }

  return [
    officialHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      placeDate: { place: data.place, date: data.receivedAt },
    }),
    {
      text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      bold: true,
      fontSize: BODY_FONT_SIZE + 2,
      alignment: 'center',
      margin: [0, 12, 0, 2],
    },
    { text: ['Mã hồ sơ: ', { text: data.code, bold: true }], alignment: 'center', margin: [0, 0, 0, 6] },
    {
      columns: [
        { width: '*', stack: applicantBlock },
        {
          width: QR_SIZE,
          stack: [
            { svg: qr, width: QR_SIZE, link: data.trackingUrl },
            {
              text: 'Quét mã để tra cứu',
              fontSize: 8,
              italics: true,
              alignment: 'center',
              margin: [0, 2, 0, 0],
            },
          ],
        },
      ],
      columnGap: 10,
    },
    ...request,
    { text: '1. Thành phần hồ sơ nộp gồm:', margin: [0, 2, 0, 0] },
    documentsTable(data.documents),
    `2. Số lượng hồ sơ: ${pad2(data.sets)} bộ`,
    `3. Thời gian giải quyết hồ sơ theo quy định: ${data.timeLimitText}`,
    `4. Thời gian nhận hồ sơ: ${formatVnDateTime(data.receivedAt)}`,
    {
      text: [
        '5. Thời gian trả kết quả giải quyết hồ sơ: ',
        { text: formatVnDateTime(data.dueAt), bold: true },
      ],
    },
    `6. Đăng ký nhận kết quả tại: ${data.returnPlace}`,
    {
      text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${data.book.volume}     Số thứ tự: ${data.book.number}`,
      margin: [0, 4, 0, 0],
    },
    {
      text: [
        'Ông (Bà) tra cứu tình trạng giải quyết hồ sơ bằng cách quét mã QR ở trên, hoặc nhập mã hồ sơ ',
        'và 4 số cuối của số điện thoại tại ',
        { text: lookupAddress(data.trackingUrl), link: data.trackingUrl, decoration: 'underline' },
        '.',
      ],
      italics: true,
      fontSize: TABLE_FONT_SIZE,
      margin: [0, 4, 0, 8],
    },
    signatureRow([{ title: 'Người nộp hồ sơ' }, { title: 'Người tiếp nhận hồ sơ', name: data.receiverName }]),
    ...(data.ratingUrl ? [ratingQrBlock(data.ratingUrl)] : []),
  ];
}

/** Renders the receipt and appointment slip (docs/domain-vn.md §3.2) as a one-page A4 PDF. */
export async function renderReceiptSlip(data: ReceiptSlipData): Promise<Buffer> {
  return renderPdf({
    info: { title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.code}`, subject: data.subject },
    content: await receiptSlipContent(data),
  });
}
