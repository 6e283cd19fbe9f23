/**
 * Sổ chứng thực (Decree 23/2015/NĐ-CP Art. 13; Circular 01/2020/TT-BTP forms as reported [I]): the
 * register of certified copies from originals (SCT/BS) and of signatures (SCT/CK), one volume per
 * year, entries numbered from 1. Columns follow the prescribed register: number, date, requester,
 * document, copies, signer's name and title, fee, notes. Landscape A4.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { FORM_TABLE_LAYOUT, TABLE_FONT_SIZE } from './form-parts.ts';
import { BODY_FONT_SIZE, cm, formatVnDate, officialHeader, renderPdf } from './pdf.ts';

export interface RegisterLine {
  number: number;
  issuedAt: Date;
  requesterName: string;
  requesterId: string | null;
  documentName: string;
  copies: number | null;
  signerName: string;
  signerTitle: string;
  fee: number | null;
  note: string | null;
  dossierCode: string;
}

export interface CertificationRegisterData {
  issuerLine1: string;
  issuerLine2: string;
  book: 'copy' | 'signature';
  title: string;
  volume: string;
  year: number;
  lines: RegisterLine[];
}

function dmy(at: Date): string {
  const d = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function certificationRegisterContent(data: CertificationRegisterData): Content[] {
  const isCopy = data.book === 'copy';
  const head = (
    isCopy
      ? [
          'Số TT / Số chứng thực',
          'Ngày, tháng, năm chứng thực',
          'Họ tên người yêu cầu chứng thực',
          'Tên bản chính giấy tờ, văn bản',
          'Số bản sao đã được chứng thực',
          'Họ tên, chức danh người ký chứng thực',
          'Lệ phí (đồng)',
          'Ghi chú',
        ]
      : [
          'Số TT / Số chứng thực',
          'Ngày, tháng, năm chứng thực',
          'Họ tên, giấy tờ tùy thân người yêu cầu chứng thực',
          'Tên giấy tờ, văn bản được chứng thực chữ ký',
          'Số bản',
          'Họ tên, chức danh người ký chứng thực',
          'Lệ phí (đồng)',
          'Ghi chú',
        ]
  ).map((text): TableCell => ({ text, bold: true, alignment: 'center' }));
  const rows: TableCell[][] = data.lines.map((l) => [
    { text: String(l.number), alignment: 'center' },
    dmy(l.issuedAt),
    isCopy ? l.requesterName : `${l.requesterName}${l.requesterId ? `\n${l.requesterId}` : ''}`,
    l.documentName,
    { text: l.copies === null ? '' : String(l.copies), alignment: 'center' },
    `${l.signerName}\n${l.signerTitle}`,
    { text: l.fee === null ? '' : l.fee.toLocaleString('vi-VN'), alignment: 'right' },
    [l.note ?? '', `Mã hồ sơ ${l.dossierCode}`].filter(Boolean).join('\n'),
  ]);
  return [
    officialHeader({ issuerLine1: data.issuerLine1, issuerLine2: data.issuerLine2 }),
    {
      stack: [
        { text: data.title.toLocaleUpperCase('vi-VN'), bold: true, fontSize: BODY_FONT_SIZE + 3 },
        { text: `Quyển số: ${data.volume}`, margin: [0, 4, 0, 0] },
        { text: `Năm ${data.year}`, italics: true },
      ],
      alignment: 'center',
      margin: [0, 14, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        widths: [42, 62, 110, '*', 48, 110, 56, 90],
        body: [head, ...rows],
      },
      layout: FORM_TABLE_LAYOUT,
      fontSize: TABLE_FONT_SIZE,
    },
    data.lines.length === 0
      ? { text: 'Chưa có mục nào trong năm.', italics: true, margin: [0, 6, 0, 0] }
      : {
          text: `Sổ này có ${data.lines.length} mục, đến ${formatVnDate(data.lines.at(-1)!.issuedAt)}.`,
          italics: true,
          margin: [0, 6, 0, 0],
        },
  ];
}

export async function renderCertificationRegister(data: CertificationRegisterData): Promise<Buffer> {
  return renderPdf({
    pageOrientation: 'landscape',
    pageMargins: [cm(1.5), cm(1.5), cm(1.5), cm(1.5)],
    content: certificationRegisterContent(data),
    info: { title: data.title },
  });
}
