/**
 * Results the commune issues itself, drafted from the dossier (src/domain/results/templates.ts): the
 * Giấy xác nhận tình trạng hôn nhân (Circular 04/2020/TT-BTP form, as reported), the certification
 * wording (lời chứng) of a certified copy and of a signature (Decree 23/2015/NĐ-CP forms), and the
 * copy of a civil-status extract. Every one carries the official header, number and symbol, place and
 * date, the signer block (authority, title, signature, name), the dossier code and a QR code to the
 * public tracking page, where anyone can check that a result with this number was issued.
 * A preview (no number yet) is marked "DỰ THẢO" across the page.
 */
import type { Content } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import {
  bookVolume,
  RESULT_BOOKS,
  type ResultBook,
  type TemplateKey,
} from '../../domain/results/templates.ts';
import { field } from './form-parts.ts';
import { BODY_FONT_SIZE, officialHeader, renderPdf, upperVi } from './pdf.ts';

export interface ResultDocumentData {
  template: TemplateKey;
  title: string;
  book: ResultBook;
  /** 'UBND XÃ TÂN THỚI' style governing body and the issuing body. */
  issuerLine1: string;
  issuerLine2: string;
  /** Proper name of the commune People's Committee in running text, e.g. 'Ủy ban nhân dân xã Tân Thới'. */
  issuerName: string;
  place: string;
  /** Issue time; null on a preview. */
  issuedAt: Date | null;
  /** Year and number in the book; null on a preview. */
  year: number;
  number: number | null;
  /** Printed after "Số: ". */
  numberText: string | null;
  code: string;
  verifyUrl: string;
  fields: Record<string, string>;
  signer: { authority: string; title: string; name: string };
}

const QR_SIZE = 72;
const DOTS = '……';

function v(data: ResultDocumentData, key: string): string {
  return data.fields[key]?.trim() || DOTS;
}

function dateWords(at: Date | null): string {
  if (!at) return `ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  const d = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `ngày ${p(d.getUTCDate())} tháng ${p(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

function paragraph(text: string | Content[], marginTop = 0): Content {
  return { text: text as string, alignment: 'justify', margin: [0, marginTop, 0, 4] } as Content;
}

function body(data: ResultDocumentData): Content[] {
  const issuer = data.issuerName;
  const book = RESULT_BOOKS[data.book];
  const certNo = data.number === null ? DOTS : String(data.number);
  const volume = `${bookVolume(data.year)}-${book.symbol}`;
  switch (data.template) {
    case 'marital_status':
      return [
        paragraph(`${upperVi(issuer)}`, 0),
        paragraph(
          `Xét đề nghị của ông/bà ${v(data, 'fullName')} về việc cấp Giấy xác nhận tình trạng hôn nhân,`,
        ),
        { text: 'XÁC NHẬN:', bold: true, alignment: 'center', margin: [0, 4, 0, 6] },
        field('Họ, chữ đệm, tên', v(data, 'fullName'), true),
        field('Ngày, tháng, năm sinh', v(data, 'dateOfBirth')),
        {
          columns: [
            field('Giới tính', v(data, 'sex')),
            field('Dân tộc', v(data, 'ethnicity')),
            field('Quốc tịch', v(data, 'nationality')),
          ],
        },
        field('Giấy tờ tùy thân', v(data, 'idDocument')),
        field('Nơi cư trú', v(data, 'residence')),
        ...(data.fields.residencePeriod?.trim()
          ? [field('Trong thời gian cư trú tại', data.fields.residencePeriod.trim())]
          : []),
        field('Tình trạng hôn nhân', v(data, 'maritalStatus'), true),
        field('Giấy này được cấp để', v(data, 'purpose')),
        paragraph('Giấy này có giá trị sử dụng trong thời hạn 06 tháng, kể từ ngày cấp.', 4),
      ];
    case 'certified_copy':
      return [
        field('Người yêu cầu chứng thực', v(data, 'requesterName'), true),
        field('Giấy tờ tùy thân', v(data, 'requesterId')),
        field('Bản chính giấy tờ, văn bản', v(data, 'documentName')),
        field('Số trang của bản chính', v(data, 'pages')),
        field('Số bản sao được chứng thực', v(data, 'copies')),
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [
                    { text: 'Chứng thực bản sao đúng với bản chính.', bold: true },
                    `Số chứng thực: ${certNo}        Quyển số: ${volume}`,
                    `${data.place}, ${dateWords(data.issuedAt)}`,
                  ],
                  margin: [8, 6, 8, 6],
                },
              ],
            ],
          },
          margin: [0, 10, 0, 4],
        },
        field('Lệ phí', `${Number(data.fields.fee ?? 0).toLocaleString('vi-VN')} đồng`),
        ...(data.fields.note?.trim() ? [field('Ghi chú', data.fields.note.trim())] : []),
      ];
    case 'signature':
      return [
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  stack: [
                    `Hôm nay, ${dateWords(data.issuedAt)}, tại ${issuer},`,
                    `tôi ${data.signer.name || DOTS}, ${data.signer.title ? data.signer.title.toLocaleLowerCase('vi-VN') : DOTS},`,
                    { text: 'CHỨNG THỰC:', bold: true, margin: [0, 4, 0, 2] },
                    `Ông/bà ${v(data, 'requesterName')}, ${v(data, 'requesterId')}, đã ký vào ${v(data, 'documentName')} trước mặt tôi.`,
                    `Số chứng thực: ${certNo}        Quyển số: ${volume}`,
                  ],
                  margin: [8, 6, 8, 6],
                },
              ],
            ],
          },
          margin: [0, 6, 0, 4],
        },
        field('Số bản', v(data, 'copies')),
        field('Lệ phí', `${Number(data.fields.fee ?? 0).toLocaleString('vi-VN')} đồng`),
        ...(data.fields.note?.trim() ? [field('Ghi chú', data.fields.note.trim())] : []),
      ];
    case 'civil_extract':
      return [
        field('Loại trích lục', v(data, 'extractKind'), true),
        field('Người được đăng ký', v(data, 'personName'), true),
        field('Đăng ký tại Sổ hộ tịch', v(data, 'registration')),
        { text: 'Nội dung đã đăng ký:', margin: [0, 4, 0, 2] },
        paragraph(v(data, 'registeredFacts')),
        field('Người yêu cầu', v(data, 'requesterName')),
        field('Số bản sao', v(data, 'copies')),
        paragraph(`Bản sao trích lục này được cấp từ Sổ hộ tịch do ${issuer} đang lưu giữ.`, 4),
      ];
  }
}

/** Builds the pdfmake content of a result; exported for layout tests. */
export async function resultDocumentContent(data: ResultDocumentData): Promise<Content[]> {
  const qr = await QRCode.toString(data.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const signerLines: Content[] = [];
  if (data.signer.authority.trim()) signerLines.push({ text: upperVi(data.signer.authority), bold: true });
  signerLines.push(
    { text: upperVi(data.signer.title || 'NGƯỜI KÝ'), bold: true },
    { text: '(Ký, ghi rõ họ tên và đóng dấu)', italics: true },
    { text: data.signer.name || ' ', bold: true, margin: [0, 56, 0, 0] },
  );
  return [
    officialHeader({
      issuerLine1: data.issuerLine1,
      issuerLine2: data.issuerLine2,
      numberLine: `Số: ${data.numberText ?? DOTS}`,
      placeDate: data.issuedAt ? { place: data.place, date: data.issuedAt } : undefined,
    }),
    ...(data.issuedAt
      ? []
      : [
          {
            text: `${data.place}, ${dateWords(null)}`,
            italics: true,
            alignment: 'right',
            margin: [0, 6, 0, 0],
          } as Content,
        ]),
    {
      text: data.title,
      bold: true,
      fontSize: BODY_FONT_SIZE + 3,
      alignment: 'center',
      margin: [0, 16, 0, 10],
    },
    ...body(data),
    {
      columns: [
        {
          width: QR_SIZE + 90,
          stack: [
            { svg: qr, width: QR_SIZE, link: data.verifyUrl },
            { text: `Mã hồ sơ: ${data.code}`, fontSize: 9, margin: [0, 3, 0, 0] },
            { text: 'Quét mã để kiểm tra trên trang tra cứu hồ sơ', fontSize: 8, italics: true },
          ],
        },
        { width: '*', stack: signerLines, alignment: 'center' },
      ],
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  ];
}

/** Renders a result (or its preview) to PDF bytes. */
export async function renderResultDocument(data: ResultDocumentData): Promise<Buffer> {
  const content = await resultDocumentContent(data);
  return renderPdf({
    content,
    info: { title: data.title, subject: data.code },
    ...(data.issuedAt
      ? {}
      : {
          watermark: { text: 'DỰ THẢO', opacity: 0.12, bold: true, angle: -40 },
        }),
  });
}
